/**
 * The entry point the options page and the CLI call: plan text or plan page HTML in, a validated Plan out — or a
 * refusal naming what failed. Never a partial plan.
 *
 * Decides: text vs HTML detection (input starting with `<` and holding an HTML tag is HTML), the default element
 * templates (the bundled ones) and the default plan id (`plan-<year>-<hash of the title>`, stable across re-parses).
 * Does not decide: reading (parse-plan-text.ts, parse-plan-html.ts) nor assembling (assemble.ts).
 */
import { findPinyin, normalizeLabel, stripPinyin } from '../text/normalize';
import { assemblePlan } from './assemble';
import { bundledTemplates } from './bundled-templates';
import { planError, PlanParseError, planWarning, type PlanError, type PlanWarning } from './errors';
import type { ElementTemplate, Plan, PlanSource } from './model';
import type { PlanOverrides } from './overrides';
import { readPlanHtml } from './parse-plan-html';
import type { ColumnRole } from './header-roles';
import { isBlank } from './headings';
import { readPlanParagraphs } from './parse-plan-paragraphs';
import { hasFlattenedHeader, readPlanText } from './parse-plan-text';
import { readBody, readMeta } from './plan-body';
import { inferTitle } from './plan-meta';
import type { RawPlan } from './raw';
import { readGrid, type ColumnInfo } from './read-grid';
import { spaceSeparatedHeader, textTable } from './text-grid';

export interface ParsePlanOptions {
  /** Input kind; detected when omitted. */
  kind?: 'text' | 'html';
  /** Plan id (lowercase letters, digits, dashes); derived from the title when omitted. */
  id?: string;
  /** Element templates to match element lists against; the bundled ones by default. */
  templates?: readonly ElementTemplate[];
  /** Reviewed overrides (seeds/<plan>/overrides.json). */
  overrides?: PlanOverrides;
  title?: string;
  region?: string;
  year?: number | null;
  source?: Partial<PlanSource>;
  /** HTML → Document. Defaults to the platform's DOMParser (browsers); Node callers pass linkedom or happy-dom. */
  parseHtml?: (html: string) => Document;
  /** Roles chosen by hand for the table's columns, by column index (the review's mapping step). */
  columnRoles?: Readonly<Record<number, ColumnRole>>;
}

export type ParsePlanResult =
  | { ok: true; plan: Plan; warnings: PlanWarning[]; columns: ColumnInfo[] }
  | { ok: false; error: PlanError };

/** HTML when the input starts with markup. */
export function detectKind(input: string): 'text' | 'html' {
  const head = input
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 2048);
  return head.startsWith('<') && /<(?:!doctype|html|head|body|table|tr|td|div|p|meta|span)\b/i.test(head)
    ? 'html'
    : 'text';
}

/** FNV-1a, 32 bit, as 7 base-36 characters. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

function defaultId(raw: RawPlan): string {
  const title = normalizeLabel(raw.meta.title);
  const year = /(\d{4})年/.exec(title)?.[1] ?? 'x';
  return `plan-${year}-${shortHash(title || JSON.stringify(raw.rows.slice(0, 3)))}`;
}

function platformParser(): ((html: string) => Document) | null {
  const P = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (P === undefined) return null;
  return (html: string) => new P().parseFromString(html, 'text/html');
}

/** Text: the seed's flattened form first (its reader is exact for it), then a table found by its header in any
 * form (tabs, `|` rows, one cell per line), then numbered paragraphs with unit lines. */
function readText(input: string, opts: ParsePlanOptions): RawPlan {
  const lines = input.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const table = textTable(input);
  let first: PlanParseError | null = null;
  const tryFlattened = (): RawPlan | null => {
    try {
      return readPlanText(input);
    } catch (e) {
      if (!(e instanceof PlanParseError)) throw e;
      first = first ?? e;
      return null;
    }
  };
  // The seed's form (工作任务 | 牵头单位 | 责任单位 | 工作要求 one cell per line): its own exact reader.
  if (opts.columnRoles === undefined && hasFlattenedHeader(input)) return readPlanText(input);
  if (opts.columnRoles === undefined && table === null) {
    const raw = tryFlattened();
    if (raw) return raw;
  }
  if (table) {
    const read = readGrid(table.grid, opts.columnRoles ? { columnRoles: opts.columnRoles } : {});
    if (read?.rows.some((r) => r.kind === 'task')) {
      const before = lines.slice(0, table.firstLine).filter((l) => !isBlank(l));
      const paragraphs = before.map((text, i) => ({ text, at: { line: i + 1 } }));
      const meta = readMeta(paragraphs);
      if (meta.title === '') meta.title = inferTitle(before);
      return {
        meta,
        body: readBody(paragraphs, meta),
        rows: read.rows,
        warnings: [...table.warnings, ...read.warnings],
        columns: read.columns,
        catalogue: read.catalogue,
        lines: before,
      };
    }
    // A header found and no task under it (rows of categories, cells left empty): that is what to say if nothing
    // else reads the text — not that no table was found.
    first = first ?? new PlanParseError(planError('text.noTasks', {}, { line: table.firstLine + 1 }));
    if (opts.columnRoles === undefined) {
      const raw = tryFlattened();
      if (raw) return raw;
    }
  }
  const paragraphs = readPlanParagraphs(lines);
  if (paragraphs) {
    if (paragraphs.meta.title === '') paragraphs.meta.title = inferTitle(lines);
    return { ...paragraphs, lines: lines.slice(0, 60) };
  }
  const spaced = spaceSeparatedHeader(input);
  if (spaced !== null)
    throw new PlanParseError(planError('text.spaceSeparated', { header: spaced.header }, { line: spaced.line }));
  if (first) throw first;
  throw new PlanParseError(planError('input.noPlan'));
}

function readHtml(doc: Document, opts: ParsePlanOptions): RawPlan {
  try {
    const raw = readPlanHtml(doc, opts.columnRoles ? { columnRoles: opts.columnRoles } : {});
    if (raw.meta.title === '' || raw.meta.title === (doc.title ?? '').trim()) {
      const inferred = inferTitle(raw.lines ?? []);
      if (raw.meta.title === '') raw.meta.title = inferred;
    }
    return raw;
  } catch (e) {
    if (!(e instanceof PlanParseError) || (e.code !== 'html.noTable' && e.code !== 'html.noPlanTable')) throw e;
    // A plan of numbered paragraphs on a page.
    const text = (doc.body ?? doc.documentElement)?.textContent ?? '';
    const blocks = Array.from(doc.querySelectorAll('p, li, h1, h2, h3, h4, div'))
      .filter((el) => el.querySelector('p, li, div, h1, h2, h3, h4') === null)
      .map((el) => (el.textContent ?? '').trim())
      .filter((t) => t !== '');
    const paragraphs = readPlanParagraphs(blocks.length > 0 ? blocks : text.split(/\n/));
    if (paragraphs === null) throw e;
    if (paragraphs.meta.title === '') paragraphs.meta.title = (doc.title ?? '').trim() || inferTitle(blocks);
    return { ...paragraphs, lines: blocks.slice(0, 60) };
  }
}

/** Reads and assembles, throwing PlanParseError on refusal. */
export function parsePlanOrThrow(
  input: string,
  opts: ParsePlanOptions = {},
): { plan: Plan; warnings: PlanWarning[]; columns: ColumnInfo[] } {
  if (input.trim().length === 0) throw new PlanParseError(planError('input.empty'));
  // Mirror sites annotate characters with pinyin (`公開(kāi)`): not the plan's words; removed, and said.
  const pinyin = findPinyin(input);
  if (pinyin.count > 0) input = stripPinyin(input);
  const kind = opts.kind ?? detectKind(input);
  let raw: RawPlan;
  if (kind === 'html') {
    const parse = opts.parseHtml ?? platformParser();
    if (parse === null) throw new PlanParseError(planError('input.noDomParser'));
    raw = readHtml(parse(input), opts);
  } else {
    raw = readText(input, opts);
  }
  const assembled = assemblePlan(raw, {
    id: opts.id ?? defaultId(raw),
    templates: opts.templates ?? bundledTemplates,
    ...(opts.overrides !== undefined ? { overrides: opts.overrides } : {}),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.region !== undefined ? { region: opts.region } : {}),
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    ...(opts.source !== undefined ? { source: opts.source } : {}),
  });
  if (pinyin.count > 0) assembled.warnings.unshift(planWarning('input.pinyinRemoved', pinyin));
  return { ...assembled, columns: raw.columns ?? [] };
}

/** Plan text or page HTML → `{ ok: true, plan, warnings }`, or `{ ok: false, error }` naming the line or row. */
export function parsePlan(input: string, opts: ParsePlanOptions = {}): ParsePlanResult {
  try {
    const { plan, warnings, columns } = parsePlanOrThrow(input, opts);
    return { ok: true, plan, warnings, columns };
  } catch (e) {
    if (e instanceof PlanParseError) return { ok: false, error: e.issue };
    throw e;
  }
}
