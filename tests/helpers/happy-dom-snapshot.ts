/**
 * A page snapshotted as the content script would see it in a browser tab: happy-dom (a browser-like DOM) with scripts,
 * style sheets and frames not loaded. For tests that want a browser's DOM rather than the command line's parser.
 */
import { Window } from 'happy-dom';
import { takeSnapshot } from '../../lib/snapshot/take-snapshot';
import type { PageSnapshot } from '../../lib/snapshot/types';

export function snapshotInHappyDom(html: string, url: string): PageSnapshot {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  const snapshot = takeSnapshot(window.document as unknown as Document, url);
  void window.happyDOM.close();
  return snapshot;
}
