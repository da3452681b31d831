/**
 * The project's one text normaliser. Every comparison of Chinese text (plan task names, unit names, column names,
 * element labels on pages) goes through here, so that 縣財政局 / 县财政局 / 县 财 政 局 / 县(xian)财政局 compare equal.
 *
 * Decides: script (traditional → simplified with OpenCC's generic `t → cn` tables, which also cover the Hong Kong and
 * Taiwan code points seen on portals), width (full-width ASCII and U+3000 → half-width, then NFKC, which also folds
 * CJK compatibility ideographs and Kangxi radicals), and for labels: whitespace, zero-width characters, pinyin
 * annotations `政(zheng)府(fu)` and a trailing colon.
 * Does not decide: meaning (synonyms live in the element templates), word segmentation, or punctuation other than
 * width (Chinese quotes “” and 、 stay as they are).
 *
 * Notes on OpenCC `t → cn` for the seed plan: 縣財政局 → 县财政局, 縣國資中心 → 县国资中心, 彙 → 汇, 乾 → 干,
 * 準/准 → 准; 著 stays 著 (著力 is not rewritten to 着力: the `tw` tables would do that but also turn 显著 into 显着,
 * which is wrong). Both sides of every comparison pass through the same function, so such a choice is harmless.
 */
import { Converter } from 'opencc-js/t2cn';

const traditionalToSimplified = Converter({ from: 't', to: 'cn' });

/** Strings are normalised again and again (unit names, labels, requirements): keep bounded caches. */
const CACHE_LIMIT = 8000;
const TEXT_CACHE_MAX_LENGTH = 4096;
const simplifiedCache = new Map<string, string>();
const textCache = new Map<string, string>();
const labelCache = new Map<string, string>();

/** Empties the caches (benchmarks measure cold parses with it). */
export function clearNormalizeCaches(): void {
  simplifiedCache.clear();
  textCache.clear();
  labelCache.clear();
}

/** Traditional → simplified only (no width or whitespace change). */
export function toSimplified(s: string): string {
  if (s.length === 0) return s;
  // Pure ASCII needs no conversion.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included
  if (!/[^\u0000-\u007f]/.test(s)) return s;
  if (s.length <= 64) {
    const hit = simplifiedCache.get(s);
    if (hit !== undefined) return hit;
    const out = traditionalToSimplified(s);
    if (simplifiedCache.size >= CACHE_LIMIT) simplifiedCache.clear();
    simplifiedCache.set(s, out);
    return out;
  }
  return traditionalToSimplified(s);
}

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) → half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Script and width, keeping whitespace and punctuation otherwise: for text that is read, split and searched
 * (requirements, page text). NFKC is safe here: it only folds compatibility forms (full-width, ①, ㈠, ⽂ radicals,
 * compatibility ideographs, NBSP → space) and never changes a unified ideograph.
 */
export function normalizeText(s: string): string {
  if (s.length === 0) return s;
  // One plan normalises each requirement several times (frequencies, deadlines, columns, lists): cache by value.
  const cacheable = s.length <= TEXT_CACHE_MAX_LENGTH;
  if (cacheable) {
    const hit = textCache.get(s);
    if (hit !== undefined) return hit;
  }
  const out = toSimplified(toHalfWidth(s).normalize('NFKC'));
  if (cacheable) {
    if (textCache.size >= CACHE_LIMIT) textCache.clear();
    textCache.set(s, out);
  }
  return out;
}

/** Whitespace of every kind, including NBSP, U+3000 and the zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM). */
import { ALL_SPACE } from './whitespace';

/**
 * A pinyin annotation right after a Han character, as mirror sites add them: `政(zheng)府(fu)`, `辦(ban)`,
 * `政(zheng)(zheng)府` (repeated), `政(zhèng)`, `政(zheng4)`. Only lowercase Latin syllables (with tone marks or a
 * tone digit) that hold a vowel, as every syllable of the 汉语拼音方案 does, are removed, so `(PPP)`, `(ppp)`, `(镇)`,
 * `(或专栏)` and `(2017)` stay.
 */
const PINYIN_ANNOTATION =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: U+0300–U+036F are tone marks written as separate code points
  /(?<=\p{Script=Han})(?:\((?=[^)]*[aeiouü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc])(?:[a-zü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u0300-\u036f]{1,7})[1-5]?\))+/gu;

/** The pinyin annotations of a text (see PINYIN_ANNOTATION): how many, and the first one with its character. */
export function findPinyin(s: string): { count: number; sample: string } {
  let count = 0;
  let sample = '';
  for (const m of s.matchAll(PINYIN_ANNOTATION)) {
    if (count === 0) sample = s.slice(Math.max(0, m.index - 1), m.index + m[0].length);
    count++;
  }
  return { count, sample };
}

/** Removes pinyin annotations (see PINYIN_ANNOTATION); expects half-width parentheses. */
export function stripPinyin(s: string): string {
  return s.replace(PINYIN_ANNOTATION, '');
}

/**
 * A label or a name to compare: normalizeText, then no whitespace at all, no pinyin annotations and no trailing
 * colon. `索 引 号：` → `索引号`, `標　　題` → `标题`, `政(zheng)府(fu)信息` → `政府信息`.
 */
export function normalizeLabel(s: string): string {
  if (s.length === 0) return s;
  const cacheable = s.length <= 64;
  if (cacheable) {
    const hit = labelCache.get(s);
    if (hit !== undefined) return hit;
  }
  const text = normalizeText(s).replace(ALL_SPACE, '');
  const out = stripPinyin(text).replace(/:+$/, '');
  if (cacheable) {
    if (labelCache.size >= CACHE_LIMIT) labelCache.clear();
    labelCache.set(s, out);
  }
  return out;
}

/** True when two labels are equal after normalizeLabel. */
export function sameLabel(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}
