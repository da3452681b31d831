/**
 * Element lists a text names (`辦事指南要素包含:事項名稱、事項類型、…`) → references to element templates.
 *
 * Decides: what an enumeration is (three or more items joined by 、 between two punctuation marks), how its ends are
 * cleaned (lead-in words such as 包括/含/应当有/说明/明确/公开 before the first item, 等/等要素/等信息 after the last),
 * and when it is a template's list: items are compared with each element's name and synonyms through normalizeLabel
 * (also without 的; an item joined with 和/及/与 is tried in parts), and a template is referenced when at least two of
 * its elements are named, at least 60 % of its elements are named and at least 60 % of the items are its elements.
 * The best-scoring template wins; a template is referenced once per text.
 * Does not decide: what the templates contain (seeds/templates) nor how a page is checked against them.
 */
import { normalizeLabel, normalizeText } from '../text/normalize';
import type { ElementRef, ElementTemplate, TextSource } from './model';
import { removeSpaces } from '../text/whitespace';

export interface Enumeration {
  /** Cleaned items, normalised. */
  items: string[];
  /** The first item before its lead-in words were removed, normalised. */
  firstRaw: string;
}

const SEGMENT_BREAK = /[。;:!?,()[\]【】]/;
const LEAD_IN = /包括|包含|含有|应当有|应有|说明|明确|公布|公开|含|为|是|有/g;
const TRAILING_ETC = /(?:等)(?:要素|信息|内容|事项|方面|情况)?$|(?:要素|信息)$/;

function stripLeadIn(first: string): string {
  let cut = -1;
  for (const m of first.matchAll(LEAD_IN)) cut = Math.max(cut, m.index + m[0].length);
  const rest = cut >= 0 ? first.slice(cut) : first;
  return rest.length >= 2 ? rest : first;
}

/** Enumerations of three or more items in `text`. */
export function extractEnumerations(text: string): Enumeration[] {
  const norm = removeSpaces(normalizeText(text));
  const out: Enumeration[] = [];
  for (const segment of norm.split(SEGMENT_BREAK)) {
    const parts = segment.split('、');
    if (parts.length < 3) continue;
    const firstRaw = parts[0] ?? '';
    const items = parts.map((p, i) => {
      let item = i === 0 ? stripLeadIn(p) : p;
      if (i === parts.length - 1) item = item.replace(TRAILING_ETC, '');
      return item;
    });
    if (items.some((x) => x.length === 0)) continue;
    out.push({ items, firstRaw });
  }
  return out;
}

/** Where a label points: template index and element index. */
type Target = readonly [template: number, element: number];

export interface TemplateMatcher {
  readonly templates: readonly ElementTemplate[];
  /** Normalised label (also without 的) → the elements it names. */
  readonly index: ReadonlyMap<string, readonly Target[]>;
  /** Labels by their last character, for suffix matching of first items. */
  readonly byLastChar: ReadonlyMap<string, ReadonlyArray<{ key: string; target: Target }>>;
}

const keyOf = (s: string): string => normalizeLabel(s);
const withoutDe = (s: string): string => s.replace(/的/g, '');

function keysOf(s: string): string[] {
  const k = keyOf(s);
  const k2 = withoutDe(k);
  return k2 === k ? [k] : [k, k2];
}

/** Prepares templates once for many texts. */
export function prepareTemplates(templates: readonly ElementTemplate[]): TemplateMatcher {
  const index = new Map<string, Target[]>();
  const byLastChar = new Map<string, Array<{ key: string; target: Target }>>();
  templates.forEach((template, ti) => {
    template.elements.forEach((el, ei) => {
      for (const label of [el.name, ...el.synonyms]) {
        for (const key of keysOf(label)) {
          const list = index.get(key) ?? [];
          if (!list.some(([t, e]) => t === ti && e === ei)) list.push([ti, ei]);
          index.set(key, list);
          const last = key.slice(-1);
          const bucket = byLastChar.get(last) ?? [];
          bucket.push({ key, target: [ti, ei] });
          byLastChar.set(last, bucket);
        }
      }
    });
  });
  return { templates, index, byLastChar };
}

/** template index → element indexes this item names in it. */
type Hits = Map<number, number[]>;

function lookup(keys: readonly string[], m: TemplateMatcher): Hits {
  const hits: Hits = new Map();
  for (const k of keys) {
    for (const [t, e] of m.index.get(k) ?? []) if (!hits.has(t)) hits.set(t, [e]);
  }
  return hits;
}

/**
 * What an item names, per template: the item as a whole; else (first item) the longest label its raw text ends with;
 * else, for an item joined with 和/及/与/或, every part.
 */
function itemHits(item: string, raw: string | null, m: TemplateMatcher): Hits {
  const hits = lookup(keysOf(item), m);
  if (raw !== null) {
    const rawKey = keyOf(raw);
    const best = new Map<number, { e: number; len: number }>();
    for (const { key, target } of m.byLastChar.get(rawKey.slice(-1)) ?? []) {
      const [t, e] = target;
      if (hits.has(t) || key.length < 2 || !rawKey.endsWith(key)) continue;
      const b = best.get(t);
      if (b === undefined || key.length > b.len) best.set(t, { e, len: key.length });
    }
    for (const [t, b] of best) hits.set(t, [b.e]);
  }
  const parts = item.split(/以及|和|及|与|或/).filter((p) => p.length > 0);
  if (parts.length >= 2) {
    const partHits = parts.map((p) => lookup(keysOf(p), m));
    const first = partHits[0] ?? new Map<number, number[]>();
    for (const t of first.keys()) {
      if (hits.has(t)) continue;
      const all = partHits.map((h) => h.get(t)?.[0]);
      if (all.every((e) => e !== undefined)) hits.set(t, all as number[]);
    }
  }
  return hits;
}

interface Scored {
  template: ElementTemplate;
  matched: number;
  score: number;
}

function bestTemplate(e: Enumeration, m: TemplateMatcher): Scored | null {
  const elements = new Map<number, Set<number>>();
  const matchedItems = new Map<number, number>();
  e.items.forEach((item, i) => {
    for (const [t, es] of itemHits(item, i === 0 ? e.firstRaw : null, m)) {
      matchedItems.set(t, (matchedItems.get(t) ?? 0) + 1);
      const set = elements.get(t) ?? new Set<number>();
      for (const x of es) set.add(x);
      elements.set(t, set);
    }
  });
  let best: Scored | null = null;
  for (const [t, set] of elements) {
    const template = m.templates[t];
    if (template === undefined) continue;
    const elementRatio = set.size / template.elements.length;
    const itemRatio = (matchedItems.get(t) ?? 0) / e.items.length;
    if (set.size < 2 || elementRatio < 0.6 || itemRatio < 0.6) continue;
    const score = elementRatio + itemRatio;
    if (best === null || score > best.score) best = { template, matched: set.size, score };
  }
  return best;
}

/** Template references for the element lists of `text`. */
export function matchElementLists(text: string, source: TextSource, matcher: TemplateMatcher): ElementRef[] {
  const out: ElementRef[] = [];
  for (const e of extractEnumerations(text)) {
    const best = bestTemplate(e, matcher);
    if (best !== null && !out.some((r) => r.template === best.template.id)) {
      out.push({ template: best.template.id, listed: e.items, matched: best.matched, source });
    }
  }
  return out;
}
