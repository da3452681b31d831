/**
 * The page reader. Injected only when the side panel asks (registration: runtime — never on every page),
 * it answers with a description of the page. It holds no state and changes nothing on the page.
 */
import { describePage } from '@/lib/page/describe-page';
import { isContentRequest } from '@/lib/messaging/protocol';

export default defineContentScript({
  registration: 'runtime',
  main() {
    const marker = '__gongkaiInspectorReader';
    const scope = globalThis as Record<string, unknown>;
    if (scope[marker]) return;
    scope[marker] = true;
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isContentRequest(message)) return undefined;
      return Promise.resolve(describePage(document, location.href));
    });
  },
});
