/**
 * Finds list items (a linked title, usually with a date) and groups them into lists by their parent element.
 * Decides: which rows are items and each item's date (undated items keep date null: they count as not updated).
 * A group counts as a list only when at least one of its rows is dated, so menus and footers are left out.
 */
import { findListDate } from './dates';
import { locate } from './locator';
import { collapse, compact, textOf } from './text';
import type { ListItem } from './types';

const ROWS = 'li, tr, dd, p, div';

export function extractListItems(doc: Document, frame: number[]): ListItem[] {
  const rows = Array.from(doc.querySelectorAll(ROWS)).filter((row) => {
    if (row.querySelectorAll('a[href]').length !== 1) return false;
    // The innermost row only: a div holding several li rows is not itself a row.
    return !hasRowChild(row);
  });
  const groups = new Map<Element, ListItem[]>();
  for (const row of rows) {
    const link = row.querySelector('a[href]')!;
    const href = link.getAttribute('href') ?? '';
    if (/^(javascript:|#|mailto:)/i.test(href)) continue;
    const title = collapse(link.getAttribute('title') || textOf(link));
    if (compact(title).length < 4) continue;
    const rowText = textOf(row);
    const outside = rowText.replace(textOf(link), ' ');
    const found = findListDate(outside, href) ?? null;
    const parent = row.parentElement ?? row;
    const list = groups.get(parent) ?? [];
    list.push({ title, href: absolute(href, doc), dateText: found?.text ?? null, date: found?.date ?? null, list: 0, locator: locate(row, frame) });
    groups.set(parent, list);
  }
  const items: ListItem[] = [];
  let index = 0;
  for (const group of groups.values()) {
    if (group.length < 2 || !group.some((i) => i.date !== null)) continue;
    for (const item of group) items.push({ ...item, list: index });
    index += 1;
  }
  return items;
}

function hasRowChild(row: Element): boolean {
  for (const child of Array.from(row.querySelectorAll(ROWS))) if (child.querySelector('a[href]')) return true;
  return false;
}

function absolute(href: string, doc: Document): string {
  try {
    return new URL(href, doc.baseURI || undefined).href;
  } catch {
    return href;
  }
}
