/**
 * Reads an element's text with a bound on the cost, for every reader that looks at the text around a node (the
 * breadcrumb, list rows, links, the privacy scan): however large or deep the element, at most `limit` characters and
 * `limit` nodes are visited. Decides nothing about what the text means.
 */
import { collapseShown } from '../text/whitespace';

/**
 * Text of an element (as textContent gives it), whitespace collapsed — at most the first `limit` characters, found in
 * at most `limit` nodes: the cost is bounded however large or deep the element is. `complete` is false when the
 * element holds more than was read.
 */
export interface ReadTextOptions {
  /**
   * Leave out elements hidden in the markup itself (the `hidden` attribute, an inline `display:none`), for readers of
   * what a visitor sees (the breadcrumb). Never for the privacy scan: hidden text is still in the page.
   */
  skipHidden?: boolean;
  /** A node inside the element whose text is left out, a space in its place (a list row's link: the row's text beside it). */
  leaveOut?: Node;
}

/** Shared default (readText runs for every link and row of a page: no allocation per call). */
const DEFAULTS: ReadTextOptions = {};

export function readText(
  el: Node,
  limit: number,
  options: ReadTextOptions = DEFAULTS,
): { text: string; complete: boolean } {
  let raw = '';
  let visited = 0;
  let complete = true;
  // An iterative walk (no recursion: a page nested 10,000 levels deep must not overflow the stack).
  // Each node is asked for its first child and its next sibling once (a question to the DOM costs more than the rest).
  let node: Node | null = el.firstChild;
  while (node) {
    if (++visited > limit || raw.length > limit) {
      complete = false;
      break;
    }
    const type = node.nodeType;
    if (type === 3 || type === 4) raw += node.nodeValue ?? '';
    else if (node === options.leaveOut) raw += ' ';
    else if (type === 1) {
      const first: Node | null = node.firstChild;
      if (first !== null && !(options.skipHidden && hiddenInMarkup(node as Element))) {
        node = first;
        continue;
      }
    }
    let next: Node | null = node.nextSibling;
    while (next === null) {
      node = node.parentNode;
      if (node === null || node === el) break;
      next = node.nextSibling;
    }
    node = next;
  }
  if (raw.length > limit) {
    raw = raw.slice(0, limit);
    complete = false;
  }
  return { text: collapseShown(raw), complete };
}

const DISPLAY_NONE = /display\s*:\s*none/i;

/** Hidden by the page's own markup: the `hidden` attribute or an inline `display:none` (no style sheet is read). */
export function hiddenInMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}
