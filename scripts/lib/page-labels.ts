/**
 * Scores the engine against inspector labels of real pages (tests/real-pages/labels.json, ../shared/real-pages/labels.json):
 * for each page the column, the page kind and each labelled element's status, plus templates a label says must not
 * apply. Used by `npm run eval:pages` and by the real-page tests. Decides only agreement, never what a page means.
 *
 * Label vocabulary: `kind` is home / list / detail / other (the shared set also says guide: a detail page); an element
 * is looked up by name among the results of the checks that evaluate templates (template-elements, metadata-block) —
 * every result with that name must agree, and at least one must exist; 发布日期 on a page without a metadata block is
 * the page's 发布时间 line. `… template does not apply` in the notes bars that template from both checks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementStatus } from '../../lib/checks/types';
import { inspectPage, type PageReport } from '../../lib/engine/inspect-page';
import { snapshotFromHtml } from '../../lib/html/snapshot-from-html';
import type { ElementTemplate, Plan } from '../../lib/plan/model';
import type { PageSnapshot } from '../../lib/snapshot/types';
import { decodeBytes } from '../../lib/text/decode-bytes';
import { normalizeLabel } from '../../lib/text/normalize';

export interface PageLabel {
  file: string;
  family?: string;
  source: string;
  kind: string;
  column: { name: string | null; breadcrumb: string | null };
  elements: Record<string, ElementStatus>;
  notes: string;
}

export interface Miss {
  file: string;
  what: string;
  expected: string;
  got: string;
}

export interface PageScore {
  file: string;
  family: string;
  elements: { right: number; total: number };
  column: { right: number; total: number };
  kind: { right: number; total: number };
  misses: Miss[];
}

const PUBLISH_DATE = /^发布(日期|时间)$/;
const KIND_ALIASES: Record<string, string> = { guide: 'detail', record: 'detail', fragment: 'detail' };

/**
 * The labels of a corpus: `dir/labels.json` and every `dir/<family>/labels.json` (one file per site family, so that
 * families can be added side by side). Every `file` is relative to `dir`.
 */
export function readLabels(dir: string): PageLabel[] {
  const files = [resolve(dir, 'labels.json')];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(resolve(dir, entry.name, 'labels.json'));
  }
  return files.filter((f) => existsSync(f)).flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as PageLabel[]);
}

/** Every saved page (`.html`, `.htm`) under `dir`, in its folders too, in name order; none when `dir` is not there. */
export function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = resolve(dir, entry.name);
      if (entry.isDirectory()) return htmlFiles(path);
      return /\.html?$/i.test(entry.name) ? [path] : [];
    });
}

export function inspectFile(
  dir: string,
  file: string,
  plan: Plan | null,
  templates: ReadonlyMap<string, ElementTemplate>,
  now: Date,
): { snapshot: PageSnapshot; report: PageReport } {
  const decoded = decodeBytes(new Uint8Array(readFileSync(resolve(dir, file))));
  const url = `http://www.example.gov.cn/real-pages/${file}`;
  const snapshot = snapshotFromHtml(decoded.text, url);
  const report = inspectPage(snapshot, { plan, templates, now });
  return { snapshot, report };
}

/** The statuses the engine gives an element of that name, across every template it evaluated on the page. */
export function elementStatuses(snapshot: PageSnapshot, report: PageReport, name: string): ElementStatus[] {
  const key = normalizeLabel(name);
  const statuses = report.results
    .filter((r) => r.checkId === 'template-elements' || r.checkId === 'metadata-block')
    .flatMap((r) => r.elements ?? [])
    .filter((e) => normalizeLabel(e.name) === key)
    .map((e) => e.status);
  if (statuses.length > 0) return statuses;
  if (PUBLISH_DATE.test(key)) return [snapshot.publishInfo?.date ? 'present' : 'missing'];
  return [];
}

/** Template names in "the X template does not apply" notes, as written. */
export function barredTemplateNames(notes: string): string[] {
  return [...notes.matchAll(/the\s+(\S+)\s+template does not apply/g)].map((m) => m[1]!);
}

function templateIdFor(name: string, templates: ReadonlyMap<string, ElementTemplate>): string {
  const key = normalizeLabel(name);
  for (const t of templates.values())
    if (normalizeLabel(t.name) === key || t.aliases.some((a) => normalizeLabel(a) === key)) return t.id;
  throw new Error(`a label names an unknown template: ${name}`);
}

function crumb(text: string): string {
  return text
    .split(/\s*(?:>>|->|→|»|›|＞|>|\/)\s*/)
    .map((s) => s.replace(/[\s\u00a0\u3000]+/g, ''))
    .filter((s) => s.length > 0)
    .join(' > ');
}

export function scorePage(
  label: PageLabel,
  snapshot: PageSnapshot,
  report: PageReport,
  templates: ReadonlyMap<string, ElementTemplate>,
): PageScore {
  const score: PageScore = {
    file: label.file,
    family: label.family ?? label.source.split(/[:@\s]/)[0]!,
    elements: { right: 0, total: 0 },
    column: { right: 0, total: 0 },
    kind: { right: 1, total: 1 },
    misses: [],
  };
  const miss = (what: string, expected: string, got: string): void => {
    score.misses.push({ file: label.file, what, expected, got });
  };
  const kind = KIND_ALIASES[label.kind] ?? label.kind;
  if (report.pageKind !== kind) {
    score.kind.right = 0;
    miss('page kind', kind, report.pageKind);
  }
  if (label.column.name !== null) {
    score.column.total += 1;
    if (normalizeLabel(report.column.name ?? '') === normalizeLabel(label.column.name)) score.column.right += 1;
    else miss('column', label.column.name, `${report.column.name ?? '—'} (${report.column.source})`);
  }
  if (label.column.breadcrumb !== null) {
    score.column.total += 1;
    const got = crumb((snapshot.breadcrumb?.segments ?? []).join(' > '));
    if (got === crumb(label.column.breadcrumb)) score.column.right += 1;
    else miss('breadcrumb', label.column.breadcrumb, got || '—');
  }
  for (const [name, status] of Object.entries(label.elements)) {
    score.elements.total += 1;
    const got = elementStatuses(snapshot, report, name);
    if (got.length > 0 && got.every((s) => s === status)) score.elements.right += 1;
    else miss(`element ${name}`, status, got.length > 0 ? got.join('/') : 'not evaluated');
  }
  for (const name of barredTemplateNames(label.notes)) {
    const id = templateIdFor(name, templates);
    score.elements.total += 1;
    const applied = report.results.some(
      (r) => (r.checkId === 'template-elements' || r.checkId === 'metadata-block') && r.templateId === id,
    );
    if (!applied) score.elements.right += 1;
    else miss(`template ${name}`, 'does not apply', 'applied');
  }
  return score;
}
