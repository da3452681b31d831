/**
 * Where the cells of a copied row that lost some of its cells go. A browser copies a row without the cells merged
 * into it from above — on the left (a category over several tasks) or in the middle (a unit cell shared by two tasks
 * in a table with two unit columns) — so a short row's cells can stand at more than one set of columns.
 *
 * Decides: among the placements where every cell fits its column (cell-fit.ts) and the cells keep their order, the one
 * whose cells are most like the cells above them in the same columns (a numbered `4. …` under `3. …`, `规计处` under
 * `财审处牵头…` rather than under `市财政局牵头…`, an office `规计处` under a header naming 处室); the contiguous placement at the right (merged cells on the left only)
 * wins a near tie; when the cells above do not tell the chosen placement from another that puts a cell in or out of
 * a units column, it is marked as guessed. Columns it leaves out in the middle or on the left are the cells above (rowspans); on the right,
 * empty.
 * Does not decide: what the columns mean (read-grid.ts) or how rows are cut (text-grid.ts).
 */
import { fitsRole, isTickMark } from './cell-fit';
import type { ColumnRole } from './header-roles';
import { toSimplified } from '../text/normalize';

const NUMBERED = /^\s*\d{1,3}\s*[.、．]/;
/** What the side-by-side placement is worth over another: the margin of a near tie. */
const NEAR_TIE = 0.5;

export interface Placement {
  /** The column of each cell. */
  at: number[];
  /** Whether another placement was nearly as likely (the reader says so: rows.placementGuessed). */
  guessed: boolean;
  /** No placement fits every cell: `at` is the side-by-side one, unchecked. */
  unfitted?: true;
}

/** Most placements tried for one row (C(10, 5) = 252; a 14-column catalogue row missing one cell has 14). */
const MAX_PLACEMENTS = 1000;

/** C(n, k), stopping once it passes the bound. */
function placements(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k && c <= MAX_PLACEMENTS; i++) c = (c * (n - k + i)) / i;
  return c;
}

function chars(text: string): Set<string> {
  return new Set([...text.replace(/[^\u3400-\u9fff]/g, '')].slice(0, 24));
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

/** How much cells placed at columns `at` look like the cells above them (and the header) of those columns. */
export function placementLikeness(
  cells: readonly string[],
  at: readonly number[],
  above: ReadonlyArray<readonly string[]>,
  headers: readonly string[] = [],
): number {
  return at.reduce(
    (sum, c, j) =>
      sum + likeness(cells[j] ?? '', above[c] ?? []) + (namesItsKind(cells[j] ?? '', headers[c] ?? '') ? 1 : 0),
    0,
  );
}

/** Roles whose cells have a shape of their own (a 序号 number, unit names, a time phrase): a cell that has it there is
 * evidence for the placement, where a note or requirements column takes any text. */
const SHAPED: readonly ColumnRole[] = ['no', 'lead', 'responsible', 'deadline'];

/** How many non-empty cells stand in a column whose shape they have. */
function shapeEvidence(
  cells: readonly string[],
  at: readonly number[],
  roles: ReadonlyArray<ColumnRole | null>,
): number {
  return at.filter((c, j) => {
    const role = roles[c] ?? null;
    return role !== null && SHAPED.includes(role) && (cells[j] ?? '').trim() !== '' && fitsRole(role, cells[j] ?? '');
  }).length;
}

/** How the row arrived, for what its missing cells can be. */
export interface RowForm {
  /** Tick columns (全社会, 主动 …): a mark or nothing. */
  ticks?: readonly boolean[];
  /** Per column: whether the row above is a row of the table with a cell there that a merged cell could be. */
  mergeable?: readonly boolean[];
  /** The form keeps empty cells (copied rows, tab for tab): a missing cell can only be a merged one. */
  emptiesKept?: boolean;
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

function* increasing(n: number, width: number, from = 0): Generator<number[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (let p = from; p <= width - n; p++) for (const rest of increasing(n - 1, width, p + 1)) yield [p, ...rest];
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
  if (cells.length > columns.length || placements(columns.length, cells.length) > MAX_PLACEMENTS)
    return { at: contiguous, guessed: false, unfitted: true };
  const scored: Array<{ at: number[]; score: number; evidence: number }> = [];
  for (const picked of increasing(cells.length, columns.length)) {
    const at = picked.map((i) => columns[i] ?? i);
    if (!at.every((c, j) => (ticks[c] ? isTickMark(cells[j] ?? '') : fitsRole(roles[c] ?? null, cells[j] ?? ''))))
      continue;
    if (form.mergeable !== undefined && !missingCellsExplained(at, roles, form.mergeable, form.emptiesKept === true))
      continue;
    const isContiguous = at.every((c, j) => c === contiguous[j]);
    const gaps = at.filter((c, j) => j > 0 && c !== (at[j - 1] ?? 0) + 1).length;
    const evidence = placementLikeness(cells, at, above, headers) + shapeEvidence(cells, at, roles);
    const score = evidence + (isContiguous ? NEAR_TIE : 0) - 0.1 * gaps;
    scored.push({ at, score, evidence });
  }
  if (scored.length === 0) return { at: contiguous, guessed: false, unfitted: true };
  // The first best wins (placements come left to right). When the cells above do not tell it from another placement
  // (their likeness within the margin), the choice is a guess.
  const best = scored.reduce((b, x) => (x.score > b.score ? x : b));
  // Only a doubt over units counts: a cell that would go to another column, one of them a units column.
  const units = (c: number | undefined): boolean => roles[c ?? -1] === 'lead' || roles[c ?? -1] === 'responsible';
  const guessed = scored.some(
    (x) =>
      x !== best &&
      x.evidence > best.evidence - NEAR_TIE / 2 &&
      x.at.some((c, j) => c !== best.at[j] && (units(c) || units(best.at[j]))),
  );
  return { at: best.at, guessed };
}
