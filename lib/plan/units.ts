/**
 * Unit cells → unit names. `縣環保局、林业局、财政局,各鄉鎮、開發區·` → 县环保局, 县林业局, 县财政局, 各乡镇, 开发区.
 *
 * Decides: how a cell is split (、 , ， ; and line breaks, never inside parentheses or quotes), the cleaning of each
 * name (script, width, whitespace, stray trailing punctuation such as the seed's `·`), the elided level prefix
 * (`县交运局、住建局` → 县住建局: a bureau-like name after a 县… bureau in the same 、-run), and reviewed aliases
 * (from overrides.json). Also: whether a line of flattened text looks like a unit list at all, and whether one name is a
 * unit name — what the unit vocabulary (seeds/units/unit-names.json) decides.
 * Does not decide: which cell (牵头 or 责任) a line belongs to (the readers do) or inheritance (assemble.ts).
 */
import { normalizeText } from '../text/normalize';
import unitNameData from '../../seeds/units/unit-names.json';

const SPACE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;

/** Splits on any of `separators` outside (), [] and “”. */
function splitTopLevel(s: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '(' || c === '[' || c === '“' || c === '「') depth++;
    else if ((c === ')' || c === ']' || c === '”' || c === '」') && depth > 0) depth--;
    else if (depth === 0 && separators.includes(c)) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** Names that an elided 县 prefix applies to (bureaus, offices, centres, stations, companies…). */
const BUREAU_LIKE = /(?:局|办|中心|站|公司|社|委|部|馆|院|所|队|处|会|厅|署)$/;
/** Branches of a higher-level system (银监分局, 某某支行): printed with their own place, never given the list's level. */
const BRANCH = /(?:分局|支行|分行|分公司|分中心|支队|大队)$/;
/** Names that never take the elided prefix. */
const HAS_LEVEL = /^(?:县|市(?!场)|省|区(?!域)|各|中共|人行|人民银行|中国|国家|乡|镇)/;

/**
 * Editorial notes printed inside a unit cell, not part of any name: `市有关单位（见附件1，下同）`, `（下同）`,
 * `（详见附表）`. The cell keeps them as published.
 */
function withoutNotes(text: string): string {
  return text.replace(/\((?:详见|见|下同|同上)[^()]*\)/g, '');
}

function cleanName(s: string): string {
  return s
    .replace(/^[·•.,:;、]+|[·•.,:;、。]+$/g, '')
    .replace(/^(?:及|和|与|以及)/, '')
    .replace(/(.{2,})等$/, '$1')
    .trim();
}

/** The level a name starts with (省 / 市 / 县 / 区), when the rest is an organ's name (`市发改委`, not `市场监管局`). */
function levelOf(name: string): string | null {
  const m = /^(省|市(?!场)|县|区(?!域))/.exec(name);
  if (!m) return null;
  if (/^(?:县直|市直|省直|区直)/.test(name)) return null;
  return m[1] ?? null;
}

/**
 * One printed item naming two units joined by 及 / 以及 / 等 (`其他股室及属下单位`, `区商务局等数字经济工作领导小组成员单位`:
 * 区商务局 and the group's other members): split when both sides read as unit names; otherwise one name
 * (`住房和城乡建设局`, `高等院校` are never split — no 和, and `高` is no unit).
 */
function splitJoined(name: string): string[] {
  const re = /以及|及|等/g;
  for (let m = re.exec(name); m !== null; m = re.exec(name)) {
    const left = name.slice(0, m.index);
    const right = name.slice(m.index + m[0].length);
    if (left.length >= 2 && right.length >= 2 && isUnitName(left) && isUnitName(right)) {
      return [left, ...splitJoined(right)];
    }
  }
  return [name];
}

export interface UnitOptions {
  /** Reviewed aliases: normalised name → normalised name. */
  aliases?: ReadonlyMap<string, string>;
}

/**
 * A name a narrow column broke over two lines (`公安` / `分局`, `公安` / `机关`) joined back: a line of a few characters
 * that is no unit name on its own goes on with the next when together they make one. Lines that are names each stay
 * apart.
 */
const BROKEN_FRAGMENT = 4;

function withBrokenNamesJoined(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const joined = `${previous ?? ''}${line.trim()}`;
    // Only a fragment (a few characters, as a narrow column breaks a word) — never a long item that is no name.
    const fragment =
      previous !== undefined && new RegExp(`^[\u4e00-\u9fff]{1,${BROKEN_FRAGMENT}}$`).test(previous.trim());
    if (previous !== undefined && fragment && !isUnitName(previous) && isUnitName(joined)) out[out.length - 1] = joined;
    else out.push(line.trim());
  }
  return out.join('\n');
}

/** Unit names of one cell (published text, possibly several paragraphs). */
export function splitUnits(published: string, opts: UnitOptions = {}): string[] {
  const text = normalizeText(withBrokenNamesJoined(published)).replace(/\r?\n/g, ',').replace(SPACE, '');
  // Place names the cell itself shows (`人民银行潍坊市中心支行` → 潍坊): a name starting with one has its own level.
  const places = [...text.matchAll(/([\u4e00-\u9fff]{2,3}?)(?:市|县|区|州|省)/g)]
    .map((m) => m[1] ?? '')
    .filter((p) => p.length >= 2 && !/^(?:各|县|市|省|区|全|本|中心|人民|银行|支行)/.test(p));
  const out: string[] = [];
  for (const run of splitTopLevel(withoutNotes(text), ',;')) {
    const names = splitTopLevel(run, '、').map(cleanName).flatMap(splitJoined);
    // A run that prints the level on a later name too (`市工信局、市发改委、广德经开区管委会`) elides nothing.
    const firstLevelled = names.findIndex((n) => levelOf(n) !== null && BUREAU_LIKE.test(n));
    const elides = firstLevelled >= 0 && !names.slice(firstLevelled + 1).some((n) => levelOf(n) !== null);
    let levelPrefix: string | null = null;
    for (let name of names) {
      if (name.length === 0) continue;
      const level = levelOf(name);
      if (level !== null && BUREAU_LIKE.test(name)) levelPrefix = level;
      else if (
        elides &&
        levelPrefix !== null &&
        !HAS_LEVEL.test(name) &&
        BUREAU_LIKE.test(name) &&
        !BRANCH.test(name) &&
        !places.some((p) => name.startsWith(p))
      )
        name = levelPrefix + name;
      const alias = opts.aliases?.get(name);
      if (alias !== undefined) name = alias;
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

interface UnitNameData {
  maxLength: number;
  collectivePrefixes: string[];
  endings: Array<{ words: string[]; source: string }>;
  notNames: { words: string[]; source: string };
}
const unitNames = unitNameData as UnitNameData;

/** Endings of unit names, collective ones included (各鄉鎮, 收費執行單位, 縣直各部門, 各縣(市)區): seeds/units. */
const UNIT_END = new RegExp(
  `(?:${unitNames.endings
    .flatMap((e) => e.words)
    .sort((a, b) => b.length - a.length)
    .join('|')})$`,
);

/**
 * Whether one item reads as a unit name — what the unit vocabulary (seeds/units/unit-names.json) decides: short, ending
 * as an organ, office, institution, level of government or collective does, or starting with 各; its other name may
 * follow in brackets (`市司法局(行政复议局)`).
 */
export function isUnitName(raw: string): boolean {
  const name = cleanName(normalizeText(raw).replace(SPACE, ''));
  const bare = name.replace(/\([^()]*\)$/, '');
  // A numbered list item (`1.受理部门`: a catalogue's 公开内容) is no unit's name.
  if (/^\d{1,2}\s*[.、．]/.test(name)) return false;
  return (
    name.length > 0 &&
    name.length <= unitNames.maxLength &&
    !unitNames.notNames.words.some((w) => bare.endsWith(w)) &&
    (UNIT_END.test(bare) || unitNames.collectivePrefixes.some((p) => bare.startsWith(p)))
  );
}

/**
 * Whether a line of flattened text reads as a unit list rather than a requirement: no full stop, every item short
 * and ending like a unit name. `縣直各有關部門` yes; `確定試點單位,出台試點方案,確保取得實效。` no.
 */
export function looksLikeUnitLine(line: string): boolean {
  const text = normalizeText(line).replace(SPACE, '');
  if (text.length === 0 || text.length > 160) return false;
  if (/[。!?]/.test(text)) return false;
  const items = splitTopLevel(text, ',;、')
    .map(cleanName)
    .filter((x) => x.length > 0);
  if (items.length === 0) return false;
  return items.every(isUnitName);
}

/** Whether a unit line names a list (several units) rather than a single one. */
export function isUnitList(line: string): boolean {
  const text = normalizeText(line).replace(SPACE, '');
  return (
    splitTopLevel(text, ',;、')
      .map(cleanName)
      .filter((x) => x.length > 0).length > 1
  );
}

/**
 * Items of a unit cell that do not read as unit names (a sentence, a marker left over, a phrase the unit vocabulary
 * does not take: `上级部门制定的规范性文件由对口部门公开`): kept, and warned.
 */
export function unsplittableItems(published: string): string[] {
  const text = normalizeText(withBrokenNamesJoined(published)).replace(/\r?\n/g, ',').replace(SPACE, '');
  const out: string[] = [];
  for (const run of splitTopLevel(text, ',;')) {
    for (const name of splitTopLevel(run, '、').map(cleanName).flatMap(splitJoined)) {
      if (name.length === 0) continue;
      if (name.length > 30 || /[。!?]/.test(name) || !isUnitName(name)) out.push(name);
    }
  }
  return out;
}

/** Names as printed, in the order of `splitUnits` (before the elided prefix is restored or an alias applied). */
export function printedUnits(published: string): string[] {
  const text = withBrokenNamesJoined(published)
    .replace(/\r?\n/g, ',')
    .replace(/[\s\u00a0\u3000]+/g, '');
  const out: string[] = [];
  for (const run of splitTopLevel(
    text.replace(/[，；]/g, (c) => (c === '，' ? ',' : ';')),
    ',;',
  )) {
    for (const name of splitTopLevel(run, '、').map(cleanName).flatMap(splitJoined)) {
      if (name.length > 0 && !out.includes(name)) out.push(name);
    }
  }
  return out;
}
