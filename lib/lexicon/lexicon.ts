/**
 * The domain lexicon of 政务公开 column kinds (seeds/lexicon/concepts.json, sources in seeds/lexicon/sources.json),
 * typed and indexed once: every name normalised through lib/text/normalize, a name → concepts index for the word
 * scanner, and the URL folder abbreviations.
 *
 * Decides: the shape of a concept and the roles — `topic` (a kind of content a plan task may govern; linked from any
 * part of a task's text), `outside` (a kind of column that plans rarely govern — annual reports, personnel, news …;
 * linked only when a task's title or named columns say so) and `container` (a heading that only groups columns).
 * Does not decide: which task a concept belongs to (link-plan.ts) nor how a location is read (engine/match-tasks.ts).
 */
import { normalizeLabel } from '../text/normalize';
import conceptsJson from '../../seeds/lexicon/concepts.json';
import sourcesJson from '../../seeds/lexicon/sources.json';

export type ConceptRole = 'topic' | 'outside' | 'container';

export interface Concept {
  id: string;
  label: string;
  labelEn: string;
  role: ConceptRole;
  meaning: string;
  /** Column names and synonyms portals use, as written in the data. */
  names: string[];
  /** URL folder names (pinyin abbreviations) portals use for the column. */
  slugs: string[];
  /** Narrower concepts a column of this kind holds (行政执法公示 holds 行政许可 and 行政处罚). */
  includes?: string[];
  /** Element templates whose presence in a task means the task governs this kind of column. */
  templates?: string[];
  /** True for words that name the form of a publication (公告, 公示), not its subject: a subject beside them decides. */
  form?: boolean;
  /**
   * True for a catalogue of columns (政府信息公开目录, the 基层政务公开 column): it is the column's kind only when it is
   * the column itself; above another segment of a location it holds that column and groups like a container.
   */
  holdsColumns?: boolean;
  /**
   * True for a portal's service area (办事服务, 服务大厅): below it in a location, a segment names a service item or a
   * group of items — its subject words (房屋, 建设项目) say what the service concerns, not the column's kind, which is
   * the area's (the service guides). A segment below that names a concept the area includes, or a kind of column plans
   * rarely govern (通知公告), still names the column.
   */
  holdsServiceItems?: boolean;
  /** `sourceId:detail`, the source id a key of sources.json. */
  sources: string[];
}

export interface LexiconSource {
  short: string;
  shortEn: string;
  title: string;
  urls: string[];
}

export interface Lexicon {
  concepts: ReadonlyMap<string, Concept>;
  sources: Readonly<Record<string, LexiconSource>>;
  /** Normalised name → ids of the concepts that use it. */
  byName: ReadonlyMap<string, readonly string[]>;
  /** First character of a name → the lengths of the names starting with it, longest first. */
  lengthsByFirst: ReadonlyMap<string, readonly number[]>;
  /** Lower-case URL folder name → concept id. */
  bySlug: ReadonlyMap<string, string>;
  /** Normalised names that come from the county's local column aliases, not from the lexicon's sources. */
  aliasNames: ReadonlySet<string>;
}

/** A county's local column name (options page): a name its sites use → the concept it means. */
export interface LexiconAlias {
  name: string;
  conceptId: string;
}

/** Builds the indexes of a lexicon; throws on a broken reference (proven by the data test for the bundled one). */
export function buildLexicon(concepts: readonly Concept[], sources: Record<string, LexiconSource>): Lexicon {
  const map = new Map<string, Concept>();
  const byName = new Map<string, string[]>();
  const bySlug = new Map<string, string>();
  const lengthsByFirst = new Map<string, number[]>();
  for (const c of concepts) {
    if (map.has(c.id)) throw new Error(`lexicon: duplicate concept ${c.id}`);
    map.set(c.id, c);
  }
  for (const c of concepts) {
    for (const ref of c.includes ?? []) if (!map.has(ref)) throw new Error(`lexicon: ${c.id} includes unknown ${ref}`);
    for (const s of c.sources) {
      const id = s.split(':')[0]!;
      if (!(id in sources)) throw new Error(`lexicon: ${c.id} cites unknown source ${id}`);
    }
    for (const name of c.names) {
      const key = normalizeLabel(name);
      if (!key) continue;
      const ids = byName.get(key) ?? [];
      if (!ids.includes(c.id)) ids.push(c.id);
      byName.set(key, ids);
      const chars = [...key];
      const lengths = lengthsByFirst.get(chars[0]!) ?? [];
      if (!lengths.includes(chars.length)) lengths.push(chars.length);
      lengthsByFirst.set(
        chars[0]!,
        lengths.sort((a, b) => b - a),
      );
    }
    for (const slug of c.slugs) bySlug.set(slug.toLowerCase(), c.id);
  }
  return { concepts: map, sources, byName, lengthsByFirst, bySlug, aliasNames: new Set() };
}

let bundled: Lexicon | null = null;

/** The lexicon shipped with the product (built on first use). */
export function bundledLexicon(): Lexicon {
  bundled ??= buildLexicon(conceptsJson as Concept[], sourcesJson as Record<string, LexiconSource>);
  return bundled;
}

let lastAliases: { base: Lexicon; key: string; lexicon: Lexicon } | null = null;

/**
 * The lexicon with the county's local column names added (aliases naming an unknown concept are ignored). The last
 * result is kept, so the panel pays once per change of the list.
 */
export function withAliases(base: Lexicon, aliases: readonly LexiconAlias[] | undefined): Lexicon {
  if (!aliases || aliases.length === 0) return base;
  const key = JSON.stringify(aliases);
  if (lastAliases && lastAliases.base === base && lastAliases.key === key) return lastAliases.lexicon;
  const byName = new Map<string, readonly string[]>(base.byName);
  const lengthsByFirst = new Map<string, readonly number[]>(base.lengthsByFirst);
  const aliasNames = new Set<string>();
  for (const alias of aliases) {
    const name = normalizeLabel(alias.name);
    if (!name || !base.concepts.has(alias.conceptId)) continue;
    byName.set(name, [alias.conceptId]);
    aliasNames.add(name);
    const chars = [...name];
    const lengths = new Set([...(lengthsByFirst.get(chars[0]!) ?? []), chars.length]);
    lengthsByFirst.set(
      chars[0]!,
      [...lengths].sort((a, b) => b - a),
    );
  }
  const lexicon: Lexicon = { ...base, byName, lengthsByFirst, aliasNames };
  lastAliases = { base, key, lexicon };
  return lexicon;
}

/** “条例第二十条·（七）财政预算、决算信息” — the first source of a concept, for reasons a person reads. */
export function conceptSourceLabel(lexicon: Lexicon, concept: Concept, lang: 'zh' | 'en' = 'zh'): string {
  const first = concept.sources[0];
  if (!first) return '';
  const [id, ...rest] = first.split(':');
  const source = lexicon.sources[id!];
  const short = source ? (lang === 'en' ? source.shortEn : source.short) : id!;
  const detail = rest.join(':');
  return detail ? `${short}·${detail}` : short;
}
