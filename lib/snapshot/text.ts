/** Small text helpers for the snapshot: collapse whitespace as shown, read an element's lines (split at <br> and blocks). */
import { BLOCK_TAGS } from '../text/html-blocks';
import { collapseShown, removeShown, shownInk } from '../text/whitespace';

export function collapse(text: string | null | undefined): string {
  return collapseShown(text ?? '');
}

/** Text with all whitespace removed — for length tests on labels such as `索 引 号`. */
export function compact(text: string): string {
  return removeShown(text);
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);
/** Where lines break: the HTML block elements, and table cells (a cell's text is a line of its own here). */
const BLOCK = new Set([...BLOCK_TAGS, 'TD', 'TH']);

export function isSkipped(el: Element): boolean {
  return SKIP.has(el.tagName);
}

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName);
}

/**
 * The element's text split into lines at <br> and at block children. Nested blocks are read as lines of their own
 * (`include`) or left out (`skip`: the element's own lines only, for hosts read one by one). Each line is tidied by
 * `tidy` (whitespace collapsed by default).
 */
export function lines(
  el: Element,
  nested: 'include' | 'skip' = 'include',
  tidy: (line: string) => string = collapse,
): string[] {
  return rawLines(el, nested, Infinity)!
    .map(tidy)
    .filter((l) => l.length > 0);
}

/**
 * The lines as printed, untidied; null as soon as they hold more than `inkLimit` characters other than whitespace
 * (the rest of the element is not read).
 */
function rawLines(el: Element, nested: 'include' | 'skip', inkLimit: number): string[] | null {
  const out: string[] = [''];
  let ink = 0;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        out[out.length - 1] += value;
        if (inkLimit !== Infinity && (ink += shownInk(value)) > inkLimit) return false;
      } else if (child.nodeType === 1) {
        const e = child as Element;
        if (isSkipped(e)) continue;
        if (e.tagName === 'BR') out.push('');
        else if (isBlock(e)) {
          out.push('');
          if (nested === 'include') {
            if (!walk(e)) return false;
            out.push('');
          }
        } else if (!walk(e)) return false;
      }
    }
    return true;
  };
  return walk(el) ? out : null;
}

/** The text of an element, without script/style content, whitespace collapsed. */
export function textOf(el: Element): string {
  return collapse(lines(el).join(' '));
}

/** No label holds more characters than this (isLabelText: 200 at the most, whitespace collapsed). */
const LABEL_INK = 200;

/**
 * `textOf` for an element that may be a label (a table's label cell, a `dt`): the same text when it can be one, null
 * once the element holds more than LABEL_INK characters other than whitespace — read no further, so that testing the
 * cells of a page's layout tables (a cell holding the whole page, tables nested in it) does not read the page again
 * for each of them. `isLabelText(textOf(el))` ⇔ `labelText(el)` is not null and passes isLabelText.
 */
export function labelText(el: Element): string | null {
  const raw = rawLines(el, 'include', LABEL_INK);
  if (raw === null) return null;
  return collapse(
    raw
      .map(collapse)
      .filter((l) => l.length > 0)
      .join(' '),
  );
}
