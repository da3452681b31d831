/**
 * Recognisers for the numbered lines of a plan: categories and chapters (`一、…`), groups and clauses (`(一)…`),
 * task titles (`1.…`, and `15規範…` without its dot), and the portal chrome that ends a page's text.
 *
 * Decides: what counts as a heading or a task title (numbering, length, no full stop) and header cell roles.
 * Does not decide: where the table starts or which cell a line belongs to (the readers do).
 */
import { normalizeLabel, normalizeText, toHalfWidth } from '../text/normalize';

export interface NumberedLine {
  /** The numeral or number as printed. */
  no: string;
  /** The rest of the line as published, trimmed. */
  title: string;
}

const HEADING_MAX = 60;

const TOP_NUMBER = /^[\s\u00a0]*([零〇一二三四五六七八九十]+)\s*[、.]\s*/;
const BRACKETED_NUMBER = /^[\s\u00a0]*\(\s*([零〇一二三四五六七八九十]+)\s*\)\s*/;

/**
 * The line split at its Chinese numeral (`numbering` is matched on the half-width line: `（一）` as `(一)`), the rest
 * as published; null when the numbering is not there, the rest is empty, or `accepts` refuses the rest.
 */
function numberedLine(line: string, numbering: RegExp, accepts: (title: string) => boolean): NumberedLine | null {
  const m = numbering.exec(toHalfWidth(line));
  if (!m) return null;
  const title = line.slice(m[0].length).trim();
  return title.length > 0 && accepts(title) ? { no: m[1] ?? '', title } : null;
}

/** `一、以政務公開助力稳增长` (categories of the table, chapters of the plan). */
export function matchTopHeading(line: string): NumberedLine | null {
  return numberedLine(line, TOP_NUMBER, (title) => title.length <= HEADING_MAX && !/[。;]$/.test(toHalfWidth(title)));
}

/** `(一)加強預期引導` (groups of the table). A clause of the plan body has the same numbering but goes on. */
export function matchSubHeading(line: string): NumberedLine | null {
  return numberedLine(
    line,
    BRACKETED_NUMBER,
    (title) => title.length <= HEADING_MAX && !/[。;]/.test(toHalfWidth(title)),
  );
}

/** `(一)推进决策公开。把公众参与…` — a numbered clause of the implementation plan (any length). */
export function matchClause(line: string): NumberedLine | null {
  return numberedLine(line, BRACKETED_NUMBER, () => true);
}

/** Characters after a leading number that make it a quantity, not a task number (`2017年`, `5小时`, `90%`). */
const QUANTITY_AFTER = /^(?:\d|[年月日天时小个%％万亿倍项家户人次元分周])/;
const TASK_TITLE_MAX = 120;

/**
 * `1.深入解讀政策背景…`, `15規範公開辦事指南事項`, `58、加強政府網站建設`. Requirements that begin with a number
 * (`2017年底前完成…`) are not titles: a quantity unit follows the number, or the line ends with a full stop.
 */
export function matchTaskTitle(line: string): NumberedLine | null {
  const half = toHalfWidth(line);
  const m = /^[\s\u00a0]*(\d{1,3})\s*(?:[.、,]\s*)?/.exec(half);
  if (!m) return null;
  const rest = half.slice(m[0].length);
  if (rest.length === 0 || QUANTITY_AFTER.test(rest)) return null;
  const title = line.slice(m[0].length).trim();
  if (title.length === 0 || title.length > TASK_TITLE_MAX) return null;
  if (/[。]$/.test(title) || /\.$/.test(toHalfWidth(title))) return null;
  return { no: String(Number(m[1])), title };
}

const HEADER_LABELS = {
  title: ['工作任务', '主要任务', '任务', '工作内容', '重点任务', '任务内容', '工作事项'],
  lead: ['牵头单位', '牵头部门', '牵头'],
  responsible: ['责任单位', '责任部门', '配合单位', '参与单位', '协办单位'],
  requirements: ['工作要求', '具体要求', '工作措施', '具体措施', '主要内容', '要求'],
  no: ['序号', '编号'],
  category: ['类别', '分类', '项目'],
  deadline: ['完成时限', '完成时间', '时间进度', '时限'],
} as const;
export type HeaderRole = keyof typeof HEADER_LABELS;

/** The role of a header cell (`工 作 任 務` → title), or null. */
export function headerRole(cell: string): HeaderRole | null {
  if (cell.length > 24) return null;
  const label = normalizeLabel(cell);
  if (label.length === 0) return null;
  for (const role of Object.keys(HEADER_LABELS) as HeaderRole[]) {
    if ((HEADER_LABELS[role] as readonly string[]).includes(label)) return role;
  }
  return null;
}

/** Portal chrome after the article: the text of the plan ends at the first of these. */
const FOOTER =
  /^(?:附件下载|扫一扫|打印本页|打印|关闭窗口|关闭|分享到|相关链接|相关阅读|责任编辑|上一篇|下一篇|【打印|【关闭|【字体)/;

export function isFooter(line: string): boolean {
  return line.length <= 40 && FOOTER.test(normalizeLabel(line));
}

/** A line with nothing but whitespace (NBSP and U+3000 included). */
export function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

/** Normalised form of a heading or task title, for display and comparison. */
export function normalizeTitle(s: string): string {
  return normalizeText(s).replace(/[\s\u00a0\u3000]+/g, '');
}
