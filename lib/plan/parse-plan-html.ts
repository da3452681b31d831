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
import { fail, planWarning, type PlanWarning } from './errors';
import {
  headerRole,
  isBlank,
  isFooter,
  matchSubHeading,
  matchTaskTitle,
  matchTopHeading,
  type HeaderRole,
} from './headings';
import { readBody, readMeta, type Paragraph } from './plan-body';
import type { RawMeta, RawPlan, RawRow, RawUnitCell } from './raw';

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'BLOCKQUOTE',
  'PRE',
  'DD',
  'DT',
  'DL',
  'CENTER',
  'FORM',
  'NAV',
  'ASIDE',
  'MAIN',
  'TBODY',
  'THEAD',
]);
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

interface Slot {
  cell: Element;
  originRow: number;
  text: string;
}

interface Grid {
  rows: Array<Array<Slot | undefined>>;
  width: number;
}

function span(cell: Element, attr: string): number {
  const n = Number.parseInt(cell.getAttribute(attr) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function rowsOf(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
}

function buildGrid(table: Element): Grid {
  const trs = rowsOf(table);
  const rows: Array<Array<Slot | undefined>> = trs.map(() => []);
  let width = 0;
  trs.forEach((tr, r) => {
    const row = rows[r] as Array<Slot | undefined>;
    let c = 0;
    for (const cell of Array.from(tr.children)) {
      const tag = cell.tagName.toUpperCase();
      if (tag !== 'TD' && tag !== 'TH') continue;
      while (row[c] !== undefined) c++;
      const slot: Slot = { cell, originRow: r, text: cellText(cell) };
      const rs = span(cell, 'rowspan');
      const cs = span(cell, 'colspan');
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        const target = rows[r + dr] as Array<Slot | undefined>;
        for (let dc = 0; dc < cs; dc++) target[c + dc] = slot;
      }
      c += cs;
      width = Math.max(width, c);
    }
  });
  return { rows, width };
}

type Columns = Partial<Record<HeaderRole, number>>;

interface Layout {
  grid: Grid;
  headerRow: number;
  columns: Columns;
  guessed: boolean;
}

function distinctSlots(row: ReadonlyArray<Slot | undefined>): Slot[] {
  const out: Slot[] = [];
  for (const s of row) if (s !== undefined && !out.includes(s)) out.push(s);
  return out;
}

function findHeaderRow(grid: Grid): { row: number; columns: Columns } | null {
  for (let r = 0; r < Math.min(grid.rows.length, 6); r++) {
    const columns: Columns = {};
    (grid.rows[r] ?? []).forEach((slot, c) => {
      if (slot === undefined || slot.originRow !== r) return;
      const role = headerRole(slot.text);
      if (role !== null && columns[role] === undefined) columns[role] = c;
    });
    const hasUnitsOrReq =
      columns.lead !== undefined || columns.responsible !== undefined || columns.requirements !== undefined;
    if (columns.title !== undefined && hasUnitsOrReq) return { row: r, columns };
  }
  return null;
}

function guessLayout(grid: Grid): { row: number; columns: Columns } | null {
  let numbered = 0;
  let firstCells = 0;
  for (const row of grid.rows) {
    const slots = distinctSlots(row);
    if (slots.length < 4) continue;
    firstCells = Math.max(firstCells, slots.length);
    const first = slots[0]?.text ?? '';
    if (
      matchTaskTitle(first) ||
      (/^\d{1,3}$/.test(first.trim()) && matchTaskTitle(`${first.trim()}.${slots[1]?.text ?? ''}`))
    )
      numbered++;
  }
  if (numbered < 2) return null;
  // 序号 in its own column when the first cells are bare numbers.
  const sample = grid.rows.find((row) => distinctSlots(row).length >= 4);
  const bareNumber = /^\d{1,3}$/.test((sample?.[0]?.text ?? '').trim());
  const columns: Columns = bareNumber
    ? { no: 0, title: 1, lead: 2, responsible: 3, requirements: 4 }
    : { title: 0, lead: 1, responsible: 2, requirements: 3 };
  return { row: -1, columns };
}

function chooseTable(doc: Document): Layout {
  const tables = Array.from(doc.querySelectorAll('table'));
  if (tables.length === 0) fail('html.noTable');
  // Innermost tables first: layout tables often wrap the content table.
  const ordered = tables
    .filter((t) => t.querySelector('table') === null)
    .concat(tables.filter((t) => t.querySelector('table') !== null));
  for (const table of ordered) {
    const grid = buildGrid(table);
    const header = findHeaderRow(grid);
    if (header) return { grid, headerRow: header.row, columns: header.columns, guessed: false };
  }
  for (const table of ordered) {
    const grid = buildGrid(table);
    const guess = guessLayout(grid);
    if (guess) return { grid, headerRow: guess.row, columns: guess.columns, guessed: true };
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
export function readPlanHtml(doc: Document): RawPlan {
  const layout = chooseTable(doc);
  const { grid, columns } = layout;
  const warnings: PlanWarning[] = [];
  if (layout.guessed) warnings.push(planWarning('html.noHeader'));

  const tableEl =
    grid.rows
      .flat()
      .find((s) => s !== undefined)
      ?.cell.closest('table') ?? null;
  const bodyRoot = doc.body ?? doc.documentElement;
  const before = bodyRoot ? linesOf(bodyRoot, tableEl).lines : [];
  const paragraphs: Paragraph[] = [];
  for (const line of before) {
    if (isFooter(line)) break;
    if (!isBlank(line)) paragraphs.push({ text: line, at: {} });
  }
  const meta = readHtmlMeta(doc, paragraphs);
  const body = readBody(paragraphs, meta);

  const mapped = (Object.keys(columns) as HeaderRole[]).filter((r) => r !== 'deadline');
  const rows: RawRow[] = [];
  const taskOfRow = new Map<number, number>();
  let taskCount = 0;
  let previousNo = 0;
  let lastCategorySlot: Slot | null = null;

  for (let r = layout.headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const at = { row: r + 1 };
    const own = distinctSlots(row).filter((s) => s.originRow === r);
    const nonEmpty = distinctSlots(row).filter((s) => s.text.trim().length > 0);
    if (own.length === 0) continue;

    // A category held in its own (row-spanning) column.
    if (columns.category !== undefined) {
      const slot = row[columns.category];
      if (slot !== undefined && slot !== lastCategorySlot && slot.text.trim() !== '') {
        lastCategorySlot = slot;
        const top = matchTopHeading(slot.text.split('\n')[0] ?? '');
        rows.push({
          kind: 'category',
          no: top?.no ?? '',
          title: top?.title ?? slot.text.trim(),
          at: { row: slot.originRow + 1 },
        });
      }
    }

    if (nonEmpty.length === 0) continue;
    const single = nonEmpty.length === 1 ? nonEmpty[0] : undefined;
    if (single !== undefined && single.originRow === r) {
      const text = single.text.replace(/\n/g, '');
      const top = matchTopHeading(text);
      const sub = top ? null : matchSubHeading(text);
      if (top) rows.push({ kind: 'category', no: top.no, title: top.title, at });
      else if (sub) rows.push({ kind: 'group', no: sub.no, title: sub.title, at });
      // A task whose other cells are empty goes on; captions and notes are skipped.
      if (top || sub || !matchTaskTitle(text)) continue;
    }

    const present = mapped.filter((role) => row[columns[role] as number] !== undefined).length;
    const titleSlot = row[columns.title as number];
    // A row whose title cell started above continues that task (a split requirement cell): nothing new.
    if (titleSlot !== undefined && titleSlot.originRow < r) continue;
    const titleText = (titleSlot?.text ?? '').replace(/\n/g, '');
    const noText = columns.no !== undefined ? (row[columns.no]?.text ?? '').trim() : '';
    const parsed = noText !== '' ? matchTaskTitle(`${noText}.${titleText}`) : matchTaskTitle(titleText);
    const no = parsed?.no ?? String(previousNo + 1);
    const title = parsed?.title ?? titleText.trim();
    if (present < mapped.length) {
      fail('html.rowIncomplete', { no, cells: present, columns: mapped.length }, at);
    }
    if (title === '') continue;
    const n = Number(no);
    if (n !== previousNo + 1) warnings.push(planWarning('task.numberOutOfOrder', { no, previous: previousNo }, at));
    previousNo = n;

    const unitCell = (role: 'lead' | 'responsible'): RawUnitCell => {
      const col = columns[role];
      if (col === undefined) return { kind: 'own', text: '' };
      const slot = row[col];
      if (slot === undefined) return { kind: 'own', text: '' };
      const from = slot.originRow < r ? taskOfRow.get(slot.originRow) : undefined;
      return from !== undefined ? { kind: 'inherit', fromTask: from } : { kind: 'own', text: slot.text };
    };
    const requirementsCol = columns.requirements;
    const requirements = requirementsCol !== undefined ? (row[requirementsCol]?.text ?? '') : '';
    rows.push({
      kind: 'task',
      no,
      title,
      lead: unitCell('lead'),
      responsible: unitCell('responsible'),
      requirements,
      at,
      warnings: [],
    });
    taskOfRow.set(r, taskCount);
    taskCount++;
  }
  if (taskCount === 0) fail('html.noTasks');
  return { meta, body, rows, warnings };
}
