/**
 * A task table as a grid of cells — from an HTML table, rows copied from a browser, or flattened text — read into
 * plan rows. The one place where columns get their meaning.
 *
 * Decides:
 *   - the header: the first rows (up to 8) holding a cell for the task (工作任务 / 公开事项 …) or its requirements and
 *     one for units, a deadline or requirements; a second header row refines the cells above it (一级事项 / 二级事项);
 *     a header cell printed over several columns is split by what the columns hold (序号 numbers, 一、 categories,
 *     (一) groups);
 *   - each column's role (header-roles.ts), or the role the user chose by hand; a second task column is the
 *     requirements; a task column merged over rows that have their own requirements is a category (or group) column
 *     and the requirements cells are the tasks;
 *   - rows: a row of one cell is a category `一、…` or group `(一)…` (other one-cell rows are captions); a task's
 *     number is the 序号 cell or the number printed before its title, kept as printed (numbered in order, with a
 *     warning, when none is printed); units merged with the row above are inherited; units marked inside a cell
 *     (`办公室牵头，各科室配合`) are split into lead and responsible;
 *   - warnings: every column not used, numbering gaps, repeats and reversals, a table without numbers.
 * Does not decide: how the grid was built (parse-plan-html.ts, text-grid.ts), normalisation, ids (assemble.ts).
 */
import { fitsRole, isTickMark } from './cell-fit';
import { fail, planWarning, type PlanWarning } from './errors';
import {
  COLUMN_ROLES,
  isCatalogueFormat,
  isCutHeaderWord,
  namesOffices,
  roleOfHeader,
  type ColumnRole,
} from './header-roles';
import { matchSubHeading, matchTopHeading } from './headings';
import type { SourceAt } from './model';
import type { RawRow, RawUnitCell } from './raw';
import { splitMarkedUnits } from './unit-roles';

/** One cell of the table; the same object fills every slot a merged cell covers. */
export interface GridCell {
  text: string;
  /** Row (0-based) where the cell starts. */
  originRow: number;
  /** Where the cell was read. */
  at: SourceAt;
}

export interface Grid {
  rows: Array<Array<GridCell | undefined>>;
  width: number;
}

/** What one source column was taken as, for the review's hand-mapping step. */
export interface ColumnInfo {
  index: number;
  /** The header as printed ('' when the column has none). */
  header: string;
  role: ColumnRole | null;
  /** Chosen by hand (ParsePlanOptions.columnRoles). */
  byHand: boolean;
  /** Whether any of its cells went into the plan. */
  used: boolean;
  /** Whether it holds no text below the header. */
  empty: boolean;
}

export interface GridRead {
  rows: RawRow[];
  warnings: PlanWarning[];
  columns: ColumnInfo[];
  /** Row (0-based) of the last header row. */
  headerEnd: number;
  /** Tasks from a 基层政务公开标准目录 table (公开事项 / 公开时限 …). */
  catalogue: boolean;
}

const MAX_HEADER_SEARCH = 8;
const SINGLE_ROLES: readonly ColumnRole[] = ['no', 'category', 'group', 'title', 'requirements', 'deadline'];

function distinct(row: ReadonlyArray<GridCell | undefined>): GridCell[] {
  const out: GridCell[] = [];
  for (const c of row) if (c !== undefined && !out.includes(c)) out.push(c);
  return out;
}

function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, '').trim();
}

interface Header {
  /** Last header row. */
  end: number;
  headers: string[];
  roles: Array<ColumnRole | null>;
  /** Header cells spanning several columns, by column. */
  spanned: boolean[];
}

function headerRowRoles(grid: Grid, r: number): Array<{ col: number; cell: GridCell; role: ColumnRole | null }> {
  const out: Array<{ col: number; cell: GridCell; role: ColumnRole | null }> = [];
  (grid.rows[r] ?? []).forEach((cell, col) => {
    if (cell === undefined || cell.originRow !== r) return;
    if (out.some((o) => o.cell === cell)) return;
    out.push({ col, cell, role: roleOfHeader(flat(cell.text)) });
  });
  return out;
}

function isHeaderRow(cells: ReadonlyArray<{ role: ColumnRole | null }>): boolean {
  const roles = cells.map((c) => c.role);
  const task = roles.includes('title') || roles.includes('requirements');
  const other = roles.filter((r) => r !== null && r !== 'no').length >= 2;
  return task && other;
}

function findHeader(grid: Grid): Header | null {
  for (let r = 0; r < Math.min(grid.rows.length, MAX_HEADER_SEARCH); r++) {
    const cells = headerRowRoles(grid, r);
    if (!isHeaderRow(cells)) continue;
    const headers: string[] = Array.from({ length: grid.width }, () => '');
    const roles: Array<ColumnRole | null> = Array.from({ length: grid.width }, () => null);
    const spanned: boolean[] = Array.from({ length: grid.width }, () => false);
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < grid.width; c++) {
      const cell = row[c];
      if (cell === undefined || cell.originRow > r) continue;
      headers[c] = flat(cell.text);
      roles[c] = roleOfHeader(headers[c] ?? '');
      spanned[c] = row[c - 1] === cell || row[c + 1] === cell;
    }
    // Sub-header rows: every cell that starts there is a known header word (一级事项, 全社会 …).
    let end = r;
    for (let s = r + 1; s < Math.min(grid.rows.length, r + 3); s++) {
      const sub = headerRowRoles(grid, s);
      if (sub.length < 2 || sub.some((x) => x.role === null)) break;
      for (const x of sub) {
        for (let c = x.col; c < grid.width && (grid.rows[s] ?? [])[c] === x.cell; c++) {
          headers[c] = headers[c] ? `${headers[c]}/${flat(x.cell.text)}` : flat(x.cell.text);
          roles[c] = x.role;
          spanned[c] = false;
        }
      }
      end = s;
    }
    return { end, headers, roles, spanned };
  }
  return null;
}

const isNumberCell = (t: string): boolean => /^\d{1,3}$/.test(t.trim());

/**
 * A header cell printed over several columns, or a column with no header at all (a flattened copy loses where a
 * header cell spanned): the columns that hold numbers, 一、 or (一) are those.
 */
const SAME_AS_ABOVE = /^(?:同上|同前|同上栏)[。.]?$/;

/**
 * A cell printed 同上 (“as above”) holds what the cell above it in its column holds: it is read as that cell, as a
 * cell merged down from it would be (units inherited from that task, the same deadline). Rows of one cell over the
 * whole width (a category line) are passed over; a 同上 with nothing above it stays as printed.
 */
function readSameAsAbove(grid: Grid, from: number): void {
  const spansRow = (row: ReadonlyArray<GridCell | undefined>): boolean =>
    row.length > 1 && row.every((x) => x === row[0]);
  for (let r = from; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (row === undefined) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === undefined || cell.originRow !== r || !SAME_AS_ABOVE.test(flat(cell.text))) continue;
      for (let up = r - 1; up >= from; up--) {
        const above = grid.rows[up];
        const candidate = above?.[c];
        if (above === undefined || candidate === undefined || spansRow(above) || flat(candidate.text) === '') continue;
        row[c] = candidate;
        break;
      }
    }
  }
}

function splitSpannedColumns(grid: Grid, header: Header): void {
  for (let c = 0; c < grid.width; c++) {
    const unnamed = header.headers[c] === '' && header.roles[c] === null;
    if (!header.spanned[c] && !unnamed) continue;
    // Cells printed over the whole row (a category or group row) belong to no column.
    const texts = distinct(
      grid.rows.slice(header.end + 1).map((row) => (row.every((x) => x === row[c]) ? undefined : row[c])),
    )
      .map((cell) => flat(cell.text))
      .filter((t) => t !== '');
    if (texts.length === 0) continue;
    const share = (f: (t: string) => boolean): number => texts.filter(f).length / texts.length;
    if (share(isNumberCell) === 1) header.roles[c] = 'no';
    else if (share((t) => matchTopHeading(t) !== null) >= 0.5) header.roles[c] = 'category';
    else if (share((t) => matchSubHeading(t) !== null || /^[(（][一二三四五六七八九十]+[)）]/.test(t)) >= 0.5)
      header.roles[c] = 'group';
  }
  // A task header printed over columns that hold labels, not numbers or headings, before a requirements column
  // (张店区 2023: 工作任务 over 主动公开 | 基础信息公开 | 行政规范, then 具体要求): the levels that group the requirements —
  // the first stays the task column (read as the category when it is merged over rows), the second is the group, any
  // further one a note.
  for (let c = 0; c < grid.width; c++) {
    if (header.roles[c] !== 'title' || !header.spanned[c] || header.spanned[c - 1] === true) continue;
    let end = c;
    while (end + 1 < grid.width && header.spanned[end + 1] && header.headers[end + 1] === header.headers[c]) end++;
    const split = Array.from({ length: end - c }, (_, k) => header.roles[c + 1 + k]).some((r) => r !== 'title');
    const requirementsAfter = header.roles.slice(end + 1).includes('requirements');
    if (end === c || split || !requirementsAfter) continue;
    for (let k = c + 1; k <= end; k++) header.roles[k] = k === c + 1 ? 'group' : 'note';
  }
}

/** One role per column; columns sharing a single-valued role: the later one becomes the next role it can be. */
export function resolveRoles(roles: ReadonlyArray<ColumnRole | null>): Array<ColumnRole | null> {
  const out = [...roles];
  const seen = new Set<ColumnRole>();
  const next: Partial<Record<ColumnRole, ColumnRole>> = {
    title: 'requirements',
    requirements: 'note',
    category: 'group',
    group: 'note',
    no: 'ignore',
    deadline: 'note',
  };
  for (let c = 0; c < out.length; c++) {
    let role = out[c] ?? null;
    while (role !== null && SINGLE_ROLES.includes(role) && seen.has(role)) role = next[role] ?? 'note';
    if (role !== null) seen.add(role);
    out[c] = role;
  }
  return out;
}

/**
 * Unit columns of two kinds side by side — offices inside one organ (责任科室, 局内负责处室) and organs (公开主体,
 * 市里落实单位): the table assigns each task inside the organ, so the offices are the units and an organ column is
 * kept as a note under its header (the organ is the plan's own body, or the level above that assigned it).
 */
function officesOverOrgans(roles: Array<ColumnRole | null>, headers: readonly string[]): Array<ColumnRole | null> {
  const unitCols = roles.flatMap((r, c) => (r === 'lead' || r === 'responsible' ? [c] : []));
  const offices = unitCols.filter((c) => namesOffices(headers[c] ?? ''));
  if (offices.length === 0 || offices.length === unitCols.length) return roles;
  return roles.map((r, c) => (unitCols.includes(c) && !offices.includes(c) ? 'note' : r));
}

/** Whether the task column is merged over rows that each have their own requirements (then it groups them). */
function taskColumnGroups(grid: Grid, from: number, titleCol: number, reqCol: number): boolean {
  for (let r = from; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const title = row[titleCol];
    const req = row[reqCol];
    if (title === undefined || req === undefined || title === req) continue;
    if (title.originRow < r && req.originRow === r && flat(req.text) !== '') return true;
  }
  return false;
}

/** Whether some row below the header is one 一、 cell printed over the row (a category row). */
function hasCategoryRows(grid: Grid, from: number): boolean {
  return grid.rows.slice(from).some((row) => {
    const cells = distinct(row).filter((c) => flat(c.text) !== '');
    return (
      cells.length === 1 && row.every((c) => c === cells[0]) && matchTopHeading(flat(cells[0]?.text ?? '')) !== null
    );
  });
}

/** `1.`, `1、`, `1．`, `(1)`, `1 ` before a title; not a quantity (`2017年`, `5个`). */
const LEADING_NUMBER =
  /^[\s\u00a0]*(?:[(（](\d{1,3})[)）]|(\d{1,3})(?:\s*[.、．,，]|\s+|(?=[\u3400-\u9fff“"《「]))(?!\d))\s*/;
const QUANTITY = /^(?:[年月日天时个%％万亿倍项家户人次元分周号])/;

export function splitLeadingNumber(text: string): { no: string | null; title: string } {
  const m = LEADING_NUMBER.exec(text);
  if (!m) return { no: null, title: text.trim() };
  const rest = text.slice(m[0].length);
  if (rest.trim() === '' || QUANTITY.test(rest)) return { no: null, title: text.trim() };
  return { no: String(Number(m[1] ?? m[2])), title: rest.trim() };
}

/**
 * A heading cell's numeral and title. A category column numbers its cells `一、` — or `(一)` when the table's top level
 * is the plan's second (a 任务分解表 of one chapter); either numbering is taken off a category's title.
 */
function headingTitle(text: string, kind: 'category' | 'group'): { no: string; title: string } {
  const line = flat(text);
  const paren = /^[\s\u00a0]*[(（]\s*([零〇一二三四五六七八九十]+)\s*[)）]\s*/;
  const m =
    kind === 'category'
      ? (/^[\s\u00a0]*([零〇一二三四五六七八九十]+)\s*[、.．]\s*/.exec(line) ?? paren.exec(line))
      : paren.exec(line);
  return m ? { no: m[1] ?? '', title: line.slice(m[0].length).trim() } : { no: '', title: line };
}

export interface ReadGridOptions {
  /** Roles chosen by hand, by column index (the review's mapping step). */
  columnRoles?: Readonly<Record<number, ColumnRole>>;
  /** A table without a header: the roles its columns are read as (every row is data). */
  headerless?: ReadonlyArray<ColumnRole | null>;
}

/** Reads a grid with a recognisable header; null when it has none. */
const ROLE_NAMES_ZH: Partial<Record<ColumnRole, string>> = { deadline: '时限', responsible: '责任单位' };

/**
 * Columns whose header is a word cut short (`公开 | 公开` for 公开时限 and 公开主体, 青浦区教育局's 目录): such a column
 * takes the role every one of its cells fits — time phrases a deadline, unit names the responsible units — when no
 * other column has that role and it holds two cells or more. Each one is said (columns.roleFromCells).
 */
function rolesFromCells(
  grid: Grid,
  header: Header,
  roles: Array<ColumnRole | null>,
  warnings: PlanWarning[],
): Array<ColumnRole | null> {
  const out = [...roles];
  header.headers.forEach((label, c) => {
    if (!isCutHeaderWord(label)) return;
    const cells = grid.rows
      .slice(header.end + 1)
      .map((row) => row[c])
      .filter((x): x is GridCell => x !== undefined && flat(x.text) !== '')
      .map((x) => x.text);
    if (cells.length < 2) return;
    for (const role of ['deadline', 'responsible'] as const) {
      if (out.includes(role) || !cells.every((t) => fitsRole(role, t))) continue;
      out[c] = role;
      warnings.push(
        planWarning('columns.roleFromCells', {
          column: c + 1,
          header: label,
          role,
          roleZh: ROLE_NAMES_ZH[role] ?? role,
        }),
      );
      return;
    }
  });
  return out;
}

export function readGrid(grid: Grid, opts: ReadGridOptions = {}): GridRead | null {
  const header: Header | null = opts.headerless
    ? {
        end: -1,
        headers: Array.from({ length: grid.width }, () => ''),
        roles: Array.from({ length: grid.width }, (_, c) => opts.headerless?.[c] ?? null),
        spanned: Array.from({ length: grid.width }, () => false),
      }
    : findHeader(grid);
  if (header === null) return null;
  splitSpannedColumns(grid, header);
  readSameAsAbove(grid, header.end + 1);
  const cellWarnings: PlanWarning[] = [];
  let roles = rolesFromCells(grid, header, officesOverOrgans(resolveRoles(header.roles), header.headers), cellWarnings);
  const catalogue = isCatalogueFormat(header.headers);

  const titleCol = roles.indexOf('title');
  const reqCol = roles.indexOf('requirements');
  if (titleCol >= 0 && reqCol >= 0 && !catalogue && taskColumnGroups(grid, header.end + 1, titleCol, reqCol)) {
    // Under rows of one 一、 cell (the categories) the merged task column holds the groups.
    const categoriesInRows = hasCategoryRows(grid, header.end + 1);
    roles[titleCol] =
      roles.includes('category') || categoriesInRows ? (roles.includes('group') ? 'note' : 'group') : 'category';
    roles[reqCol] = 'title';
  } else if (titleCol < 0 && reqCol >= 0) {
    roles[reqCol] = 'title';
  }
  const byHand = opts.columnRoles ?? {};
  for (const [k, v] of Object.entries(byHand)) {
    const c = Number(k);
    if (c >= 0 && c < grid.width && (COLUMN_ROLES as readonly string[]).includes(v)) roles[c] = v;
  }
  if (Object.keys(byHand).length > 0) roles = resolveRoles(roles);

  const cols = (role: ColumnRole): number[] => roles.flatMap((r, c) => (r === role ? [c] : []));
  const one = (role: ColumnRole): number | undefined => cols(role)[0];
  const used = new Set<number>();
  const warnings: PlanWarning[] = [...cellWarnings];
  const rows: RawRow[] = [];
  const taskOfRow = new Map<number, number>();
  let taskCount = 0;
  let previousNo: number | null = null;
  let unnumbered = 0;
  let lastCategory: GridCell | null = null;
  let lastGroup: GridCell | null = null;
  /** Whether a one-cell 一、 category row was read (then (一) rows are groups). */
  let topSeen = false;
  /** One-cell rows read as categories or groups (a merged column may show them again). */
  const headingCells = new Set<GridCell>();
  const width = grid.width;
  const titleC = one('title');

  for (let r = header.end + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const own = distinct(row).filter((c) => c.originRow === r);
    if (own.length === 0) continue;
    const nonEmpty = distinct(row).filter((c) => flat(c.text) !== '');
    const at = own[0]?.at ?? {};

    // A row of one cell (or one cell over most of the row): a category, a group, or a caption.
    const single = nonEmpty.length === 1 ? nonEmpty[0] : undefined;
    const spansRow = single !== undefined && row.filter((c) => c === single).length >= Math.max(2, width - 1);
    if (
      single !== undefined &&
      single.originRow === r &&
      (spansRow || titleC === undefined || row[titleC] !== single)
    ) {
      const text = flat(single.text);
      const top =
        matchTopHeading(text) ??
        (/^[一二三四五六七八九十]+\s*[、.．]/.test(text) && text.length <= 60 ? headingTitle(text, 'category') : null);
      const sub = top
        ? null
        : (matchSubHeading(text) ??
          (/^[(（]\s*[一二三四五六七八九十]+\s*[)）]/.test(text) && text.length <= 60
            ? headingTitle(text, 'group')
            : null));
      // A (一) row whose cell goes on down the category column, in a table with no 一、 row: the table's top level
      // is the plan's second (a table of one chapter), so it is a category.
      const categoryCol = one('category');
      const carried =
        sub !== null && !topSeen && categoryCol !== undefined && (grid.rows[r + 1] ?? [])[categoryCol] === single;
      if (top || carried) {
        const h = top ?? sub ?? { no: '', title: text };
        rows.push({ kind: 'category', no: h.no, title: h.title, at });
        lastCategory = single;
        lastGroup = null;
        if (top) topSeen = true;
      } else if (sub) {
        rows.push({ kind: 'group', no: sub.no, title: sub.title, at });
        lastGroup = single;
      }
      if (top || sub) headingCells.add(single);
      continue;
    }

    const categoryCol = one('category');
    if (categoryCol !== undefined) {
      const cell = row[categoryCol];
      if (cell !== undefined && cell !== lastCategory && !headingCells.has(cell) && flat(cell.text) !== '') {
        lastCategory = cell;
        lastGroup = null;
        const h = headingTitle(cell.text, 'category');
        rows.push({ kind: 'category', no: h.no, title: h.title, at: cell.at });
        used.add(categoryCol);
      }
    }
    const groupCol = one('group');
    if (groupCol !== undefined) {
      const cell = row[groupCol];
      if (cell !== undefined && cell !== lastGroup && !headingCells.has(cell) && flat(cell.text) !== '') {
        lastGroup = cell;
        const h = headingTitle(cell.text, 'group');
        rows.push({ kind: 'group', no: h.no, title: h.title, at: cell.at });
        used.add(groupCol);
      }
    }

    if (titleC === undefined) continue;
    const titleCell = row[titleC];
    if (titleCell !== undefined && titleCell.originRow !== r) {
      // A row whose task cell is merged from the row above and that prints more of that task's cells (城关乡: the
      // 公开内容 of 部门预算 over three rows, its other cells merged): those cells go on the task above, under their
      // headers — never dropped.
      const last = rows[rows.length - 1];
      const more = distinct(row).filter(
        (c) => c.originRow === r && flat(c.text) !== '' && !isTickMark(c.text) && !headingCells.has(c),
      );
      if (last?.kind === 'task' && more.length > 0) {
        const parts = more.map((c) => {
          const col = row.indexOf(c);
          return `${header.headers[col] || '备注'}：${c.text.trim()}`;
        });
        last.requirements = [last.requirements, ...parts].filter((t) => t !== '').join('\n');
        for (const c of more) used.add(row.indexOf(c));
      }
      continue;
    }
    if (titleCell === undefined) continue;
    const titleText = titleCell.text.trim();
    if (flat(titleText) === '') continue;
    used.add(titleC);

    const noCol = one('no');
    const noText = noCol !== undefined ? flat(row[noCol]?.text ?? '') : '';
    if (noCol !== undefined && noText !== '') used.add(noCol);
    const split = splitLeadingNumber(titleText);
    let no = noText !== '' ? noText : split.no;
    const title = noText !== '' && split.no === noText ? split.title : noText !== '' ? titleText : split.title;
    if (no === null) {
      unnumbered++;
      no = String((previousNo ?? 0) + 1);
    } else {
      const n = Number(no);
      if (Number.isFinite(n) && previousNo !== null) {
        if (n === previousNo) warnings.push(planWarning('task.numberRepeated', { no }, at));
        else if (n < previousNo) warnings.push(planWarning('task.numberOutOfOrder', { no, previous: previousNo }, at));
        else if (n > previousNo + 1)
          warnings.push(planWarning('task.numberGap', { no, previous: previousNo, missing: previousNo + 1 }, at));
      }
    }
    if (Number.isFinite(Number(no))) previousNo = Number(no);

    const missing = (['lead', 'responsible', 'requirements'] as const).flatMap((role) =>
      cols(role).filter((c) => row[c] === undefined),
    );
    if (missing.length > 0) {
      const mapped = roles.filter((x) => x === 'title' || x === 'lead' || x === 'responsible' || x === 'requirements');
      fail('html.rowIncomplete', { no, cells: mapped.length - missing.length, columns: mapped.length }, at);
    }

    // Units: one cell per role, or cells that mark the lead inside them.
    const unitCells = (role: 'lead' | 'responsible'): GridCell[] =>
      cols(role)
        .map((c) => row[c])
        .filter((c): c is GridCell => c !== undefined);
    const inheritFrom = (cells: GridCell[]): number | undefined => {
      if (cells.length === 0 || cells.some((c) => c.originRow === r)) return undefined;
      return taskOfRow.get(cells[0]?.originRow ?? -1);
    };
    const leadCells = unitCells('lead');
    const respCells = unitCells('responsible');
    for (const c of [...cols('lead'), ...cols('responsible')]) if (flat(row[c]?.text ?? '') !== '') used.add(c);
    let lead: RawUnitCell;
    let responsible: RawUnitCell;
    const leadFrom = inheritFrom(leadCells);
    const respFrom = inheritFrom(respCells);
    const joined = (cells: GridCell[]): string =>
      cells
        .map((c) => c.text.trim())
        .filter((t) => t !== '')
        .join('\n');
    if (leadFrom !== undefined && (respFrom !== undefined || respCells.length === 0)) {
      lead = { kind: 'inherit', fromTask: leadFrom };
      responsible = respCells.length === 0 ? lead : { kind: 'inherit', fromTask: respFrom as number };
    } else if (respFrom !== undefined && leadCells.length === 0) {
      lead = { kind: 'inherit', fromTask: respFrom };
      responsible = { kind: 'inherit', fromTask: respFrom };
    } else {
      const marked = splitMarkedUnits(joined(respCells));
      const leadText = [joined(leadCells), marked.lead].filter((t) => t !== '').join('\n');
      lead = leadFrom !== undefined ? { kind: 'inherit', fromTask: leadFrom } : { kind: 'own', text: leadText };
      responsible =
        respFrom !== undefined ? { kind: 'inherit', fromTask: respFrom } : { kind: 'own', text: marked.rest };
    }

    const reqCol = one('requirements');
    const requirementParts: string[] = [];
    if (reqCol !== undefined) {
      const cell = row[reqCol];
      if (cell !== undefined && cell.originRow === r && flat(cell.text) !== '') {
        requirementParts.push(cell.text.trim());
        used.add(reqCol);
      }
    }
    for (const c of cols('note')) {
      const cell = row[c];
      if (cell === undefined || flat(cell.text) === '') continue;
      requirementParts.push(`${header.headers[c] || '备注'}：${cell.text.trim()}`);
      used.add(c);
    }
    const deadlineCol = one('deadline');
    const deadline = deadlineCol !== undefined ? flat(row[deadlineCol]?.text ?? '') : '';
    if (deadlineCol !== undefined && deadline !== '') used.add(deadlineCol);

    rows.push({
      kind: 'task',
      no,
      title: flat(title) === '' ? titleText : title,
      lead,
      responsible,
      requirements: requirementParts.join('\n'),
      ...(deadline !== '' ? { deadline } : {}),
      at,
      warnings: [],
    });
    taskOfRow.set(r, taskCount);
    taskCount++;
  }

  if (unnumbered > 0) warnings.push(planWarning('task.unnumbered', { count: unnumbered }));
  const columns: ColumnInfo[] = roles.map((role, index) => ({
    index,
    header: header.headers[index] ?? '',
    role,
    byHand: byHand[index] !== undefined,
    used: used.has(index),
    empty: !grid.rows.slice(header.end + 1).some((row) => {
      const cell = row[index];
      return cell !== undefined && !headingCells.has(cell) && flat(cell.text) !== '';
    }),
  }));
  for (const col of columns) {
    if (!col.used && !col.empty) {
      warnings.push(
        planWarning('columns.unused', { column: col.index + 1, header: col.header || '—', role: col.role ?? '—' }),
      );
    }
  }
  return { rows, warnings, columns, headerEnd: header.end, catalogue };
}
