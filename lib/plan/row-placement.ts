/**
 * Where the cells of a copied row that lost some of its cells go. A browser copies a row without the cells merged
 * into it from above — on the left (a category over several tasks) or in the middle (a unit cell shared by two tasks
 * in a table with two unit columns) — so a short row's cells can stand at more than one set of columns.
 *
 * Decides: among the placements where every cell fits its column (cell-fit.ts), the cells keep their order and every
 * column left out is explained (a cell merged from the row above, or an empty cell where the form drops them), the one
 * with the most pieces of evidence from the document itself, each counted once: a cell standing in the column whose
 * cells above it is most like (a numbered `4. …` under `3. …`, `规计处` under `财审处牵头…` rather than under
 * `市财政局牵头…`), a cell with its column's own shape (a 序号, unit names, a time phrase), an office under a header that
 * names that kind of office (`规计处` under 局内负责处室), and in a task table a cell under the task's details with the
 * task column merged (the task column is their parent), and in a catalogue a cell under the 二级事项 with the 一级事项
 * merged from the row above (the format's parent). Between placements with as much evidence: the cells side by
 * side at the right (merged cells on the left), then the fewest gaps, then the cells further right (a merged cell is a
 * parent, standing left of what it spans) — further left in a table's first row, where nothing above can be merged
 * and a column left out is an empty cell. No weight is set by hand: the
 * evidence is counted, the rest is an order. When another placement has as much evidence and puts a cell in or out of
 * a column the task is read from (number, name, category, units, deadline), the choice is marked as guessed. Columns
 * left out in the middle or on the left are the cells above (rowspans); on the right, empty.
 * Does not decide: what the columns mean (read-grid.ts) or how rows are cut (text-grid.ts).
 */
import { fitsColumn, fitsRole, isTickMark } from './cell-fit';
import { isCatalogueFormat, roleOfHeader, type ColumnRole } from './header-roles';
import { toSimplified } from '../text/normalize';

const NUMBERED = /^\s*\d{1,3}\s*[.、．]/;

export interface Placement {
  /** The column of each cell. */
  at: number[];
  /** Whether another placement had as much evidence (the reader says so: rows.placementGuessed). */
  guessed: boolean;
  /** No placement fits every cell: `at` is the side-by-side one, unchecked. */
  unfitted?: true;
}

/**
 * Most placements weighed for one row, and most steps taken looking for them: bounds on the cost, not tunings (a
 * 14-column catalogue row of nine cells, ticks among them, has a few dozen placements where every cell fits).
 */
const MAX_PLACEMENTS = 1000;
const MAX_STEPS = 100_000;

/** A bound on the cost of comparing long cells, not a tuning: the corpus reads the same from 50 characters up. */
const CHARACTERS_COMPARED = 500;

function chars(text: string): Set<string> {
  return new Set([...text.replace(/[^\u3400-\u9fff]/g, '')].slice(0, CHARACTERS_COMPARED));
}

/** How much a cell looks like the cells above it in a column: numbering shared, characters shared. */
function likeness(cell: string, above: readonly string[]): number {
  if (above.length === 0 || cell.trim() === '') return 0;
  const numberedAbove = above.filter((t) => NUMBERED.test(t)).length * 2 > above.length;
  let score = NUMBERED.test(cell) === numberedAbove ? (numberedAbove ? 1 : 0) : -1;
  const own = chars(cell);
  if (own.size > 0) {
    const seen = new Set(above.flatMap((t) => [...chars(t)]));
    score += [...own].filter((c) => seen.has(c)).length / own.size;
  }
  return score;
}

/** The kinds of office a unit header names by its last word: 处室 → 处, 室; 科室 → 科, 室; 股室 → 股, 室. */
function officeKinds(header: string): string {
  const m = /(处室|科室|股室)\s*$/.exec(toSimplified(header).replace(/\s+/g, ''));
  return m?.[1] ?? '';
}

/** A unit cell whose names end in the kind of office its column's header names (`规计处` under 局内负责处室). */
function namesItsKind(cell: string, header: string): boolean {
  const kinds = officeKinds(header);
  if (kinds === '') return false;
  const names = toSimplified(cell)
    .split(/[,，;；、\s]+/)
    .map((n) => n.replace(/(?:牵头|负责|配合|参与|落实)+$/, ''))
    .filter((n) => n !== '');
  return names.length > 0 && names.every((n) => kinds.includes(n.slice(-1)));
}

/**
 * A legal basis under a header that names one (公开依据, 依据): the 标准目录 format cites laws by their title in 《》,
 * often after their rank in 【】 (`【法律】《中华人民共和国…》`).
 */
function citesItsBasis(cell: string, header: string): boolean {
  return /依据/.test(toSimplified(header)) && /^\s*(?:【[^】]{1,12}】\s*)?《/.test(cell);
}

/** Roles whose cells have a shape of their own (a 序号 number, unit names, a time phrase): a cell that has it there is
 * evidence for the placement, where a note or requirements column takes any text. */
const SHAPED: readonly ColumnRole[] = ['no', 'lead', 'responsible', 'deadline'];

/** Where a cell can stand: a tick column takes a mark or nothing, any other column what fits its role. */
export function cellFits(
  roles: ReadonlyArray<ColumnRole | null>,
  ticks: readonly boolean[],
  c: number,
  cell: string,
): boolean {
  return ticks[c] ? isTickMark(cell) : fitsColumn(roles, c, cell);
}

/**
 * The pieces of evidence for cells standing at columns `at`, counted: each cell in the column (among those it can
 * stand in) whose cells above it is most like, each cell with its column's shape, each office under a header naming
 * its kind.
 */
export function placementEvidence(
  cells: readonly string[],
  at: readonly number[],
  above: ReadonlyArray<readonly string[]>,
  roles: ReadonlyArray<ColumnRole | null>,
  headers: readonly string[] = [],
  ticks: readonly boolean[] = [],
  mergeable?: readonly boolean[],
): number {
  let count = 0;
  at.forEach((c, j) => {
    const cell = cells[j] ?? '';
    if (cell.trim() === '') return;
    const here = likeness(cell, above[c] ?? []);
    if (here > 0) {
      const best = roles.every(
        (_, k) => k === c || !cellFits(roles, ticks, k, cell) || likeness(cell, above[k] ?? []) <= here,
      );
      if (best) count++;
    }
    const role = roles[c] ?? null;
    if (role !== null && SHAPED.includes(role) && fitsRole(role, cell)) count++;
    if (namesItsKind(cell, headers[c] ?? '')) count++;
    if (citesItsBasis(cell, headers[c] ?? '')) count++;
  });
  if (detailStands(at, roles, headers)) count++;
  if (itemStands(at, roles, headers, mergeable)) count++;
  return count;
}

/**
 * In the 标准目录 format, each row is one 二级事项 — its own cell, as its 公开内容 is — and the 一级事项 on its left is
 * the parent the table merges over several rows: a placement that puts a cell under the 二级事项 and leaves the
 * 一级事项 out (merged from above) reads the row as the format is built (元马镇: `其他政策文件` is row 3's 二级事项,
 * though its characters are more like the 一级事项 above, 政策文件).
 */
function itemStands(
  at: readonly number[],
  roles: ReadonlyArray<ColumnRole | null>,
  headers: readonly string[],
  mergeable: readonly boolean[] | undefined,
): boolean {
  const title = roles.indexOf('title');
  const category = roles.indexOf('category');
  if (title < 0 || category < 0 || category > title || !isCatalogueFormat(headers)) return false;
  // Only where the row above has a 一级事项 to merge down (not the table's first row), and where the 二级事项 is the last
  // level (with a 三级事项 column, the level a row leaves out is as often its deepest, which many rows leave empty).
  if (mergeable !== undefined && mergeable[category] !== true) return false;
  if (headers.some((h, c) => c > title && /[三四][级級]/.test(h))) return false;
  return at.includes(title) && !at.includes(category);
}

/**
 * In a task table (not the 标准目录 format), a task's details (its requirements column, 具体要求 / 细化分工) belong to
 * its own row, and the task column to their left is their parent — the cell the table merges over several rows (as
 * read-grid.ts reads it then: the groups): a placement that puts a cell under the details and leaves the task column
 * out (merged from above) reads the row as such tables are built.
 */
function detailStands(
  at: readonly number[],
  roles: ReadonlyArray<ColumnRole | null>,
  headers: readonly string[],
): boolean {
  const title = roles.indexOf('title');
  // A catalogue's 二级事项 stands on each row as much as its 公开内容 does (its 一级事项 is the merged parent).
  if (title < 0 || at.includes(title) || isCatalogueFormat(headers)) return false;
  // Headed as requirements (具体要求), not a second task column read as one (三级事项 under 二级事项: a catalogue's
  // deeper level, which many rows leave empty).
  return at.some((c) => c > title && roles[c] === 'requirements' && roleOfHeader(headers[c] ?? '') === 'requirements');
}

/** How the row arrived, for what its missing cells can be. */
export interface RowForm {
  /** Tick columns (全社会, 主动 …): a mark or nothing. */
  ticks?: readonly boolean[];
  /** Per column: whether the row above is a row of the table with a cell there that a merged cell could be. */
  mergeable?: readonly boolean[];
  /** The form keeps empty cells (copied rows, tab for tab): a missing cell can only be a merged one. */
  emptiesKept?: boolean;
  /** The columns the row above stood at, when it had as many cells: the same layout is evidence. */
  aboveAt?: readonly number[];
}

/**
 * Whether every column a placement leaves out can be missing: a cell merged from the row above (which must have one
 * there), or — where the form drops empty cells — an empty cell, but never before the row's first cell (a row starts
 * at its first column unless a cell above is merged into it) and never the task's own name.
 */
function missingCellsExplained(
  at: readonly number[],
  roles: ReadonlyArray<ColumnRole | null>,
  mergeable: readonly boolean[],
  emptiesKept: boolean,
): boolean {
  const first = at[0] ?? 0;
  const last = at[at.length - 1] ?? 0;
  for (let c = 0; c < last; c++) {
    if (at.includes(c) || mergeable[c]) continue;
    if (c < first || emptiesKept || roles[c] === 'title') return false;
  }
  return true;
}

/**
 * The placements of `n` cells in increasing columns where each cell fits its column (`fits(j, c)`), depth first,
 * columns that cannot hold a cell never tried further; null when the steps run out before the search ends.
 */
function fittingPlacements(
  n: number,
  columns: readonly number[],
  fits: (j: number, c: number) => boolean,
): number[][] | null {
  const found: number[][] = [];
  let steps = 0;
  const picked: number[] = [];
  const walk = (j: number, from: number): boolean => {
    if (j === n) {
      found.push([...picked]);
      return found.length < MAX_PLACEMENTS;
    }
    for (let i = from; i <= columns.length - (n - j); i++) {
      if (++steps > MAX_STEPS) return false;
      const c = columns[i] ?? i;
      if (!fits(j, c)) continue;
      picked.push(c);
      const going = walk(j + 1, i + 1);
      picked.pop();
      if (!going) return false;
    }
    return true;
  };
  return walk(0, 0) ? found : null;
}

/**
 * Columns for the cells of a short row: `contiguousAt` is the placement of the cells side by side from that column
 * (the reader's first choice); `above[c]` the texts of the column's cells in the rows above.
 */
export function placeShortRow(
  cells: readonly string[],
  roles: ReadonlyArray<ColumnRole | null>,
  above: ReadonlyArray<readonly string[]>,
  contiguousAt: number,
  headers: readonly string[] = [],
  form: RowForm = {},
): Placement {
  const width = roles.length;
  const ticks = form.ticks ?? [];
  const contiguous = cells.map((_, j) => contiguousAt + j);
  // Cells that are no tick marks never stand in a tick column: the columns left are those tried.
  const columns = Array.from({ length: width }, (_, c) => c).filter(
    (c) => !ticks[c] || cells.some((t) => isTickMark(t)),
  );
  if (cells.length >= width || cells.length < 2) return { at: contiguous, guessed: false };
  if (cells.length > columns.length) return { at: contiguous, guessed: false, unfitted: true };
  // No placement where the tick columns hold marks only: a tick column may name its group in a word (特定群众: 项目单位).
  // Tried then, and said (the placement counts as guessed).
  const unfitted = (): Placement =>
    ticks.some(Boolean)
      ? { ...placeShortRow(cells, roles, above, contiguousAt, headers, { ...form, ticks: [] }), guessed: true }
      : { at: contiguous, guessed: false, unfitted: true };
  const fitting = fittingPlacements(cells.length, columns, (j, c) => cellFits(roles, ticks, c, cells[j] ?? ''));
  if (fitting === null) return unfitted();
  const scored: Array<{ at: number[]; evidence: number; contiguous: boolean; gaps: number }> = [];
  for (const at of fitting) {
    if (form.mergeable !== undefined && !missingCellsExplained(at, roles, form.mergeable, form.emptiesKept === true))
      continue;
    const sameAsAbove =
      form.aboveAt !== undefined && form.aboveAt.length === at.length && form.aboveAt.every((c, j) => c === at[j]);
    scored.push({
      at,
      evidence: placementEvidence(cells, at, above, roles, headers, ticks, form.mergeable) + (sameAsAbove ? 1 : 0),
      contiguous: at.every((c, j) => c === contiguous[j]),
      gaps: at.filter((c, j) => j > 0 && c !== (at[j - 1] ?? 0) + 1).length,
    });
  }
  if (scored.length === 0) return unfitted();
  // Most evidence; then side by side at the right; then the fewest gaps; then the cells further right (the columns left
  // out further left: a merged cell is a parent, and parents stand left of what they span).
  const further = (x: readonly number[], b: readonly number[]): boolean => {
    const j = x.findIndex((c, k) => c !== b[k]);
    return j >= 0 && (x[j] ?? 0) > (b[j] ?? 0);
  };
  // With no row above to merge from (the table's first row), a column left out is an empty cell, not a parent: the
  // cells further left then (荷花镇: row 1 keeps its 一级事项; the empty cell is further right).
  const nothingAbove = form.mergeable !== undefined && !form.mergeable.some(Boolean);
  const better = (x: (typeof scored)[number], b: (typeof scored)[number]): boolean =>
    x.evidence !== b.evidence
      ? x.evidence > b.evidence
      : x.contiguous !== b.contiguous
        ? x.contiguous
        : x.gaps !== b.gaps
          ? x.gaps < b.gaps
          : nothingAbove
            ? further(b.at, x.at)
            : further(x.at, b.at);
  const best = scored.reduce((b, x) => (better(x, b) ? x : b));
  // A doubt counts where it changes what the plan says: a placement with as much evidence that puts a cell in or out
  // of a column the task is read from (its number, name, category, units, deadline).
  const READ: readonly (ColumnRole | null)[] = ['no', 'category', 'group', 'title', 'lead', 'responsible', 'deadline'];
  const units = (c: number | undefined): boolean => READ.includes(roles[c ?? -1] ?? null);
  const guessed = scored.some(
    (x) =>
      x !== best &&
      x.evidence === best.evidence &&
      x.at.some((c, j) => c !== best.at[j] && (units(c) || units(best.at[j]))),
  );
  return { at: best.at, guessed };
}
