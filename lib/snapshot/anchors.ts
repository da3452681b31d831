/**
 * The links of a scope, read once for every reader of links — list rows (list-items) and attachments, 解读 and 原文
 * links (links): each link's href and its text, and, on demand, the text around a link (its parent's, read at most
 * once per element; its row's beside it). Links that lead nowhere (`javascript:`, `#…`, `mailto:`) are left out here,
 * for all readers.
 * Decides nothing about what a link is.
 */
import { flatText, readText } from './text-index';

/** A link's text is read up to this many characters (more than any title; the readers cut it shorter as they need). */
export const ANCHOR_TEXT_LIMIT = 1_000;
/** The text around a link is read up to this many characters (the date beside a title sits well within it). */
export const AROUND_TEXT_LIMIT = 1_000;

export interface AnchorRead {
  el: Element;
  /** The href as written in the page. */
  href: string;
  /** The link's text, whitespace collapsed, up to ANCHOR_TEXT_LIMIT characters. */
  text: string;
}

const NOWHERE = /^(javascript:|#|mailto:)/i;

export function readAnchors(links: readonly Element[]): AnchorRead[] {
  const out: AnchorRead[] = [];
  for (const el of links) {
    const href = el.getAttribute('href') ?? '';
    if (NOWHERE.test(href)) continue;
    out.push({ el, href, text: flatText(el, ANCHOR_TEXT_LIMIT) });
  }
  return out;
}

/** The text of an element around links (whitespace collapsed, up to AROUND_TEXT_LIMIT), read once per element. */
export type TextAround = (el: Element) => { text: string; complete: boolean };

export function textAround(): TextAround {
  const known = new Map<Element, { text: string; complete: boolean }>();
  return (el) => {
    let read = known.get(el);
    if (read === undefined) {
      read = readText(el, AROUND_TEXT_LIMIT);
      known.set(el, read);
    }
    return read;
  };
}

/**
 * The text of a link's row around the link — the row's text with the link's own left out (a space in its place),
 * whitespace collapsed: where a list row prints its date. Read like the text around links (up to AROUND_TEXT_LIMIT
 * characters and nodes), without entering the link.
 */
export function textBeside(row: Element, link: Element): string {
  return readText(row, AROUND_TEXT_LIMIT, { leaveOut: link }).text;
}
