/**
 * A page's HTML text → PageSnapshot outside a browser (command line, imports, tests): parsed as a browser parses it
 * (parse-html.ts) and read by the same takeSnapshot the extension runs in the page. Relative links resolve against
 * `url` unless the page has its own <base href>. Decides nothing about where the text came from or how it was decoded.
 */
import { takeSnapshot } from '../snapshot/take-snapshot';
import type { PageSnapshot } from '../snapshot/types';
import { parseHtmlDocument } from './parse-html';

/** The page's document, with `url` as its base unless it has its own <base href> (the crawler reads links from it). */
export function parseHtmlAt(html: string, url: string): Document {
  const document = parseHtmlDocument(html);
  if (!document.querySelector('base[href]') && document.head) {
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head.insertBefore(base, document.head.firstChild);
  }
  return document;
}

export function snapshotFromHtml(html: string, url: string, charset = 'UTF-8'): PageSnapshot {
  const snapshot = takeSnapshot(parseHtmlAt(html, url), url);
  return { ...snapshot, charset };
}
