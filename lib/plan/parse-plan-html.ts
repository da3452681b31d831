/**
 * Reader for a plan as an HTML page on a portal: the task table keeps its cells, and `rowspan` says which rows share
 * a cell. Works on any standard `Document` (the browser's, or linkedom / happy-dom in Node).
 *
 * Decides:
 *   - which table is the task table: the first whose header row names 工作任务 and one of 牵头单位 / 责任单位 / 工作要求
 *     (columns are mapped by their header, in any order; 序号 and 类别 columns are understood), else the first table
 *     whose rows start with numbered tasks (read as 工作任务 | 牵头单位 | 责任单位 | 工作要求, with a warning);
 *   - the grid: rowspan/colspan expanded, each slot knowing the row its cell starts in; a unit cell that starts in an
 *     earlier task's row is inherited from that task;
 *   - rows: a row with one distinct cell is a category `一、…` or group `(一)…` (other single-cell rows are captions
 *     and skipped); a task row missing one of the mapped cells is a truncated table (refused, naming the row);
 *   - the body: the page text before the table, read as paragraphs for metadata and chapters.
 * Does not decide: normalisation, ids, extraction, overrides (assemble.ts). A 完成时限 column is recognised (so it
 * is not mistaken for another role) but not read yet.
 */
import { BLOCK_TAGS } from '../text/html-blocks';
import { fail, planWarning, type PlanWarning } from './errors';
import type { ColumnRole } from './header-roles';
import { isBlank, isFooter, matchTaskTitle } from './headings';
import { readBody, readMeta, type Paragraph } from './plan-body';
import type { RawMeta, RawPlan } from './raw';
import { readGrid, type Grid, type GridCell, type GridRead, type ReadGridOptions } from './read-grid';

/** Where lines break: the HTML block elements, `center` and table row groups (cells stay on their row's line). */
const BLOCK = new Set([...BLOCK_TAGS, 'CENTER', 'TBODY', 'THEAD']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Text of a subtree as lines: <br> and block elements break lines; runs of HTML whitespace collapse. */
function linesOf(root: Node, stopAt: Element | null = null): { lines: string[]; stopped: boolean } {
  const lines: string[] = [];
  let current = '';
  let stopped = false;
  const breakLine = (): void => {
    const t = current.trim();
    if (t.length > 0) lines.push(t);
    current = '';
  };
  const walk = (node: Node): void => {
    if (stopped) return;
    if (node === stopAt) {
      stopped = true;
      return;
    }
    if (node.nodeType === TEXT_NODE) {
      current += (node.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      node.childNodes.forEach(walk);
      return;
    }
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      breakLine();
      return;
    }
    // Cells of a row stay on one line (`發布機構 羅源政府辦 生成日期 2017-06-01`), as in flattened text.
    if (tag === 'TD' || tag === 'TH') {
      node.childNodes.forEach(walk);
      current += ' ';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) breakLine();
    node.childNodes.forEach(walk);
    if (block) breakLine();
  };
  walk(root);
  breakLine();
  return { lines, stopped };
}

function cellText(cell: Element): string {
  return linesOf(cell).lines.join('\n');
}

function span(cell: Element, attr: string): number {
  const n = Number.parseInt(cell.getAttribute(attr) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function rowsOf(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
}

/** The table as a grid: rowspan/colspan expanded, each slot holding the cell it belongs to. */
export function tableGrid(table: Element): Grid {
  const trs = rowsOf(table);
  const rows: Array<Array<GridCell | undefined>> = trs.map(() => []);
  let width = 0;
  trs.forEach((tr, r) => {
    const row = rows[r] as Array<GridCell | undefined>;
    let c = 0;
    for (const cell of Array.from(tr.children)) {
      const tag = cell.tagName.toUpperCase();
      if (tag !== 'TD' && tag !== 'TH') continue;
      while (row[c] !== undefined) c++;
      const slot: GridCell = { text: cellText(cell), originRow: r, at: { row: r + 1 } };
      const rs = span(cell, 'rowspan');
      const cs = span(cell, 'colspan');
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        const target = rows[r + dr] as Array<GridCell | undefined>;
        for (let dc = 0; dc < cs; dc++) target[c + dc] = slot;
      }
      c += cs;
      width = Math.max(width, c);
    }
  });
  return { rows, width };
}

function distinctCells(row: ReadonlyArray<GridCell | undefined>): GridCell[] {
  const out: GridCell[] = [];
  for (const s of row) if (s !== undefined && !out.includes(s)) out.push(s);
  return out;
}

/** Without a header: numbered task rows read as 工作任务 | 牵头单位 | 责任单位 | 工作要求 (序号 first when bare). */
function guessRoles(grid: Grid): Array<ColumnRole | null> | null {
  let numbered = 0;
  for (const row of grid.rows) {
    const cells = distinctCells(row);
    if (cells.length < 4) continue;
    const first = cells[0]?.text ?? '';
    if (
      matchTaskTitle(first) ||
      (/^\d{1,3}$/.test(first.trim()) && matchTaskTitle(`${first.trim()}.${cells[1]?.text ?? ''}`))
    )
      numbered++;
  }
  if (numbered < 2) return null;
  const sample = grid.rows.find((row) => distinctCells(row).length >= 4);
  const bareNumber = /^\d{1,3}$/.test((sample?.[0]?.text ?? '').trim());
  return bareNumber
    ? ['no', 'title', 'lead', 'responsible', 'requirements']
    : ['title', 'lead', 'responsible', 'requirements'];
}

interface Chosen {
  table: Element;
  read: GridRead;
  guessed: boolean;
}

function chooseTable(doc: Document, opts: ReadGridOptions): Chosen {
  const tables = Array.from(doc.querySelectorAll('table'));
  if (tables.length === 0) fail('html.noTable');
  // Innermost tables first: layout tables often wrap the content table.
  const ordered = tables
    .filter((t) => t.querySelector('table') === null)
    .concat(tables.filter((t) => t.querySelector('table') !== null));
  for (const table of ordered) {
    const read = readGrid(tableGrid(table), opts);
    if (read?.rows.some((r) => r.kind === 'task')) return { table, read, guessed: false };
  }
  for (const table of ordered) {
    const grid = tableGrid(table);
    const roles = guessRoles(grid);
    const read = roles ? readGrid(grid, { ...opts, headerless: roles }) : null;
    if (read?.rows.some((r) => r.kind === 'task')) return { table, read, guessed: true };
  }
  return fail('html.noPlanTable', { tables: tables.length });
}

function metaContent(doc: Document, name: string): string {
  const el = doc.querySelector(`meta[name="${name}"], meta[name="${name.toLowerCase()}"]`);
  return (el?.getAttribute('content') ?? '').trim();
}

function readHtmlMeta(doc: Document, paragraphs: readonly Paragraph[]): RawMeta {
  const fromText = readMeta(paragraphs);
  const pubDate = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(metaContent(doc, 'PubDate'));
  const date = pubDate
    ? `${pubDate[1]}-${(pubDate[2] ?? '').padStart(2, '0')}-${(pubDate[3] ?? '').padStart(2, '0')}`
    : '';
  const heading = doc.querySelector('h1')?.textContent?.trim() ?? '';
  return {
    title: metaContent(doc, 'ArticleTitle') || fromText.title || heading || (doc.title ?? '').trim(),
    publisher: fromText.publisher || metaContent(doc, 'ContentSource'),
    date: fromText.date || date,
  };
}

/** Reads a plan page into rows, metadata and body. Throws PlanParseError when it cannot. */
export function readPlanHtml(doc: Document, opts: ReadGridOptions = {}): RawPlan {
  const chosen = chooseTable(doc, opts);
  const warnings: PlanWarning[] = [];
  if (chosen.guessed) warnings.push(planWarning('html.noHeader'));
  for (const w of chosen.read.warnings) warnings.push(w);

  const bodyRoot = doc.body ?? doc.documentElement;
  const before = bodyRoot ? linesOf(bodyRoot, chosen.table).lines : [];
  const paragraphs: Paragraph[] = [];
  for (const line of before) {
    if (isFooter(line)) break;
    if (!isBlank(line)) paragraphs.push({ text: line, at: {} });
  }
  const meta = readHtmlMeta(doc, paragraphs);
  const body = readBody(paragraphs, meta);
  return {
    meta,
    body,
    rows: chosen.read.rows,
    warnings,
    columns: chosen.read.columns,
    catalogue: chosen.read.catalogue,
    lines: paragraphs.map((p) => p.text),
  };
}
