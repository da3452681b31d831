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
import { fitsRole } from './cell-fit';
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
}

/** Widest table whose placements are all tried (C(10, 5) = 252 at most). */
const MAX_WIDTH = 10;

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
): Placement {
  const width = roles.length;
  const contiguous = cells.map((_, j) => contiguousAt + j);
  if (width > MAX_WIDTH || cells.length >= width || cells.length < 2) return { at: contiguous, guessed: false };
  const scored: Array<{ at: number[]; score: number; evidence: number }> = [];
  for (const at of increasing(cells.length, width)) {
    if (!at.every((c, j) => fitsRole(roles[c] ?? null, cells[j] ?? ''))) continue;
    const isContiguous = at.every((c, j) => c === contiguous[j]);
    const gaps = at.filter((c, j) => j > 0 && c !== (at[j - 1] ?? 0) + 1).length;
    const evidence = placementLikeness(cells, at, above, headers);
    const score = evidence + (isContiguous ? NEAR_TIE : 0) - 0.1 * gaps;
    scored.push({ at, score, evidence });
  }
  if (scored.length === 0) return { at: contiguous, guessed: false };
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
