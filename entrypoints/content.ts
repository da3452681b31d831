/**
 * The page reader. Injected only when the side panel asks (registration: runtime — never on every page), it answers
 * with the page snapshot and, on request, scrolls to and flashes an element or draws/clears the highlights overlay.
 */
import { flashElement } from '@/lib/highlight/flash';
import { clearOverlay, drawOverlay } from '@/lib/highlight/overlay';
import {
  CLEAR_HIGHLIGHT,
  HIGHLIGHT,
  isContentRequest,
  PAGE_HTML,
  RESOLVE_PATHS,
  REVEAL,
  type TAKE_SNAPSHOT,
  type ContentResponses,
} from '@/lib/messaging/protocol';
import { resolveLocator } from '@/lib/snapshot/locator';
import { PathTables } from '@/lib/snapshot/path-tables';
import { takeSnapshot } from '@/lib/snapshot/take-snapshot';

export default defineContentScript({
  registration: 'runtime',
  main() {
    const marker = '__gongkaiInspectorReader';
    const scope = globalThis as Record<string, unknown>;
    if (scope[marker]) return;
    scope[marker] = true;
    // The pieces the last snapshots numbered: their paths are computed when the panel asks for the reported ones.
    const tables = new PathTables();
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isContentRequest(message)) return undefined;
      if (message.type === REVEAL) {
        const el = resolveLocator(document, message.locator, shadowRootOpener);
        if (el) flashElement(el.ownerDocument, el, message.color);
        return Promise.resolve({ found: el !== null } satisfies ContentResponses[typeof REVEAL]);
      }
      if (message.type === HIGHLIGHT)
        return Promise.resolve({
          found: drawOverlay(document, message.overlay, shadowRootOpener),
        } satisfies ContentResponses[typeof HIGHLIGHT]);
      if (message.type === CLEAR_HIGHLIGHT) {
        clearOverlay(document);
        return Promise.resolve({ found: 0 } satisfies ContentResponses[typeof CLEAR_HIGHLIGHT]);
      }
      if (message.type === PAGE_HTML) {
        return Promise.resolve<ContentResponses[typeof PAGE_HTML]>({
          html: document.documentElement.outerHTML,
          url: location.href,
          title: document.title,
        });
      }
      if (message.type === RESOLVE_PATHS)
        return Promise.resolve<ContentResponses[typeof RESOLVE_PATHS]>({
          paths: tables.paths(message.table, message.refs),
        });
      return Promise.resolve<ContentResponses[typeof TAKE_SNAPSHOT]>(
        tables.keep(takeSnapshot(document, location.href, { shadowRootOpener, deferPaths: true })),
      );
    });
  },
});

/**
 * Closed shadow roots are visible to the extension only (Chrome's `chrome.dom`, Firefox's `openOrClosedShadowRoot`, both
 * open to content scripts): the snapshot reads them as part of the page, and reveal / highlight reach into them.
 */
function shadowRootOpener(el: Element): ShadowRoot | null {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } })
    .chrome?.dom;
  if (dom?.openOrClosedShadowRoot) return dom.openOrClosedShadowRoot(el);
  return (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
}
