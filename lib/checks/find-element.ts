/**
 * Finds a template element among the page's fields: by its name or a synonym, compared through the one normaliser
 * (traditional/simplified, width, whitespace, pinyin). A label matches when it equals a name, or is a name followed
 * by a parenthetical (`法定办结时限（工作日）`), or a name behind list numbering (`1.事项名称`, `（一）事项名称`), or — for
 * labels of six characters or more — the same characters with two words swapped (`行政处罚文书决定号`).
 * Decides which field (or header-table column) stands for the element, and which header tables list records of a
 * template; not whether its value is good enough.
 */
import type { ElementTemplate, TemplateElement } from '../plan/model';
import type { Field, HeaderTable, PageSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';

const NUMBERING = /^(?:\d+[.、.]|[一二三四五六七八九十]+[、.]|\(\d+\)|\([一二三四五六七八九十]+\)|[①-⑳])/;

/** Labels repeat across templates and pages: each is normalised once (bounded cache). */
const keys = new Map<string, string>();

export function labelKey(label: string): string {
  let key = keys.get(label);
  if (key === undefined) {
    key = normalizeLabel(label).replace(NUMBERING, '');
    if (keys.size >= 20_000) keys.clear();
    keys.set(label, key);
  }
  return key;
}

const namesOf = new WeakMap<TemplateElement, string[]>();

export function elementNames(element: TemplateElement): string[] {
  let names = namesOf.get(element);
  if (!names) {
    names = [element.name, ...element.synonyms].map(labelKey);
    namesOf.set(element, names);
    register(element, names);
  }
  return names;
}

/** A name of an element: the element and the name's first index among its names. */
interface NameOf {
  element: TemplateElement;
  at: number;
}

/**
 * Every element whose names were read, looked up the other way round — from a name (or a long name's letters) to the
 * elements that carry it — so that a page's labels are matched against all elements at once (`labelMatchesFor`),
 * instead of each label being asked of each element of each template. It holds the elements it is asked about: the
 * bundled templates' own objects (seeds/, the same for every page and plan), so it stays as small as they are.
 */
const registry = {
  byName: new Map<string, NameOf[]>(),
  byLetters: new Map<string, NameOf[]>(),
  /** Elements with a name holding `(`: every `(` of a label is tried as the end of one of their names. */
  parenInName: new Set<TemplateElement>(),
  /** Grows with each element registered: matches computed before are computed again. */
  version: 0,
};

function register(element: TemplateElement, names: readonly string[]): void {
  const index = nameIndex(names);
  for (const [name, at] of index.byName) push(registry.byName, name, { element, at });
  for (const [letters, at] of index.byLetters) push(registry.byLetters, letters, { element, at });
  if (index.parenInName) registry.parenInName.add(element);
  registry.version += 1;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A long label's characters in code-point order: two words swapped by the site's editor (`行政处罚文书决定号` for
 * `行政处罚决定书文号`) give the same letters. Only labels of six characters or more are compared this way — short ones
 * (名称 / 称名) collide too easily. Cached like the keys.
 */
const MIN_SHUFFLED = 6;
const letters = new Map<string, string>();

function lettersOf(key: string): string {
  let sorted = letters.get(key);
  if (sorted === undefined) {
    sorted = [...key].sort().join('');
    if (letters.size >= 20_000) letters.clear();
    letters.set(key, sorted);
  }
  return sorted;
}

/** Which of the names (by index) a page label stands for, or -1. */
export function matchingName(pageLabel: string, names: readonly string[]): number {
  return matchingKey(labelKey(pageLabel), names);
}

/**
 * The names of an element indexed for lookups: each name's first index, and each long name's letters' first index.
 * Built once per names list (the lists of `elementNames` live as long as their element).
 */
interface NameIndex {
  byName: Map<string, number>;
  byLetters: Map<string, number>;
  /** A name holds `(` itself: every `(` of a label must be tried as the end of a name. */
  parenInName: boolean;
}

const nameIndexes = new WeakMap<readonly string[], NameIndex>();

function nameIndex(names: readonly string[]): NameIndex {
  let index = nameIndexes.get(names);
  if (!index) {
    index = { byName: new Map(), byLetters: new Map(), parenInName: false };
    names.forEach((name, i) => {
      if (!index!.byName.has(name)) index!.byName.set(name, i);
      if (name.length >= MIN_SHUFFLED && !index!.byLetters.has(lettersOf(name)))
        index!.byLetters.set(lettersOf(name), i);
      if (name.includes('(')) index!.parenInName = true;
    });
    nameIndexes.set(names, index);
  }
  return index;
}

/**
 * `matchingName` for a label already normalised by `labelKey`: the first name (by index) equal to the label or
 * followed in it by a parenthetical, else — for labels of six characters or more — the first with the same letters.
 * Asked for every field × element × template of a page: map lookups, not a loop over the names.
 */
export function matchingKey(key: string, names: readonly string[]): number {
  const index = nameIndex(names);
  let best = index.byName.get(key) ?? -1;
  // `名称(全称)` is the name `名称` followed by a parenthetical: each `(` may end a name.
  for (let p = key.indexOf('('); p > 0; p = key.indexOf('(', p + 1)) {
    const at = index.byName.get(key.slice(0, p));
    if (at !== undefined && (best < 0 || at < best)) best = at;
    if (!index.parenInName) break;
  }
  if (best >= 0 || key.length < MIN_SHUFFLED) return best;
  return index.byLetters.get(lettersOf(key)) ?? -1;
}

/** A label (by index in its list) standing for an element, and which of the element's names it matched. */
export interface LabelMatch {
  i: number;
  at: number;
}

const NO_MATCHES: readonly LabelMatch[] = [];

/**
 * `matchingKey` of one label against every registered element: each element's best name index, the same answer
 * `matchingKey(key, elementNames(element))` gives.
 */
function keyMatches(key: string, into: Map<TemplateElement, number>): void {
  for (const { element, at } of registry.byName.get(key) ?? NO_NAMES) into.set(element, at);
  for (let p = key.indexOf('('), first = true; p > 0; p = key.indexOf('(', p + 1), first = false) {
    for (const { element, at } of registry.byName.get(key.slice(0, p)) ?? NO_NAMES) {
      if (!first && !registry.parenInName.has(element)) continue;
      const best = into.get(element);
      if (best === undefined || at < best) into.set(element, at);
    }
    if (registry.parenInName.size === 0) break;
  }
  if (key.length < MIN_SHUFFLED) return;
  for (const { element, at } of registry.byLetters.get(lettersOf(key)) ?? NO_NAMES)
    if (!into.has(element)) into.set(element, at);
}

const NO_NAMES: readonly NameOf[] = [];

interface LabelIndex {
  version: number;
  byElement: Map<TemplateElement, LabelMatch[]>;
}

const labelIndexes = new WeakMap<readonly (string | undefined)[], LabelIndex>();

/**
 * The labels of a list (normalised keys, undefined for one never matched) that stand for the element, in list order,
 * each with the element's name it matched — computed once per list for all elements (the reverse lookup above).
 */
export function labelMatchesFor(
  keys: readonly (string | undefined)[],
  element: TemplateElement,
): readonly LabelMatch[] {
  elementNames(element);
  let index = labelIndexes.get(keys);
  if (!index || index.version !== registry.version) {
    index = { version: registry.version, byElement: new Map() };
    const found = new Map<TemplateElement, number>();
    keys.forEach((key, i) => {
      if (key === undefined) return;
      found.clear();
      keyMatches(key, found);
      for (const [el, at] of found) push(index!.byElement, el, { i, at });
    });
    labelIndexes.set(keys, index);
  }
  return index.byElement.get(element) ?? NO_MATCHES;
}

/** Each header of a record table normalised, once per table. */
const headerKeysOf = new WeakMap<HeaderTable, string[]>();

function headerKeys(table: HeaderTable): string[] {
  let keys = headerKeysOf.get(table);
  if (!keys || keys.length !== table.headers.length) {
    keys = table.headers.map(labelKey);
    headerKeysOf.set(table, keys);
  }
  return keys;
}

export function labelMatches(pageLabel: string, names: readonly string[]): boolean {
  return matchingName(pageLabel, names) >= 0;
}

/** Each field's label normalised (undefined for a field of the site's chrome), once per list of fields. */
const keysOf = new WeakMap<readonly Field[], Array<string | undefined>>();

export function fieldKeys(fields: readonly Field[]): Array<string | undefined> {
  let keys = keysOf.get(fields);
  if (!keys || keys.length !== fields.length) {
    keys = fields.map((f) => (f.chrome ? undefined : labelKey(f.label)));
    keysOf.set(fields, keys);
  }
  return keys;
}

/**
 * The best field for an element: a filled one before an empty one; then the element's own name before its synonyms
 * (in the template's order: a block printing both 成文日期 and 发布日期 gives 生成日期 the 成文日期); then page order.
 * Fields in the site's chrome (header, footer, navigation) are never taken.
 */
export function findField(fields: readonly Field[], element: TemplateElement): Field | undefined {
  const names = elementNames(element);
  let best: Field | undefined;
  let bestRank = Infinity;
  // The site's header, footer and navigation never supply a record's value (the footer's 联系电话): their keys are
  // undefined (fieldKeys).
  for (const { i, at } of labelMatchesFor(fieldKeys(fields), element)) {
    const field = fields[i]!;
    const rank = (field.value.trim().length > 0 ? 0 : names.length) + at;
    if (rank < bestRank) {
      best = field;
      bestRank = rank;
    }
  }
  return best;
}

/** A header table naming the element as one of its columns. */
export function findHeader(tables: readonly HeaderTable[], element: TemplateElement): HeaderTable | undefined {
  return tables.find((t) => columnOf(t, element) >= 0);
}

/** The column of a record table that stands for the element, or -1. */
export function columnOf(table: HeaderTable, element: TemplateElement): number {
  return labelMatchesFor(headerKeys(table), element)[0]?.i ?? -1;
}

/** How many of the template's elements a record table's header row names. */
export function headerElements(table: HeaderTable, template: ElementTemplate): number {
  return template.elements.filter((e) => columnOf(table, e) >= 0).length;
}

/**
 * How many of a template's elements a page must show before the page is taken for one of its records: at least 30 %
 * and at least two. A table with 建设单位 and 建设地点 columns is a list of construction projects, not yet of
 * 环评受理 records (seven elements: three are needed). Never more than ENOUGH_AT_MOST: five distinct labels of one
 * template are a record of it however long its list is — a 办事指南 of 22 elements (the plan's and the national
 * standard's) prints a part of them (a 主题式服务 guide's 收费标准, 承诺时限, 办公地址, 办公时间, 监督投诉渠道, 结果送达).
 */
export function enoughElements(template: ElementTemplate): number {
  return Math.max(2, Math.min(ENOUGH_AT_MOST, Math.ceil(template.elements.length * 0.3)));
}

/** The most distinct elements any template asks of a page before it is taken for one of its records. */
export const ENOUGH_AT_MOST = 5;

/** Header tables that list records of this template: their header row names enough of its elements (enoughElements). */
export function recordTables(snapshot: PageSnapshot, template: ElementTemplate): HeaderTable[] {
  const enough = enoughElements(template);
  return tablesFor(snapshot, template).filter(
    (table) => table.records.length > 0 && headerElements(table, template) >= enough,
  );
}

/**
 * The page's header tables that can hold the template's records: a table with a header naming a column of another
 * kind of document (the template's `notRecordHeaders`: a 行政处罚裁量基准's 违法情节, 处罚标准 …) is left out.
 */
export function tablesFor(snapshot: PageSnapshot, template: ElementTemplate): readonly HeaderTable[] {
  const other = (template.notRecordHeaders ?? []).map(labelKey);
  if (other.length === 0) return snapshot.headerTables;
  return snapshot.headerTables.filter((table) =>
    table.headers.every((header) => {
      const key = labelKey(header);
      return !other.some((o) => key.includes(o));
    }),
  );
}
