/**
 * Finds list items (a linked title, usually with a date) and groups them into lists by their parent element.
 * Decides: which rows are items and each item's date (undated items keep date null: they count as not updated).
 * A row is the innermost li / tr / dd / p / div around a link that holds no other link with text (icon links beside a
 * title — file type, download — add no item); rows are grouped by their parent
 * (or, for one-row tables, by the element the single-child chain above them ends in). A group counts as a list
 * when at least one of its rows is dated, or when it is long and its links read as document titles (an undated list);
 * menus and footers (short entries) are left out. A row the page's own markup hides (a closed tab panel) is kept and
 * marked `hidden`. One pass over the links: linear in the page (a row is looked for at
 * most `MAX_ROW_DISTANCE` levels up, a row's text read up to a bound). At most `MAX_LIST_ITEMS` are kept; `dropped`
 * counts the rest, for the snapshot to say so.
 */
import { type AnchorRead, readAnchors, textBeside } from './anchors';
import { findListDate } from './dates';
import { shownInMarkup } from './fields';
import { locate } from './locator';
import { collapse, compact } from './text';
import type { ListItem } from './types';

const ROW = new Set(['LI', 'TR', 'DD', 'P', 'DIV']);
/** A row further above its link than this is not a list row (and looking further would cost the page's depth per link). */
const MAX_ROW_DISTANCE = 32;
export const MAX_LIST_ITEMS = 10_000;

function rowOf(link: Element): Element | null {
  let el: Element | null = link;
  for (let up = 0; el && up <= MAX_ROW_DISTANCE; up++, el = el.parentElement) if (ROW.has(el.tagName)) return el;
  return null;
}

/**
 * `anchors`: the scope's links read once (see anchors). A row's text beside its link is read for its date up to its
 * first AROUND_TEXT_LIMIT characters (the date sits beside the title).
 */
export function extractListItems(
  doc: Document,
  frame: number[],
  anchors: readonly AnchorRead[] = readAnchors(Array.from(doc.querySelectorAll('a[href]'))),
  max = MAX_LIST_ITEMS,
): { items: ListItem[]; dropped: number } {
  const linksPerRow = new Map<Element, AnchorRead[]>();
  for (const link of anchors) {
    const row = rowOf(link.el);
    if (!row) continue;
    const links = linksPerRow.get(row);
    if (links) links.push(link);
    else linksPerRow.set(row, [link]);
  }
  // First the cheap facts of every candidate row and its group; a row's text beside its link (for its date) only in
  // groups of two rows or more (a row alone is no list); URLs and locators only for the rows of groups that are lists.
  interface Row {
    row: Element;
    link: Element;
    href: string;
    title: string;
    dateText: string | null;
    date: string | null;
  }
  const groups = new Map<Element, Row[]>();
  for (const [row, links] of linksPerRow) {
    const titled = titledLink(links);
    if (!titled) continue;
    const { el: link, href, text: linkText } = titled;
    const title = collapse(link.getAttribute('title') || linkText);
    // A collapsed title of 8 characters or more keeps at least 4 once its spaces go: the regex is spared.
    if (title.length < 8 && compact(title).length < 4) continue;
    const parent = groupOf(row);
    const group = groups.get(parent);
    const entry: Row = { row, link, href, title, dateText: null, date: null };
    if (group) group.push(entry);
    else groups.set(parent, [entry]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const r of group) {
      const outside = textBeside(r.row, r.link);
      const found = /\d/.test(outside) ? findListDate(outside, r.href) : null;
      if (found) {
        r.dateText = found.text;
        r.date = found.date;
      }
    }
  }
  const items: ListItem[] = [];
  const shown = shownInMarkup();
  const base = baseUrl(doc);
  // Read once: `URL.origin` builds a new string on every read.
  const origin = base?.origin;
  let index = 0;
  let dropped = 0;
  for (const group of groups.values()) {
    if (group.length < 2 || (!group.some((r) => r.date !== null) && !isUndatedList(group))) continue;
    for (const r of group) {
      if (items.length >= max) {
        dropped += 1;
        continue;
      }
      const item: ListItem = {
        title: r.title,
        href: absolute(r.href, base, origin),
        dateText: r.dateText,
        date: r.date,
        list: index,
        locator: locate(r.row, frame),
      };
      if (!shown(r.row)) item.hidden = true;
      items.push(item);
    }
    index += 1;
  }
  return { items, dropped };
}

/**
 * The one link of a row that carries its title: the only link, or the only one with text when the others are icons
 * (a file-type or download image beside the title, as download centres print each form). Null when two links have
 * text (a menu row, a row of several items).
 */
function titledLink(links: readonly AnchorRead[]): AnchorRead | null {
  if (links.length === 1) return links[0]!;
  let titled: AnchorRead | null = null;
  for (const link of links) {
    if (link.text === '') continue;
    if (titled) return null;
    titled = link;
  }
  return titled;
}

/**
 * An undated list (the 19号 rules ask that it be reported as undated, not ignored): many rows whose links read as
 * document titles, not as menu entries — at least UNDATED_MIN_ROWS rows, most titles UNDATED_MIN_TITLE characters or more.
 */
const UNDATED_MIN_ROWS = 8;
const UNDATED_MIN_TITLE = 10;

function isUndatedList(group: ReadonlyArray<{ title: string }>): boolean {
  if (group.length < UNDATED_MIN_ROWS) return false;
  const long = group.filter((r) => compact(r.title).length >= UNDATED_MIN_TITLE).length;
  return long * 4 >= group.length * 3;
}

/**
 * The element that holds a row's list: its parent — or, when the row is alone in its parent (older portals print each
 * item as its own one-row table), the parent of the last single-child ancestor above it.
 */
function groupOf(row: Element): Element {
  let node: Element = row;
  while (node.parentElement && onlyElementChild(node) && node.parentElement.tagName !== 'BODY')
    node = node.parentElement;
  return node.parentElement ?? row;
}

/**
 * True when the element has no element sibling. Asked through its neighbours, never `childElementCount`: that counts
 * every child of the parent (linkedom walks them), so asking it for each of 150,000 rows in one list was quadratic.
 */
function onlyElementChild(node: Element): boolean {
  return node.previousElementSibling === null && node.nextElementSibling === null;
}

function baseUrl(doc: Document): URL | undefined {
  try {
    return new URL(doc.baseURI);
  } catch {
    return undefined;
  }
}

function absolute(href: string, base: URL | undefined, origin: string | undefined): string {
  if (/^https?:\/\//i.test(href)) return href;
  // Root-relative links are most of a portal's: join them without a full URL parse.
  if (origin !== undefined && href.startsWith('/') && !href.startsWith('//') && !/[\s\\]/.test(href))
    return origin + href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
