/**
 * Page understanding, once per page: from any `Document` (the live page, happy-dom, linkedom) to a `PageSnapshot`.
 * Same-origin frames are read as part of the page (old portals put the whole content in a frame), their pieces
 * located by frame index; a frame that cannot be read is reported in `frames.unreadable`, never silently skipped.
 */
import { describePage } from '../page/describe-page';
import { extractFields } from './fields';
import { extractLinks } from './links';
import { extractListItems } from './list-items';
import { locate, resetLocatorCache } from './locator';
import {
  extractBlankSignals,
  extractPagination,
  extractPrintedTotals,
  extractPublishInfo,
  extractValidityMarks,
} from './marks';
import { flatText, indexText, type TextEntry } from './text-index';
import type { PageSnapshot } from './types';

const MAX_TEXT_BLOCKS = 20_000;
const MAX_TEXT = 2_000_000;
const MAX_FRAME_DEPTH = 3;
const DIGIT_RUN = /\d(?:[\d\s-]{5,}|[\d*＊xX×]{5,})\d/;

export function takeSnapshot(doc: Document, url: string): PageSnapshot {
  const snapshot: PageSnapshot = {
    ...describePage(doc, url),
    version: 1,
    publishInfo: null,
    fields: [],
    headerTables: [],
    listItems: [],
    blankSignals: [],
    pagination: null,
    attachments: [],
    interpretationLinks: [],
    originalLinks: [],
    validityMarks: [],
    textBlocks: [],
    truncated: false,
    stats: { elements: 0, textLength: 0 },
  };
  readDocument(doc, [], snapshot, 0);
  return snapshot;
}

function readDocument(doc: Document, frame: number[], into: PageSnapshot, depth: number): void {
  resetLocatorCache(doc);
  const texts = indexText(doc);
  const anchors = Array.from(doc.querySelectorAll('a[href]'));
  const { fields, headerTables } = extractFields(doc, frame, texts);
  into.fields.push(...fields);
  into.headerTables.push(...headerTables);
  const listBase = into.listItems.reduce((max, i) => Math.max(max, i.list + 1), 0);
  into.listItems.push(...extractListItems(doc, frame, anchors).map((i) => ({ ...i, list: i.list + listBase })));
  into.blankSignals.push(...extractBlankSignals(texts, frame));
  into.publishInfo ??= extractPublishInfo(texts, frame);
  into.pagination ??= extractPagination(doc) ?? extractPrintedTotals(texts);
  const links = extractLinks(doc, frame, anchors);
  into.attachments.push(...links.attachments);
  into.interpretationLinks.push(...links.interpretationLinks);
  into.originalLinks.push(...links.originalLinks);
  into.validityMarks.push(...extractValidityMarks(texts, frame));
  collectText(doc, texts, frame, into);

  if (depth >= MAX_FRAME_DEPTH) return;
  const frames = Array.from(doc.querySelectorAll<HTMLIFrameElement>('iframe, frame'));
  frames.forEach((el, index) => {
    let inner: Document | null = null;
    try {
      inner = el.contentDocument;
    } catch {
      inner = null;
    }
    if (!inner || !inner.body) return;
    if (depth > 0) into.frames.total += 1;
    if (depth > 0) into.frames.readable += 1;
    readDocument(inner, [...frame, index], into, depth + 1);
  });
}

function collectText(doc: Document, texts: readonly TextEntry[], frame: number[], into: PageSnapshot): void {
  if (!doc.body) return;
  into.stats.elements += doc.body.getElementsByTagName('*').length;
  // Only text that could hold a personal number (a run of 7+ digits, spaces or dashes allowed) is kept: the
  // privacy scan reads these, and locating every text block of a large page would cost more than all checks.
  // An element is read whole when one of its text nodes holds such a run (a number split by tags is not seen).
  const candidates = new Set<Element>();
  for (const { parent, value } of texts) {
    into.stats.textLength += value.length;
    if (DIGIT_RUN.test(value)) candidates.add(parent);
  }
  let kept = 0;
  for (const el of candidates) {
    const text = flatText(el);
    if (!DIGIT_RUN.test(text)) continue;
    kept += text.length;
    if (into.textBlocks.length >= MAX_TEXT_BLOCKS || kept > MAX_TEXT) {
      into.truncated = true;
      continue;
    }
    into.textBlocks.push({ text, locator: locate(el, frame) });
  }
}
