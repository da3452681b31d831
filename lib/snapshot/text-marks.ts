/**
 * One scan over each text node's characters, done once when the page's text is indexed (see text-index), telling every
 * reader whether a text can hold what it looks for: a colon for `标签：值` lines, a digit for dates and personal numbers,
 * sentence punctuation for prose, the first characters of the words the mark readers search (暂无, 发布, 有效, 共N页 …).
 * A reader skips a text whose marks lack its trigger and runs its own pattern on the rest, so ten readers over ten
 * thousand text nodes cost one pass over the characters instead of ten pattern searches per node.
 *
 * Decides nothing: a mark is a necessary condition only. Each trigger is the set of characters one of the reader's
 * words must contain, so a text without the mark can never match the reader's pattern (the test beside this file checks
 * that on every text node of the real pages).
 */

/** The text has a character other than whitespace. */
export const INK = 1;
/** `:` or `：`, or `】` (a label in 【】 brackets before its value). */
export const COLON = 1 << 1;
/** An ASCII digit (`\d`). */
export const DIGIT = 1 << 2;
/** Sentence punctuation `。，；` (an article's prose). */
export const PROSE = 1 << 3;
/** U+FFFD or 锟 (锟斤拷: U+FFFD read again as GBK). */
export const GARBLED = 1 << 4;
/** A first character of the blank-column notices (暂无 / 暫無 / 没有信息 / 无相关). */
export const BLANK_WORD = 1 << 5;
/** A first character of the publication labels (发布 / 發布 / 公开 / 公開 / 日期 / 时间 / 時間). */
export const PUBLISH_WORD = 1 << 6;
/** A first character of 来源 / 來源 / 字号 / 字体 (the unlabelled publication line). */
export const SOURCE_WORD = 1 << 7;
/** A first character of the validity words (有效 / 废止 / 廢止 / 失效 / 修订 / 修訂 / 修改 / 效力 / 时效). */
export const VALIDITY_WORD = 1 << 8;
/** A first character of the printed totals (共N页 / 共有N条 / 总记录数 / 当前页). */
export const TOTAL_WORD = 1 << 9;
/** A first character of the pager words (上一页 / 下一页 / 上页 / 下页). */
export const PAGER_WORD = 1 << 10;
/** A character that opens a numbered section heading: `（` `(` or a Chinese numeral 一 … 十. */
export const SECTION_MARK = 1 << 11;
/** A character of the words of a removed page's notice (删除 / 不存在 / 找不到 / 撤销). */
export const GONE_WORD = 1 << 12;
/** 文, which every word naming a link to the original document holds (原文 / 相关文件 / 政策文件 …: links.ts ORIGINAL). */
export const DOCUMENT_WORD = 1 << 13;

/** Whitespace as the snapshot collapses it (the characters `hasInk` passes over). */
function isBlank(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff;
}

const TRIGGERS: ReadonlyArray<readonly [number, string]> = [
  [COLON, ':：】'],
  [DIGIT, '0123456789'],
  [PROSE, '。，；'],
  [GARBLED, '\uFFFD锟'],
  [BLANK_WORD, '暂暫没无'],
  [PUBLISH_WORD, '发發公日时時'],
  [SOURCE_WORD, '来來字'],
  [VALIDITY_WORD, '有废廢失修效时'],
  [TOTAL_WORD, '共总当'],
  [PAGER_WORD, '上下'],
  [SECTION_MARK, '（(一二三四五六七八九十'],
  [GONE_WORD, '删刪存找撤'],
  [DOCUMENT_WORD, '文'],
];

let table: Uint16Array | null = null;

/** Marks per UTF-16 code unit (INK for every character but whitespace), built on first use (128 KB). */
function markTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (!isBlank(c)) table[c] = INK;
  for (const [mark, chars] of TRIGGERS) for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= mark;
  return table;
}

/** The marks of a text (0 when it is whitespace only): one look-up per character. */
export function textMarks(value: string): number {
  const marks = table ?? markTable();
  let out = 0;
  for (let i = 0; i < value.length; i++) out |= marks[value.charCodeAt(i)]!;
  return out;
}
