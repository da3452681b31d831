/**
 * Finds label–value pairs wherever real portals put them: two- and four-column key/value table rows (th/td or td/td),
 * `dl` lists, `标签：值` lines in paragraphs, divs and cells (several on one line, labels padded with spaces or U+3000; a
 * cell printing its own `标签：值` is a pair of its own, never the label of the next cell),
 * bold labels followed by text, two-child div/span pairs, and numbered sections (section-fields); labels may carry
 * pinyin annotations (mirror sites). Also
 * finds tables whose first row names their columns.
 * Labels printed beside a form's entry boxes (a search form's 关键字：[ ] 文号：[ ]) are no fields.
 * Decides only where labels and values are, never what a label means (the normaliser and templates do that).
 */
import { isChrome } from './chrome';
import { PAIR_LABEL_TAGS } from './pair-labels';
import { locate } from './locator';
import { extractSectionFields } from './section-fields';
import { collapse, compact, isBlock, isSkipped, labelText, lines, textOf } from './text';
import { hasInk, indexText, type PageText, templateMemo } from './text-index';
import { COLON } from './text-marks';
import type { Field, HeaderTable } from './types';
import { HEADING_TAGS } from '../text/html-blocks';
import { hiddenInMarkup } from '../page/read-text';
import { removeSpaces } from '../text/whitespace';

const MAX_LABEL = 20;

/** Data rows kept per header table (records beyond are counted in `rows`, and said to be unchecked). */
export const MAX_RECORDS = 50;

/**
 * A pinyin annotation after a Han character, as mirror sites print labels (`事(shi)项(xiang)名(ming)称(cheng)`): it does
 * not count toward a label's length. The same shape the normaliser strips, kept here without its dictionaries.
 */
const PINYIN_ANNOTATION =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: U+0300–U+036F are tone marks written as separate code points
  /(?<=\p{Script=Han})(?:[(（](?:[a-zü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u0300-\u036f]{1,7})[1-5]?[)）])+/gu;

/** A character a label must hold (isLabelText): a Han character or a Latin letter. */
const LABEL_LETTER = /[\u3400-\u9fffA-Za-z]/;

/** Text that can be a label: short (pinyin annotations aside), not a sentence, not a number or a date. */
export function isLabelText(text: string): boolean {
  if (text.length > 200 || !LABEL_LETTER.test(text)) return false;
  const squeezed = compact(text);
  const c = (/[(（]/.test(squeezed) ? squeezed.replace(PINYIN_ANNOTATION, '') : squeezed).replace(/[:：]$/, '');
  if (c.length < 2 || c.length > MAX_LABEL) return false;
  if (/[。；;！？!?，,]/.test(c)) return false;
  if (/^[\d\s\-/.年月日:：()（）]+$/.test(c)) return false;
  return /[\u3400-\u9fffA-Za-z]/.test(c);
}

/** Whether an element's text (textOf) is label text; a long element is not read to its end (labelText). */
function isLabelCell(el: Element): boolean {
  const text = labelText(el);
  return text !== null && isLabelText(text) && !holdsOwnPair(text);
}

/**
 * A cell that prints its own `标签：值` (`索引号: 002482082/2024-00332`, `发布机构: 省教育厅`, each in a cell of its own) is
 * a pair by itself, not the label of the next cell: the inline reader reads it.
 */
function holdsOwnPair(text: string): boolean {
  const line = text.trim();
  if (!/[:：]./.test(line)) return false;
  return colonPositions(line).some(
    (c) => c > 0 && isLabelText(line.slice(0, c)) && compact(line.slice(c + 1)).length > 0,
  );
}

export function cleanLabel(text: string): string {
  return collapse(text)
    .replace(/^[*＊★●·•]+/, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (let c = row.firstElementChild; c !== null; c = c.nextElementSibling)
    if (c.tagName === 'TD' || c.tagName === 'TH') cells.push(c);
  return cells;
}

/**
 * A data row's texts aligned to the header's columns (colspan counted; missing cells read as empty). A cell spanning
 * rows (`rowspan`: one 决定书文号 for an organisation and its staff) belongs to each row it spans: `carried` holds, per
 * column, the text and the rows still to come, and is updated for the next row.
 */
function recordOf(row: Element, width: number, carried: Array<{ text: string; rows: number } | undefined>): string[] {
  const out: string[] = [];
  const cells = cellsOf(row);
  let next = 0;
  while (out.length < width) {
    const col = out.length;
    const held = carried[col];
    if (held && held.rows > 0) {
      out.push(held.text);
      held.rows -= 1;
      continue;
    }
    const cell = cells[next++];
    if (!cell) {
      out.push('');
      continue;
    }
    const span = Math.max(1, Math.min(width - col, Number(cell.getAttribute('colspan')) || 1));
    const down = Math.max(1, Math.min(MAX_RECORDS, Number(cell.getAttribute('rowspan')) || 1));
    const text = textOf(cell);
    for (let i = 0; i < span; i++) {
      out.push(i === 0 ? text : '');
      carried[col + i] = down > 1 && i === 0 ? { text, rows: down - 1 } : undefined;
    }
  }
  return out;
}

/** Links of the element whose text is part of `value` (a value that is a link: `下载`, a document title). */
function linksIn(el: Element, value: string): number {
  if (!value) return 0;
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const text = collapse(a.textContent);
    if (text && value.includes(text)) n++;
  }
  return n;
}

function linkCount(el: Element): number {
  return el.querySelectorAll('a[href]').length;
}

/** The page's tables, rows and `dt` elements, when the caller has listed them (see element-index). */
export interface TaggedElements {
  tables: readonly Element[];
  rows: readonly Element[];
  terms: readonly Element[];
  /** `div`, `li`, `p` and `dd` elements: the hosts of label–value pairs (extractPairFields). */
  pairHosts: readonly Element[];
  /** Each host's first element when it is a label's element, else null (element-index). */
  pairLabels: ReadonlyArray<Element | null>;
  /** `b` and `strong` elements: bold labels. */
  bolds: readonly Element[];
  /** Whether the scope holds a `<template>` (whose content, kept as children by some parsers, is not the page's). */
  hasTemplate: boolean;
}

export function extractTableFields(
  doc: Document,
  frame: number[],
  fields: Field[],
  headerTables: HeaderTable[],
  tables: readonly Element[] = Array.from(doc.querySelectorAll('table')),
  allRows: readonly Element[] = Array.from(doc.querySelectorAll('tr')),
): void {
  const headerRows = new Set<Element>();
  const seenTables = new Set<string>();
  for (const table of tables as readonly HTMLTableElement[]) {
    const rows = Array.from(
      table.rows ?? table.querySelectorAll(':scope > tbody > tr, :scope > thead > tr, :scope > tr'),
    );
    const first = rows[0];
    if (!first) continue;
    const head = cellsOf(first);
    // A header row alone in its <thead> (the body empty, or filled later by script) names columns: it is no row of
    // label/value pairs (`序号 | 材料名称 | 材料类型 | 份数` read as 序号: 材料名称 …).
    if (rows.length < 2) {
      if (first.parentElement?.tagName === 'THEAD' && head.length >= 3 && head.every(isLabelCell))
        headerRows.add(first);
      continue;
    }
    if (head.length < 3 || !head.every(isLabelCell)) continue;
    const body = rows.slice(1);
    const labelledBody = body.filter((r) => {
      const c = cellsOf(r)[0];
      return c !== undefined && isLabelCell(c);
    }).length;
    const declared = head.every((c) => c.tagName === 'TH') || first.parentElement?.tagName === 'THEAD';
    // Key/value tables have 2 or 4 columns; a labelled first row over 3 or 5+ columns names the columns.
    const kvShape = head.length === 4 && labelledBody * 2 > body.length;
    if (!declared && kvShape) continue;
    const kept = body.slice(0, MAX_RECORDS);
    const carried: Array<{ text: string; rows: number } | undefined> = [];
    const headers = head.map((c) => cleanLabel(textOf(c)));
    const records = kept.map((r) => recordOf(r, head.length, carried));
    for (const r of rows) headerRows.add(r);
    // The same table printed twice (a print or accessible copy of the content, hidden by the page's script) is one
    // table: its records are checked once.
    const key = JSON.stringify([headers, records]);
    if (seenTables.has(key)) continue;
    seenTables.add(key);
    headerTables.push({
      headers,
      rows: body.length,
      locator: locate(table, frame),
      records,
      recordLocators: kept.map((r) => locate(r, frame)),
    });
  }

  // A label spanning rows heads a group (`被处罚当事人姓名或名称` over 个人姓名 / 单位名称 / 法定代表人姓名): each row under it
  // is a label and a value of its own, and the group label gets the group's filled values. A group may hold a smaller
  // one (`单位` spanning `名称` / `法定代表人姓名`, as the 银监会 tables print it): the outer group stays open. A row of
  // two labels and a value (`单位 | 名称 | 某银行`) also gives the joined label (`单位名称`), with or without the rowspan
  // (copies that lost their attributes still print the three cells).
  let group: { label: string; left: number; values: string[]; cell: Element } | null = null;
  const closeGroup = (): void => {
    if (!group) return;
    fields.push({
      label: cleanLabel(group.label),
      value: group.values.filter((v) => v.length > 0).join('；'),
      layout: 'table',
      locator: locate(group.cell, frame),
      links: 0,
      ...(isChrome(group.cell) ? { chrome: true } : {}),
    });
    group = null;
  };
  for (const row of allRows) {
    if (headerRows.has(row) || hiddenInMarkup(row)) continue;
    let cells = cellsOf(row);
    if (group && group.left <= 0) closeGroup();
    const span = Number(cells[0]?.getAttribute('rowspan')) || 1;
    if (cells.length === 3 && isLabelCell(cells[0]!) && isLabelCell(cells[1]!)) {
      const [outer, inner, valueCell] = cells as [Element, Element, Element];
      if (span > 1 && !group) group = { label: textOf(outer), left: span, values: [], cell: outer };
      const joined = compact(cleanLabel(textOf(outer)) + cleanLabel(textOf(inner)));
      if (isLabelText(joined) && !inner.querySelector('table'))
        fields.push({
          label: joined,
          value: textOf(valueCell),
          layout: 'table',
          locator: locate(valueCell, frame),
          links: linkCount(valueCell),
          ...(isChrome(valueCell) ? { chrome: true } : {}),
        });
      cells = [inner, valueCell];
    }
    if (group) {
      group.left -= 1;
      if (cells.length === 2) group.values.push(textOf(cells[1]!));
    }
    if (cells.length < 2 || cells.length % 2 !== 0 || cells.length > 8) continue;
    for (let i = 0; i < cells.length; i += 2) {
      const labelCell = cells[i]!;
      const valueCell = cells[i + 1]!;
      const label = labelText(labelCell);
      if (label === null || !isLabelText(label) || holdsOwnPair(label) || labelCell.querySelector('table')) continue;
      fields.push({
        label: cleanLabel(label),
        value: textOf(valueCell),
        layout: 'table',
        locator: locate(valueCell, frame),
        links: linkCount(valueCell),
        ...(isChrome(valueCell) ? { chrome: true } : {}),
      });
    }
  }
  closeGroup();
}

export function extractDlFields(
  doc: Document,
  frame: number[],
  fields: Field[],
  terms: readonly Element[] = Array.from(doc.querySelectorAll('dt')),
): void {
  for (const dt of terms) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName !== 'DD') continue;
    const label = labelText(dt);
    if (label === null || !isLabelText(label)) continue;
    fields.push({
      label: cleanLabel(label),
      value: textOf(dd),
      layout: 'dl',
      locator: locate(dd, frame),
      links: linkCount(dd),
      ...(isChrome(dd) ? { chrome: true } : {}),
    });
  }
}

/**
 * The element's own lines (nested blocks are read on their own). Ideographic spaces stay: runs of U+3000 separate
 * pairs on one line (`索 引 号：FJ-12　　发布机构：县财政局`).
 */
function ownLines(el: Element): string[] {
  return lines(el, 'skip', (l) =>
    l
      .replace(/[\u00a0\u200b\ufeff]/g, ' ')
      .replace(/[ \t\r\n]+/g, ' ')
      .trim(),
  );
}

/** A colon that separates a label from a value (not the one in `http:` or in a time like `9:00`). */
function colonPositions(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '：') out.push(i);
    else if (ch === ':') {
      if (/https?$/i.test(line.slice(Math.max(0, i - 5), i))) continue;
      if (/\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '')) continue;
      out.push(i);
    }
  }
  return out;
}

/** The label that ends just before a colon: the last word, with single characters padded by spaces joined back (`索 引 号`). */
function labelBefore(text: string): { label: string; start: number } {
  const trimmed = text.replace(/[\s\u3000]+$/, '');
  const words = trimmed.split(/([\s\u3000]+)/);
  let label = words.pop() ?? '';
  let start = trimmed.length - label.length;
  // Join spaced-out single characters: `索 引 号`, `标　　题`.
  while (
    words.length >= 2 &&
    [...removeSpaces(label)].length <= 3 &&
    [...(words[words.length - 2] ?? '')].length === 1
  ) {
    const space = words.pop()!;
    const prev = words.pop()!;
    label = prev + space + label;
    start -= prev.length + space.length;
  }
  return { label, start };
}

/**
 * A label printed inside a sentence (`…综合服务大厅窗口办公时间为：周一至周五…`, `本事项咨询电话为：…`): the noun that heads
 * labels (时间, 电话, 地址 …) with its two-character modifier, right before 为. Label words are that short; the sentence
 * before them is the subject, not part of the label.
 */
const LABEL_IN_SENTENCE = /([\u3400-\u9fff]{2}(?:时间|电话|地址|地点|时限|邮箱|传真|网址))为\s*$/;

function labelInSentence(before: string): { label: string; start: number } | null {
  const m = LABEL_IN_SENTENCE.exec(before);
  return m ? { label: m[1]!, start: m.index } : null;
}

/**
 * A label in 【】 brackets opening its value (`【文　　号】 晋医保发〔2021〕14号`, `【成文日期】 2021-07-28`): read as
 * `label：`. Page tools are left as they are: a bracket holding a colon (`【字体：大 中 小】`), and one with no text after
 * it before the next bracket or the line's end (`【打印】【关闭】`).
 */
const BRACKET_LABEL = /【([^【】:：]{1,12})】(?=[\s\u00a0\u3000]*[^\s\u00a0\u3000【])/g;

export function parseInlinePairs(text: string): Array<{ label: string; value: string }> {
  const line = text.includes('】') ? text.replace(BRACKET_LABEL, ' $1：') : text;
  const colons = colonPositions(line);
  const pairs: Array<{ label: string; value: string; labelStart: number; valueStart: number }> = [];
  let cursor = 0;
  for (const c of colons) {
    if (c < cursor) continue;
    const before = line.slice(cursor, c);
    const inSentence = labelInSentence(before);
    const { label, start } =
      inSentence ?? (pairs.length === 0 && isLabelText(before) ? { label: before, start: 0 } : labelBefore(before));
    if (!isLabelText(label)) continue;
    if (!inSentence && pairs.length === 0 && compact(line.slice(0, cursor + start)).length > 0 && cursor + start > 0) {
      // Text before the first label belongs to no pair (e.g. a sentence that happens to contain a colon later).
      if (compact(line.slice(0, cursor + start)).length > 12) continue;
    }
    const previous = pairs[pairs.length - 1];
    if (previous) previous.value = line.slice(previous.valueStart, cursor + start);
    pairs.push({ label, value: '', labelStart: cursor + start, valueStart: c + 1 });
    cursor = c + 1;
  }
  const last = pairs[pairs.length - 1];
  if (last) last.value = line.slice(last.valueStart);
  return pairs.map((p) => ({ label: cleanLabel(p.label), value: collapse(p.value) }));
}

/** Elements whose lines may hold `标签：值` pairs: blocks, cells, headings below the page's title, and inline wrappers. */
const INLINE_HOSTS = new Set([
  ...['P', 'DIV', 'LI', 'TD', 'TH', 'DD', 'SECTION', 'ARTICLE'],
  ...HEADING_TAGS.filter((h) => h !== 'H1'),
  ...['SPAN', 'FONT', 'LABEL'],
]);
const INLINE_ONLY = new Set(['SPAN', 'FONT', 'LABEL']);

/** A form's boxes to type or pick in (not its buttons or hidden values). */
const ENTRY_CONTROLS =
  'input:not([type]), input[type="text" i], input[type="search" i], input[type="date" i], input[type="number" i], select, textarea';

/**
 * The element whose lines hold a text node: the nearest host; a span is one only when it sits directly in a block, and
 * not when it holds a label alone whose value the line goes on to print in the next runs (a word processor's
 * `<span>监督电话：</span><span>0591-</span><span>23157028</span>`): the block is, its line the whole pair.
 */
function inlineHost(start: Element): Element | null {
  for (let el: Element | null = start; el && el.tagName !== 'BODY'; el = el.parentElement) {
    if (!INLINE_HOSTS.has(el.tagName)) continue;
    if (INLINE_ONLY.has(el.tagName) && el.parentElement && !isBlock(el.parentElement)) continue;
    if (INLINE_ONLY.has(el.tagName) && labelAloneBeforeValue(el)) continue;
    return el;
  }
  return null;
}

/**
 * A run that opens its paragraph and holds a label alone (its text ends with the colon), the value going on in the runs
 * after it (the next element a span or font, as a word processor writes a paragraph's runs).
 */
function labelAloneBeforeValue(el: Element): boolean {
  if (el.parentElement?.tagName !== 'P') return false;
  const text = (el.textContent ?? '').replace(/[\s\u00a0\u3000]+$/, '');
  if (!/[:：]$/.test(text)) return false;
  const next = el.nextElementSibling;
  if (next === null || !RUN_TAGS.has(next.tagName)) return false;
  for (let node = el.previousSibling; node; node = node.previousSibling)
    if (/[^\s\u00a0\u3000]/.test(node.textContent ?? '')) return false;
  return /[^\s\u00a0\u3000]/.test(restOfLine(el));
}
const RUN_TAGS = new Set(['SPAN', 'FONT']);

export function extractInlineFields(
  texts: PageText,
  frame: number[],
  fields: Field[],
  shown: (el: Element) => boolean = ALWAYS_SHOWN,
): void {
  const hosts = new Set<Element>();
  for (const entry of texts.with(COLON)) {
    const parent = entry.parent;
    // A colon inside a link is a headline's (`CCTV：暗查烟花爆竹…`), never a label's.
    if (parent.closest('a')) continue;
    const host = inlineHost(parent);
    if (host) hosts.add(host);
  }
  for (const el of hosts) {
    if (!shown(el)) continue;
    // Labels beside a form's entry boxes (关键字：[ ] 文号：[ ] 开始时间：[ ]) say what to type into a search, not what the
    // page holds.
    if (el.querySelector(ENTRY_CONTROLS)) continue;
    if (
      (el.tagName === 'TD' || el.tagName === 'TH') &&
      cellsOf(el.parentElement ?? el).length >= 2 &&
      isLabelCell(el)
    ) {
      // A label cell among cells that print their own pairs (`文件编号: ` beside `发布机构: 省教育厅`) is a pair whose
      // value is empty; elsewhere a label cell is the table reader's.
      const row = cellsOf(el.parentElement ?? el);
      if (!row.some((c) => c !== el && holdsOwnPair(labelText(c) ?? ''))) continue;
    }
    const chrome = isChrome(el);
    const hostLines = ownLines(el);
    for (const line of hostLines) {
      if (line.length > 400) continue;
      for (const pair of parseInlinePairs(line)) {
        fields.push({
          label: pair.label,
          value: pair.value,
          layout: 'inline',
          locator: locate(el, frame),
          // On a host of many lines (<br>), the host's links are not all this pair's: only those printed in its value.
          links: hostLines.length > 1 ? linksIn(el, pair.value) : linkCount(el),
          ...(chrome ? { chrome: true } : {}),
        });
      }
    }
  }
}

/** The text after an element up to the end of its line: the next <br> or block, or the end of its parent. */
function restOfLine(el: Element): string {
  let out = '';
  for (let node = el.nextSibling; node && out.length <= 1000; node = node.nextSibling) {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const e = node as Element;
      if (e.tagName === 'BR' || isBlock(e)) break;
      if (!isSkipped(e)) out += e.textContent ?? '';
    }
  }
  return out;
}

/**
 * `bolds`: the scope's b and strong elements, in page order. A bold label holds text of its own (not only in elements
 * inside it) and opens its line.
 */
export function extractBoldFields(
  bolds: readonly Element[],
  frame: number[],
  fields: Field[],
  shown: (el: Element) => boolean = ALWAYS_SHOWN,
  inTemplate: ((el: Element) => boolean) | null = null,
): void {
  for (const bold of bolds) {
    // A bold label opens its line: nothing but whitespace before it (checked first: it is the cheap test).
    const before = bold.previousSibling;
    // A text's or a comment's own value; an element has none (null) and gives its text.
    if (before && hasInk(before.nodeValue ?? before.textContent ?? '')) continue;
    const parent = bold.parentElement;
    if (!parent) continue;
    if ((bold.textContent ?? '').length > 60 || !hasLooseText(bold) || !shown(bold) || inTemplate?.(bold)) continue;
    const label = textOf(bold);
    if (/[:：]/.test(label) || !isLabelText(label)) continue;
    // `<strong>索引号</strong>：000014349/2014-00114` — the colon after the bold label is not part of the value. The
    // value is the rest of the bold label's line (`<strong>二、实施主体</strong>：工业和信息化部<br/>` stops at the
    // <br>); a label alone on its line takes the lines after it.
    let value = collapse(restOfLine(bold)).replace(/^[:：]\s*/, '');
    if (value.length === 0) {
      const whole = textOf(parent);
      const at = whole.indexOf(label);
      if (at < 0) continue;
      value = collapse(whole.slice(at + label.length)).replace(/^[:：]\s*/, '');
    }
    if (value.length === 0 || value.length > 1000) continue;
    fields.push({
      label: cleanLabel(label),
      value,
      layout: 'bold',
      locator: locate(parent, frame),
      links: linkCount(parent),
      ...(isChrome(parent) ? { chrome: true } : {}),
    });
  }
}

/** Elements whose label sits beside a value element (`<span>事项名称</span><span>…</span>`). */
const PAIR_NOT_VALUE_TAGS = new Set(['UL', 'OL', 'TABLE', 'DL', 'FORM', 'NAV']);

function hasLooseText(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 && hasInk(child.nodeValue ?? '')) return true;
  return false;
}

/**
 * `<div><span class="name">事项名称</span><span class="value">…</span></div>`: a host (div, li, p, dd) of two element
 * children and no loose text, the first a label element holding the label's own text. The label may be wrapped
 * (`<dd><label><font>索 引 号：</font></label><div>…</div></dd>`, 开普 UCAP): wrappers that hold nothing but the next
 * one are passed (two at most) to the element whose own text the label is.
 * Read host by host (`hosts`: the scope's div, li, p and dd elements, in page order): a paragraph of prose with inline
 * elements is rejected by its count of elements or its first element's text, a few questions to the DOM each.
 */
/**
 * `labels`: for each host (same place), its first element when that is a label's element, else null — when the element
 * walk has noted them (element-index); otherwise each host is asked.
 */
export function extractPairFields(
  hosts: readonly Element[],
  frame: number[],
  fields: Field[],
  shown: (el: Element) => boolean = ALWAYS_SHOWN,
  inTemplate: ((el: Element) => boolean) | null = null,
  labels?: ReadonlyArray<Element | null>,
): void {
  for (let i = 0; i < hosts.length; i++) {
    const host = hosts[i]!;
    // Two element children, the first a label element — asked through neighbours, never `childElementCount` (which
    // counts every child: a parser outside the browser walks them all, on each of a long article's paragraphs).
    const a = labels ? labels[i]! : firstLabelElement(host);
    if (a === null) continue;
    // The label is the first element's whole text, whichever element inside holds it: tested before the second
    // element is asked for (most first elements of a page's paragraphs and rows — a number, a bullet — hold no label).
    const raw = a.textContent ?? '';
    // A label has a letter (isLabelText): a number or a bullet is passed over before its text is tidied.
    if (raw.length > 60 || !LABEL_LETTER.test(raw)) continue;
    const label = collapse(raw);
    if (/[:：]/.test(label.slice(0, -1)) || !isLabelText(label)) continue;
    const b = a.nextElementSibling;
    if (b === null || b.nextElementSibling !== null) continue;
    if (!ownsLabelText(a)) continue;
    // A label element beside a value element — not a heading above a list or a table.
    if (PAIR_NOT_VALUE_TAGS.has(b.tagName) || a.querySelector('a')) continue;
    if (hasLooseText(host) || !shown(host) || inTemplate?.(host)) continue;
    fields.push({
      label: cleanLabel(label),
      value: textOf(b),
      layout: 'inline',
      locator: locate(b, frame),
      links: linkCount(b),
      ...(isChrome(b) ? { chrome: true } : {}),
    });
  }
}

function firstLabelElement(host: Element): Element | null {
  const a = host.firstElementChild;
  return a !== null && PAIR_LABEL_TAGS.has(a.tagName) ? a : null;
}

/**
 * Whether the label element `a`, or a label element wrapped in it (two levels at most, each wrapper a label element
 * holding only that one element and no text of its own), holds text of its own.
 */
function ownsLabelText(a: Element): boolean {
  let el = a;
  for (let down = 0; ; down++) {
    if (hasLooseText(el)) return true;
    if (down === 2 || el.childElementCount !== 1) return false;
    const inner = el.firstElementChild!;
    if (!PAIR_LABEL_TAGS.has(inner.tagName)) return false;
    el = inner;
  }
}

/** All fields of a document, without duplicates of the same label and value at the same place (`tagged`: its tables, rows
 * and `dt` elements when the caller has listed them). */
/**
 * A memoised test: is the element shown as far as the page's own markup says — not inside an element with the
 * `hidden` attribute or an inline `display:none` (no style sheet is read)? Each element is decided once, so asking it
 * for every candidate label stays linear.
 */
export function shownInMarkup(): (el: Element) => boolean {
  const hidden = new Map<Element, boolean>();
  return (el) => {
    const chain: Element[] = [];
    let answer = false;
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      const known = hidden.get(cur);
      if (known !== undefined) {
        answer = known;
        break;
      }
      chain.push(cur);
      if (hiddenInMarkup(cur)) {
        answer = true;
        break;
      }
    }
    for (const c of chain) hidden.set(c, answer);
    return !answer;
  };
}

const ALWAYS_SHOWN = (_el: Element): boolean => true;

export function extractFields(
  doc: Document,
  frame: number[],
  texts: PageText = indexText(doc),
  tagged?: TaggedElements,
): { fields: Field[]; headerTables: HeaderTable[] } {
  const fields: Field[] = [];
  const headerTables: HeaderTable[] = [];
  if (tagged) {
    extractTableFields(doc, frame, fields, headerTables, tagged.tables, tagged.rows);
    extractDlFields(doc, frame, fields, tagged.terms);
  } else {
    extractTableFields(doc, frame, fields, headerTables);
    extractDlFields(doc, frame, fields);
  }
  // Text the page's own markup hides (a `<tr style="display:none">` of window hours) is no value a visitor can read.
  const shown = shownInMarkup();
  extractInlineFields(texts, frame, fields, shown);
  // Before the bold reader: a bold section heading alone on its line is read by both, and the section's own text (up
  // to the next heading) is the better value to show.
  extractSectionFields(texts, frame, fields, shown);
  const inTemplate = (tagged ? tagged.hasTemplate : doc.querySelector('template') !== null) ? templateMemo() : null;
  extractBoldFields(tagged?.bolds ?? Array.from(doc.querySelectorAll('b, strong')), frame, fields, shown, inTemplate);
  if (tagged) extractPairFields(tagged.pairHosts, frame, fields, shown, inTemplate, tagged.pairLabels);
  else extractPairFields(Array.from(doc.querySelectorAll('div, li, p, dd')), frame, fields, shown, inTemplate);
  const seen = new Set<string>();
  const unique = fields.filter((f) => {
    const key = `${compact(f.label)}\u0000${compact(f.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { fields: unique, headerTables };
}
