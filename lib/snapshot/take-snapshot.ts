/**
 * Page understanding, once per page: from any `Document` (the live page, happy-dom, linkedom) to a `PageSnapshot`.
 * Same-origin frames and shadow roots are read as part of the page (old portals put the whole content in a frame;
 * widgets put theirs in shadow roots — closed ones too, through the extension's API when it is given), their pieces
 * located by frame index and shadow host; a frame or shadow root that cannot be read (cross-origin, past the cap, the
 * API failing) is reported (`frames.unreadable`, `shadowRoots.unread`), never silently skipped.
 * Linear in the page in every dimension — links per parent, rows, text, depth: each part has a cap, and a cap that
 * is hit sets `truncated` and names the part and how much was kept in `truncation`, for every view to say so.
 */
import { describePage } from '../page/describe-page';
import type { ShadowRootOpener } from '../page/frames';
import { readAnchors, textAround } from './anchors';
import { beginChromeMemo, endChromeMemo } from './chrome';
import { type ElementIndex, indexElements } from './element-index';
import { extractFields } from './fields';
import { extractLinks, MAX_LINK_REFS } from './links';
import { extractListItems, MAX_LIST_ITEMS } from './list-items';
import { beginDeferredPaths, endDeferredPaths, locate, registerShadowRoot, resetLocatorCache } from './locator';
import {
  extractBlankSignals,
  extractGoneNotices,
  extractPagination,
  extractPrintedTotals,
  extractPublishInfo,
  extractValidityMarks,
} from './marks';
import { collapseShown, isRegExpSpace } from '../text/whitespace';
import { collapse } from './text';
import { holdersOf, indexText, type PageText, readText } from './text-index';
import { DIGIT, DOCUMENT_WORD, GARBLED, PROSE } from './text-marks';
import type { PageSnapshot, Truncation } from './types';

/** The caps: far above any real portal page (a list page has 15–50 items), low enough to keep a page's cost bounded. */
export interface SnapshotLimits {
  listItems: number;
  /** Each kind of link kept (attachments, 解读 links, 原文 links). */
  links: number;
  fields: number;
  /** Digit-bearing text blocks for the privacy scan, and their characters. */
  textBlocks: number;
  textChars: number;
  /** Short marks: blank-column notices, validity marks. */
  marks: number;
  /** Sentences kept for elements printed in prose, and their characters. */
  sentences: number;
  sentenceChars: number;
}

export const SNAPSHOT_LIMITS: SnapshotLimits = {
  listItems: MAX_LIST_ITEMS,
  links: MAX_LINK_REFS,
  fields: 10_000,
  textBlocks: 20_000,
  textChars: 2_000_000,
  marks: 2_000,
  sentences: 300,
  sentenceChars: 30_000,
};

/** Text of an element kept whole for the privacy scan up to this; past it, only its digit-bearing text nodes. */
const TEXT_BLOCK_LIMIT = 4_096;
const MAX_FRAME_DEPTH = 3;
const MAX_SHADOW_ROOTS = 1_000;
/**
 * Characters no reader can make sense of: U+FFFD (bytes the decoder could not read) and 锟斤拷, which is what U+FFFD's
 * own UTF-8 bytes become when read once more as GBK (the classic double-decoding of a Chinese page).
 */
const REPLACEMENT = '\uFFFD';
const DOUBLE_DECODED = '锟斤拷';

function countGarbled(value: string): number {
  let n = 0;
  for (let i = value.indexOf(REPLACEMENT); i !== -1; i = value.indexOf(REPLACEMENT, i + 1)) n++;
  for (let i = value.indexOf(DOUBLE_DECODED); i !== -1; i = value.indexOf(DOUBLE_DECODED, i + 3)) n++;
  return n;
}

/** A sentence kept for prose elements is at least this long (`是。` and `，` alone are no sentence). */
const MIN_SENTENCE = 8;
/**
 * A run of 7+ digits (spaces allowed): the piece of a personal number a text node must hold for its element to be read
 * for the privacy scan. The scan (checks/privacy-leaks) reads numbers of digits and spaces only, so a run broken by
 * dashes (a date, `0591-2683`) or by mask characters (`138****8000`) can never be a leak and is not read.
 */
export const DIGIT_RUN = /\d[\d\s]{5,}\d/;

/**
 * Whether the text holds a DIGIT_RUN, found by one scan of its characters: from each digit that starts a run of digits
 * and spaces, a digit six or more places on within the run (most texts with a digit hold a short number: the scan
 * ends faster than the pattern's search, which the snapshot asks of every such text of a page).
 */
export function hasDigitRun(text: string): boolean {
  const n = text.length;
  for (let i = 0; i + 6 < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d >= 48 && d <= 57) {
        if (j - i >= 6) return true;
      } else if (!isRegExpSpace(d)) break;
    }
    // A run from a later place in this one ends where this one does: it is shorter.
    i = j;
  }
  return false;
}

export interface SnapshotOptions {
  /** Opens closed shadow roots (the extension's own API), so that they are read as part of the page. */
  shadowRootOpener?: ShadowRootOpener;
  /** Lower caps (tests); the defaults are SNAPSHOT_LIMITS. */
  limits?: Partial<SnapshotLimits>;
  /**
   * Put the pieces' paths off (the page reader's mode): each piece's locator holds a `ref` into the table that
   * `deferredElements` gives for the snapshot, and a path is computed only for what the checks report (`pathsOf`) —
   * most pieces of a page are never reported, and their paths are most of what locating costs.
   */
  deferPaths?: boolean;
}

const deferredTables = new WeakMap<PageSnapshot, Element[]>();

/** The elements a snapshot taken with `deferPaths` numbered, by `ref` (undefined for a snapshot with its paths). */
export function deferredElements(snapshot: PageSnapshot): Element[] | undefined {
  return deferredTables.get(snapshot);
}

export function takeSnapshot(doc: Document, url: string, options: SnapshotOptions = {}): PageSnapshot {
  const index = indexElements(doc, doc.body ? options.shadowRootOpener : undefined);
  const snapshot: PageSnapshot = {
    ...describePage(doc, url, index),
    version: 1,
    publishInfo: null,
    fields: [],
    headerTables: [],
    listItems: [],
    blankSignals: [],
    goneNotices: [],
    pagination: null,
    attachments: [],
    interpretationLinks: [],
    originalLinks: [],
    moreLinks: [],
    validityMarks: [],
    sentences: [],
    textBlocks: [],
    truncated: false,
    truncation: [],
    shadowRoots: { read: 0, unread: [] },
    stats: { elements: 0, textLength: 0 },
  };
  const table = options.deferPaths ? beginDeferredPaths() : null;
  beginChromeMemo();
  try {
    readDocument(doc, index, [], snapshot, 0, { ...options, limits: { ...SNAPSHOT_LIMITS, ...options.limits } });
  } finally {
    endChromeMemo();
    if (table) endDeferredPaths();
  }
  if (table) deferredTables.set(snapshot, table);
  return snapshot;
}

/** Appends without spreading (a spread of a long array overflows the stack), up to `cap`; what is left is counted. */
function append<T>(
  into: T[],
  items: readonly T[],
  cap: number,
  part: Truncation['part'],
  snapshot: PageSnapshot,
): void {
  let dropped = 0;
  for (const item of items) {
    if (into.length < cap) into.push(item);
    else dropped += 1;
  }
  if (dropped > 0) noteTruncation(snapshot, part, into.length);
}

function noteTruncation(snapshot: PageSnapshot, part: Truncation['part'], kept: number): void {
  snapshot.truncated = true;
  const known = snapshot.truncation.find((t) => t.part === part);
  if (known) known.kept = kept;
  else snapshot.truncation.push({ part, kept });
}

type ReadOptions = SnapshotOptions & { limits: SnapshotLimits };

function readDocument(
  doc: Document,
  index: ElementIndex,
  frame: number[],
  into: PageSnapshot,
  depth: number,
  options: ReadOptions,
) {
  resetLocatorCache(doc);
  readScope(doc, doc, doc.body, index, frame, into, options.limits);
  if (doc.body) {
    // Shadow roots (open, declarative, and closed ones the opener gives), and those inside them, read as part of this
    // document (breadth first, no recursion); each scope's elements are indexed once (see element-index).
    const scopes: ElementIndex[] = [index];
    for (let i = 0; i < scopes.length; i++) {
      const found = scopes[i]!.shadowRoots;
      for (const host of found.unread) into.shadowRoots.unread.push(host);
      for (const { root, host } of found.open) {
        if (into.shadowRoots.read >= MAX_SHADOW_ROOTS) {
          into.shadowRoots.unread.push(`<${host.tagName.toLowerCase()}>`);
          continue;
        }
        into.shadowRoots.read += 1;
        registerShadowRoot(root, host);
        const inside = indexElements(root, options.shadowRootOpener);
        readScope(doc, root as unknown as ParentNode, root, inside, frame, into, options.limits);
        scopes.push(inside);
      }
    }
  }

  if (depth >= MAX_FRAME_DEPTH) return;
  index.frames.forEach((el, at) => {
    let inner: Document | null = null;
    try {
      inner = el.contentDocument;
    } catch {
      inner = null;
    }
    if (!inner?.body) return;
    if (depth > 0) into.frames.total += 1;
    if (depth > 0) into.frames.readable += 1;
    readDocument(
      inner,
      indexElements(inner, inner.body ? options.shadowRootOpener : undefined),
      [...frame, at],
      into,
      depth + 1,
      options,
    );
  });
}

/**
 * Reads one scope — a document, or an open shadow root of it (queried like a document: the extractors use only
 * `querySelectorAll` and `baseURI` of what they are given) — into the snapshot; `index` lists its elements by tag.
 */
function readScope(
  doc: Document,
  scope: ParentNode,
  root: Node | null,
  index: ElementIndex,
  frame: number[],
  into: PageSnapshot,
  limits: SnapshotLimits,
): void {
  const page = scope as unknown as Document;
  const texts = indexText(doc, root, index.hasTemplate, index.notShown);
  // Each link read once for both readers of links.
  const anchors = readAnchors(index.anchors);
  const { fields, headerTables } = extractFields(page, frame, texts, index);
  append(into.fields, fields, limits.fields, 'fields', into);
  append(into.headerTables, headerTables, limits.marks, 'fields', into);
  let listBase = 0;
  for (const item of into.listItems) listBase = Math.max(listBase, item.list + 1);
  const list = extractListItems(page, frame, anchors, limits.listItems);
  for (const item of list.items) item.list += listBase;
  append(into.listItems, list.items, limits.listItems, 'list-items', into);
  if (list.dropped > 0) noteTruncation(into, 'list-items', into.listItems.length);
  append(into.blankSignals, extractBlankSignals(texts, frame), limits.marks, 'text', into);
  into.goneNotices ??= [];
  append(into.goneNotices, extractGoneNotices(texts, frame), limits.marks, 'text', into);
  into.publishInfo ??= extractPublishInfo(
    texts,
    frame,
    index.hasTemplate ? index.headlines.filter((h) => !h.closest('template')) : index.headlines,
  );
  into.pagination ??= extractPagination(page, index.scripts) ?? extractPrintedTotals(texts);
  const links = extractLinks(page, frame, anchors, limits.links, textAround(), holdersOf(texts, DOCUMENT_WORD));
  append(into.attachments, links.attachments, limits.links, 'links', into);
  append(into.interpretationLinks, links.interpretationLinks, limits.links, 'links', into);
  append(into.originalLinks, links.originalLinks, limits.links, 'links', into);
  append(into.moreLinks, links.moreLinks, limits.links, 'links', into);
  if (links.dropped > 0)
    noteTruncation(
      into,
      'links',
      into.attachments.length + into.interpretationLinks.length + into.originalLinks.length,
    );
  append(into.validityMarks, extractValidityMarks(texts, frame), limits.marks, 'text', into);
  into.stats.elements += index.elements;
  collectText(texts, frame, into, limits);
}

function collectText(texts: PageText, frame: number[], into: PageSnapshot, limits: SnapshotLimits): void {
  // Only text that could hold a personal number (a run of 7+ digits, spaces allowed: DIGIT_RUN) is kept: the
  // privacy scan reads these, and locating every text block of a large page would cost more than all checks.
  // An element is read whole (up to TEXT_BLOCK_LIMIT) when one of its text nodes holds such a run (a number split by
  // tags is not seen); a larger element gives only its own digit-bearing text nodes, so the cost stays linear.
  const candidates = new Map<Element, string[]>();
  let proseRun = into.stats.proseRun ?? 0;
  let sentenceChars = 0;
  let sentencesCut = false;
  for (const s of into.sentences) sentenceChars += s.text.length;
  let garbled = 0;
  into.stats.textLength += texts.chars;
  for (const { value } of texts.with(GARBLED)) garbled += countGarbled(value);
  for (const entry of texts.with(PROSE)) {
    const { value } = entry;
    // Until the sentence cap is reached every text of sentence length is asked; after it, only one longer than the
    // longest prose seen (the prose run needs no more): a few times per page.
    if (value.length >= MIN_SENTENCE && (!sentencesCut || value.length > proseRun)) {
      if (value.length > proseRun) proseRun = value.length;
      if (into.sentences.length < limits.sentences && sentenceChars + value.length <= limits.sentenceChars) {
        const text = collapse(value);
        sentenceChars += text.length;
        into.sentences.push({ text, locator: locate(entry.parent, frame) });
      } else if (!sentencesCut) {
        sentencesCut = true;
        noteTruncation(into, 'sentences', into.sentences.length);
      }
    }
  }
  for (const entry of texts.with(DIGIT)) {
    const { value } = entry;
    // A run is at least seven characters long: shorter texts (list numbers, short dates) are not searched.
    if (value.length < 7 || !hasDigitRun(value)) continue;
    const parent = entry.parent;
    const values = candidates.get(parent);
    if (values) values.push(value);
    else candidates.set(parent, [value]);
  }
  into.stats.proseRun = proseRun;
  // Text the page itself cannot show (a wrong encoding upstream): said like a cap, so every view reports it.
  if (garbled > 0)
    noteTruncation(into, 'garbled', garbled + (into.truncation.find((t) => t.part === 'garbled')?.kept ?? 0));
  let kept = 0;
  for (const [el, values] of candidates) {
    const whole = readText(el, TEXT_BLOCK_LIMIT);
    const text = whole.complete ? whole.text : collapseShown(values.join(' '));
    if (!hasDigitRun(text)) continue;
    if (into.textBlocks.length >= limits.textBlocks || kept + text.length > limits.textChars) {
      noteTruncation(into, 'text-blocks', into.textBlocks.length);
      continue;
    }
    kept += text.length;
    into.textBlocks.push({ text, locator: locate(el, frame) });
  }
}
