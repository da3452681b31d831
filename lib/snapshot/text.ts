/** Small text helpers for the snapshot: collapse whitespace as shown, read an element's lines (split at <br> and blocks). */
import { BLOCK_TAGS } from '../text/html-blocks';
import { collapseShown, removeShown } from '../text/whitespace';

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
  const out: string[] = [''];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out[out.length - 1] += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (isSkipped(e)) continue;
        if (e.tagName === 'BR') out.push('');
        else if (isBlock(e)) {
          out.push('');
          if (nested === 'include') {
            walk(e);
            out.push('');
          }
        } else walk(e);
      }
    }
  };
  walk(el);
  return out.map(tidy).filter((l) => l.length > 0);
}

/** The text of an element, without script/style content, whitespace collapsed. */
export function textOf(el: Element): string {
  return collapse(lines(el).join(' '));
}
