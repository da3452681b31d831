/**
 * One pass over a document's text nodes (script and style left out), shared by every extractor that looks for
 * words — blank-column notices, validity marks, the 发布时间 line, `标签：值` lines, digit runs — so that none of them
 * has to read the text of every element (which is quadratic on nested layouts). `flatText` reads an element's text
 * only up to a bound, so reading the text around each of many links or rows stays linear in the page.
 */
import { readText } from '../page/read-text';
import { collapseShown } from '../text/whitespace';
import { INK, textMarks } from './text-marks';

export { readText };

/** Elements whose text the page does not show as text: their own text nodes are left out of the index. */
export const NOT_SHOWN_SELECTOR = 'script, style, noscript, template, textarea, select, option';

/**
 * A text node of the page, with its text and what it can hold (see text-marks): readers skip the texts that lack
 * their trigger. Its element is asked of the DOM only when a reader wants it (most texts of a page are passed over).
 * `at`: its place in the page's text (`PageText.entries`).
 */
export class TextEntry {
  constructor(
    readonly node: Node,
    readonly value: string,
    readonly marks: number,
    readonly at: number,
  ) {}

  get parent(): Element {
    return this.node.parentElement!;
  }
}

/** Bits of the marks (text-marks: INK and the thirteen triggers). */
const MARK_BITS = 14;

/**
 * The page's text, indexed once: every text node that shows ink, in page order, and for each mark the texts that
 * carry it — so that a reader looking for its words passes over the texts that hold its trigger, not over all of
 * them (a pass over every text of a large page, for each of ten readers, cost more than the readers' own work).
 */
export class PageText {
  /** Every text node of the scope that shows ink, in page order. */
  readonly entries: TextEntry[] = [];
  /** Characters of all entries. */
  chars = 0;
  private readonly byMark: TextEntry[][] = Array.from({ length: MARK_BITS }, () => []);

  add(node: Node, value: string, marks: number): void {
    const entry = new TextEntry(node, value, marks, this.entries.length);
    this.entries.push(entry);
    this.chars += value.length;
    // Each mark other than INK (every entry has it), lowest first.
    for (let rest = marks & ~INK; rest !== 0; rest &= rest - 1) this.byMark[31 - Math.clz32(rest & -rest)]!.push(entry);
  }

  /** The entries carrying `mark` (one mark of text-marks, not several), in page order. */
  with(mark: number): readonly TextEntry[] {
    if (mark <= 0 || (mark & (mark - 1)) !== 0 || mark >= 1 << MARK_BITS) throw new RangeError(`not one mark: ${mark}`);
    return mark === INK ? this.entries : this.byMark[31 - Math.clz32(mark)]!;
  }
}

/**
 * The elements that hold a text carrying `mark` (the text's element and each of its ancestors): a reader that looks
 * for the mark's words in an element's whole text reads only these — the words cannot be in the others' text.
 */
export function holdersOf(texts: PageText, mark: number): Set<Element> {
  const holders = new Set<Element>();
  for (const entry of texts.with(mark))
    for (let el: Element | null = entry.parent; el !== null && !holders.has(el); el = el.parentElement) holders.add(el);
  return holders;
}

/**
 * The page's text nodes under `root` (a document's body, or an open shadow root read as part of the page).
 * `hasTemplate`: whether the scope holds a `<template>`, when the caller knows (else it is looked up); `notShown`: the
 * scope's script, style, noscript, textarea, select and option elements when the caller has listed them (their own
 * text nodes are left out).
 */
export function indexText(
  doc: Document,
  root: Node | null = doc.body,
  hasTemplate?: boolean,
  notShown?: readonly Element[],
): PageText {
  const out = new PageText();
  if (!root) return out;
  // Parsers outside the browser (linkedom) keep a <template>'s content as its children: its text is not the page's
  // (a declarative shadow root's content is read as a shadow root instead). Only then is the check paid, once per
  // element (a memo, so a deep page stays linear).
  const inTemplate = (hasTemplate ?? (root as ParentNode).querySelector?.('template') != null) ? templateMemo() : null;
  // The text nodes of script, style and the like, found from their elements (a few per page), so that the text nodes
  // of the page need not be asked for their element one by one.
  const hidden = new Set<Node>();
  for (const el of notShown ?? Array.from((root as ParentNode).querySelectorAll?.(NOT_SHOWN_SELECTOR) ?? []))
    for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) hidden.add(child);
  // A text directly in a shadow root (no element around it) is left out, as it always was.
  if (root.nodeType !== 1)
    for (let child = root.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) hidden.add(child);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const marks = textMarks(value);
    if ((marks & INK) === 0) continue;
    if (hidden.size > 0 && hidden.has(node)) continue;
    if (inTemplate?.(node.parentElement!)) continue;
    out.add(node, value, marks);
  }
  return out;
}

/** Whether an element sits inside a <template> (iterative, each element decided once). */
export function templateMemo(): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    const chain: Element[] = [];
    let answer = false;
    for (let cur: Element | null = el; cur; cur = cur.parentElement ?? null) {
      const memo = known.get(cur);
      if (memo !== undefined) {
        answer = memo;
        break;
      }
      if (cur.tagName === 'TEMPLATE') {
        answer = true;
        break;
      }
      chain.push(cur);
    }
    for (const c of chain) known.set(c, answer);
    return answer;
  };
}

/** True when the text has a character other than whitespace (checked without allocating). */
export function hasInk(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff) return true;
  }
  return false;
}

/** How much of an element `flatText` reads by default: more than any label, date line or list row needs. */
export const FLAT_TEXT_LIMIT = 4_096;

/** Text of an element, whitespace collapsed, read up to `limit` characters (see `readText`). */
export function flatText(el: Node, limit = FLAT_TEXT_LIMIT): string {
  if (el.firstChild === null) return '';
  // One text child (most links and cells): the value itself, no walk.
  const only = el.firstChild;
  if (only.nextSibling === null && only.nodeType === 3) {
    const v = only.nodeValue ?? '';
    return collapseShown(v.length > limit ? v.slice(0, limit) : v);
  }
  return readText(el, limit).text;
}
