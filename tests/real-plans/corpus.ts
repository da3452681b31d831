/**
 * The real-plan corpus (tests/real-plans/<id>/): each plan's forms and its hand-checked expected tasks, and the
 * measure used by the test and by `npm run eval:plans` — tasks fully right (number, title, category, lead and
 * responsible units, deadline when expected) over the expected total, and losses not warned.
 *
 * Forms: `table.html` (or `page.html`) as published; `copied` — the page copied from a browser (the lines before the
 * table, then one line per table row, cells separated by tabs, a merged cell absent from the rows it spans, a
 * colspan cell followed by empty cells); `flattened` — the page's text with one cell per line (cells separated by a
 * blank line, an empty cell one more blank line, merged cells absent); `page.txt` — the stored text as retrieved.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { parsePlan, type ParsePlanResult } from '../../lib/plan/parse-plan';
import { normalizeLabel } from '../../lib/text/normalize';

export const CORPUS_DIR = resolve(import.meta.dirname);

export interface ExpectedTask {
  no: string;
  title: string;
  /** '' when the task has no category. */
  category: string;
  lead: string[];
  responsible: string[];
  deadline?: string;
}

export interface Expected {
  title?: string;
  region?: string;
  year?: number;
  catalogue?: boolean;
  tasks: ExpectedTask[];
  /** Warning codes the import must give. */
  warnings?: string[];
  /**
   * The error code a form may be refused with when no reader can read it (cells separated by spaces alone): the
   * refusal is what the importer should say; its tasks still count as not read.
   */
  refusal?: string;
}

export interface CorpusPlan {
  id: string;
  expected: Expected;
  forms: Array<{ form: string; input: string; kind: 'html' | 'text' }>;
}

const parseHtml = (h: string): Document => parseHTML(h).document as unknown as Document;

function cellText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function beforeTable(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('body > p, body > h1, body > h2'))
    .map(cellText)
    .filter((t) => t !== '');
}

/** The page as a browser copies it: lines, then table rows with tab-separated cells. */
export function copiedForm(html: string): string {
  const doc = parseHtml(html);
  const lines = beforeTable(doc);
  for (const tr of Array.from(doc.querySelectorAll('tr'))) {
    const cells: string[] = [];
    for (const cell of Array.from(tr.children)) {
      cells.push(cellText(cell));
      const cs = Number(cell.getAttribute('colspan') ?? '1');
      for (let k = 1; k < cs; k++) cells.push('');
    }
    lines.push(cells.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** The page's text with one cell per line, as a portal's "copy text" or a PDF extraction gives it. */
export function flattenedForm(html: string): string {
  const doc = parseHtml(html);
  const parts = beforeTable(doc);
  for (const tr of Array.from(doc.querySelectorAll('tr'))) {
    const cells = Array.from(tr.children).map(cellText);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) continue;
    parts.push(cells.reduce((acc, cell, i) => (i === 0 ? cell : cell === '' ? `${acc}\n` : `${acc}\n\n${cell}`), ''));
  }
  return `${parts.join('\n\n')}\n`;
}

export function loadCorpus(): CorpusPlan[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(CORPUS_DIR, d.name, 'expected.json')))
    .map((d) => {
      const dir = resolve(CORPUS_DIR, d.name);
      const expected = JSON.parse(readFileSync(resolve(dir, 'expected.json'), 'utf8')) as Expected;
      const forms: CorpusPlan['forms'] = [];
      const table = resolve(dir, 'table.html');
      if (existsSync(table)) {
        const html = readFileSync(table, 'utf8');
        forms.push({ form: 'html', input: html, kind: 'html' });
        forms.push({ form: 'copied', input: copiedForm(html), kind: 'text' });
        forms.push({ form: 'flattened', input: flattenedForm(html), kind: 'text' });
      }
      const page = resolve(dir, 'page.html');
      if (existsSync(page)) forms.push({ form: 'html', input: readFileSync(page, 'utf8'), kind: 'html' });
      forms.push({ form: 'page.txt', input: readFileSync(resolve(dir, 'page.txt'), 'utf8'), kind: 'text' });
      return { id: d.name, expected, forms };
    });
}

export function importForm(input: string, kind: 'html' | 'text'): ParsePlanResult {
  return parsePlan(input, { id: 'corpus', kind, parseHtml });
}

const key = (s: string): string => normalizeLabel(s).replace(/[。.;；]$/, '');
const units = (xs: readonly string[]): string => xs.map(key).sort().join('|');

export interface Score {
  total: number;
  right: number;
  /** Per expected task: '' when fully right, else what differs. */
  misses: string[];
  /** Losses without a warning: unused columns, expected warnings not given. */
  unwarned: string[];
  warnings: string[];
  error?: string;
  /** Refused with the error the label expects (Expected.refusal): nothing imported, and said so. */
  refused?: boolean;
}

export function score(expected: Expected, result: ParsePlanResult): Score {
  if (!result.ok && result.error.code === expected.refusal) {
    return {
      total: expected.tasks.length,
      right: 0,
      misses: [`refused as the label expects: ${result.error.message}`],
      unwarned: [],
      warnings: [],
      refused: true,
    };
  }
  if (!result.ok) {
    return {
      total: expected.tasks.length,
      right: 0,
      misses: [result.error.message],
      unwarned: [],
      warnings: [],
      error: result.error.code,
    };
  }
  const { plan, warnings, columns } = result;
  const catTitle = new Map(plan.categories.map((c) => [c.id, c.title === '(未分类)' ? '' : c.title]));
  const misses: string[] = [];
  let right = 0;
  expected.tasks.forEach((e, i) => {
    const t = plan.tasks[i];
    if (!t) {
      misses.push(`#${i + 1} ${e.no}: missing`);
      return;
    }
    const diff: string[] = [];
    if (t.no !== e.no) diff.push(`no ${t.no}≠${e.no}`);
    if (key(t.title) !== key(e.title)) diff.push(`title «${t.title.slice(0, 30)}»`);
    if (key(catTitle.get(t.category) ?? '') !== key(e.category)) diff.push(`category «${catTitle.get(t.category)}»`);
    if (units(t.lead.units) !== units(e.lead)) diff.push(`lead [${t.lead.units.join('、')}]`);
    if (units(t.responsible.units) !== units(e.responsible))
      diff.push(`responsible [${t.responsible.units.join('、')}]`);
    if (e.deadline !== undefined && key(t.deadline ?? '') !== key(e.deadline)) diff.push(`deadline «${t.deadline}»`);
    if (diff.length === 0) right++;
    else misses.push(`#${i + 1} ${e.no}: ${diff.join('; ')}`);
  });
  if (plan.tasks.length > expected.tasks.length)
    misses.push(`${plan.tasks.length - expected.tasks.length} tasks more than expected`);
  const codes = warnings.map((w) => w.code);
  const unwarned: string[] = [];
  for (const code of expected.warnings ?? [])
    if (!(codes as string[]).includes(code)) unwarned.push(`no ${code} warning`);
  for (const c of columns) {
    const warned = warnings.some((w) => w.code === 'columns.unused' && w.data.column === c.index + 1);
    if (!c.used && !c.empty && !warned) unwarned.push(`column ${c.index + 1} «${c.header}» dropped silently`);
  }
  return {
    total: expected.tasks.length,
    right: right - Math.max(0, plan.tasks.length - expected.tasks.length),
    misses,
    unwarned,
    warnings: [...new Set(codes)],
  };
}
