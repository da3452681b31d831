/**
 * A page's HTML text → PageSnapshot outside a browser (command line, imports, tests): parsed with linkedom and read by
 * the same takeSnapshot the extension runs in the page. Decides nothing about where the text came from.
 */
import { parseHTML } from 'linkedom';
import { takeSnapshot } from '../snapshot/take-snapshot';
import type { PageSnapshot } from '../snapshot/types';

export function snapshotFromHtml(html: string, url: string, charset = 'UTF-8'): PageSnapshot {
  const withBase = /<base\s/i.test(html)
    ? html
    : html.replace(/<head([^>]*)>/i, (m) => `${m}<base href="${url.replace(/"/g, '%22')}">`);
  const { document } = parseHTML(
    /<head[\s>]/i.test(withBase) ? withBase : `<head><base href="${url.replace(/"/g, '%22')}"></head>${html}`,
  );
  const snapshot = takeSnapshot(document as unknown as Document, url);
  return { ...snapshot, charset };
}
