/**
 * Finds label–value pairs printed as numbered sections: a heading alone on its line (`四、法律依据`, `（二）申报材料`)
 * whose value is everything printed after it until the next heading of its series (`五、许可条件`). This is how many
 * guides and notices lay out their elements (the 国务院部门 行政许可 guides: 一、项目名称 … 十、联系电话), with lists,
 * paragraphs and sub-sections of their own under a heading.
 *
 * Decides: which lines are section headings and where each section ends. A series needs two consecutive numbers at
 * least; a heading numbered 一 inside a section opens a nested series (`七、程序和期限` holding `一、申请程序`,
 * `二、受理程序`), which ends where its parent section ends. The last section of a series ends where the element that
 * holds the whole series ends (so the footer and the 责任编辑 line after the article are not a value). A heading
 * followed by nothing is kept with an empty value (a label printed with no answer). A heading that is a whole table
 * cell is left to the table reader (a cell holding the whole article is only layout), a heading inside a link is a
 * link; Arabic numbering (1. 2.) is left out: it numbers list items far more often than
 * sections.
 *
 * Does not decide what a heading means (the normaliser and templates do that).
 */
import { isChrome } from './chrome';
import { cleanLabel, isLabelText } from './fields';
import { locate } from './locator';
import { collapse } from './text';
import type { PageText, TextEntry } from './text-index';
import { SECTION_MARK } from './text-marks';
import type { Field } from './types';

const DIGITS = '一二三四五六七八九十';
/** `四、法律依据` (style 0) or `（二）申报材料` (style 1), optionally followed by a colon and nothing else. */
export const HEADING =
  /^\s*(?:([一二三四五六七八九十]{1,3})\s*[、.．]|[（(]([一二三四五六七八九十]{1,3})[）)])\s*([^:：]{2,24}?)\s*[:：]?\s*$/u;
/** A value is read up to this many characters (a section can be pages long; its presence is what counts). */
const MAX_VALUE = 2_000;

/** 一 → 1 … 十 → 10, 十一 → 11, 二十 → 20, 二十三 → 23. */
export function chineseNumber(text: string): number | null {
  if (text === '十') return 10;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 && DIGITS.indexOf(text) >= 0 ? DIGITS.indexOf(text) + 1 : null;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(text[0]!) + 1;
  const units = ten === text.length - 1 ? 0 : DIGITS.indexOf(text[ten + 1]!) + 1;
  if (tens <= 0 || units < 0 || tens > 9) return null;
  return tens * 10 + units;
}

interface Heading {
  at: number;
  style: number;
  number: number;
  label: string;
  el: Element;
  end: number;
}

interface Series {
  style: number;
  headings: Heading[];
}

function headingOf(entry: TextEntry, at: number): Heading | null {
  // Every text node that can open a heading comes here: its first visible character is read without copying the text.
  let i = 0;
  while (i < entry.value.length && /\s/.test(entry.value[i]!)) i++;
  const first = entry.value.charAt(i);
  if (first !== '（' && first !== '(' && !DIGITS.includes(first)) return null;
  const m = HEADING.exec(entry.value);
  if (!m) return null;
  const label = m[3]!;
  if (!isLabelText(label)) return null;
  if (entry.parent.closest('a')) return null;
  // A heading that is its table cell's whole text is a label cell (the table reader's); a cell holding the whole
  // article is a layout table, and its sections are read here.
  const cell = entry.parent.closest('td, th');
  if (cell && (cell.textContent ?? '').length < 4 * entry.value.length) return null;
  const number = chineseNumber(m[1] ?? m[2]!);
  if (number === null) return null;
  // The heading as printed (its number kept, as the other readers keep it; the matcher reads past numbering).
  return { at, style: m[1] ? 0 : 1, number, label: cleanLabel(entry.value), el: entry.parent, end: -1 };
}

/** The nearest element holding both nodes. */
function commonAncestor(a: Element, b: Element): Element | null {
  const above = new Set<Element>();
  for (let el: Element | null = a; el; el = el.parentElement) above.add(el);
  for (let el: Element | null = b; el; el = el.parentElement) if (above.has(el)) return el;
  return null;
}

/** Index of the first entry after `from` that lies outside `container`. */
function endOf(texts: readonly TextEntry[], from: number, container: Element): number {
  let i = from + 1;
  while (i < texts.length && container.contains(texts[i]!.parent)) i++;
  return i;
}

export function extractSectionFields(
  text: PageText,
  frame: number[],
  fields: Field[],
  shown: (el: Element) => boolean = () => true,
): void {
  const stack: Series[] = [];
  const done: Series[] = [];
  const close = (series: Series, at: number) => {
    const last = series.headings[series.headings.length - 1]!;
    if (last.end < 0) last.end = at;
  };
  const texts = text.entries;
  for (const entry of text.with(SECTION_MARK)) {
    const i = entry.at;
    const heading = headingOf(entry, i);
    if (!heading || !shown(heading.el)) continue;
    const top = stack[stack.length - 1];
    if (top && top.style === heading.style && top.headings[top.headings.length - 1]!.number + 1 === heading.number) {
      close(top, i);
      top.headings.push(heading);
      continue;
    }
    // An outer series continued: the nested ones above it end here.
    const outer = stack.findLastIndex(
      (s) => s.style === heading.style && s.headings[s.headings.length - 1]!.number + 1 === heading.number,
    );
    if (outer >= 0) {
      while (stack.length > outer + 1) {
        const nested = stack.pop()!;
        close(nested, i);
        done.push(nested);
      }
      close(stack[outer]!, i);
      stack[outer]!.headings.push(heading);
      continue;
    }
    if (heading.number === 1) stack.push({ style: heading.style, headings: [heading] });
  }
  // Series still open at the end of the page: the last section ends with the element holding the whole series (a
  // nested series ends with its parent section, closed above or here).
  while (stack.length > 0) {
    const series = stack.pop()!;
    const first = series.headings[0]!;
    const last = series.headings[series.headings.length - 1]!;
    if (last.end < 0) {
      const container = series.headings.length > 1 ? commonAncestor(first.el, last.el) : null;
      last.end = container ? endOf(texts, last.at, container) : last.at + 1;
      const parent = stack[stack.length - 1];
      const parentHeading = parent?.headings[parent.headings.length - 1];
      if (parentHeading && parentHeading.end >= 0) last.end = Math.min(last.end, parentHeading.end);
    }
    done.push(series);
  }
  for (const series of done) {
    if (series.headings.length < 2) continue;
    for (const h of series.headings) {
      let value = '';
      for (let j = h.at + 1; j < h.end && value.length < MAX_VALUE; j++) value += ` ${texts[j]!.value}`;
      fields.push({
        label: h.label,
        value: collapse(value)
          .replace(/^[:：]\s*/, '')
          .slice(0, MAX_VALUE),
        layout: 'section',
        locator: locate(h.el, frame),
        links: 0,
        ...(isChrome(h.el) ? { chrome: true } : {}),
      });
    }
  }
}
