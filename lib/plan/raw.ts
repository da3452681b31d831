/**
 * The intermediate form both readers produce (flattened text, HTML table) and assemble.ts turns into a Plan.
 *
 * Decides: what a reader must deliver — cells as published, which cells were merged with the row above, where each
 * row sits in the input. Does not decide: normalisation, ids, extraction (assemble.ts does those, once, for both).
 */
import type { PlanWarning } from './errors';
import type { SourceAt } from './model';

/** A unit cell: its own text, or merged with the cell of an earlier task (0-based task ordinal). */
export type RawUnitCell = { kind: 'own'; text: string } | { kind: 'inherit'; fromTask: number };

export interface RawTask {
  kind: 'task';
  /** Number as printed. */
  no: string;
  /** Title as published, without the number. */
  title: string;
  lead: RawUnitCell;
  responsible: RawUnitCell;
  /** Requirement paragraphs as published, joined by "\n"; '' when none. */
  requirements: string;
  /** 完成时限 / 公开时限 cell as published, when the table has one. */
  deadline?: string;
  at: SourceAt;
  /** Reader warnings about this row (overrides of this task silence `units.*` ones). */
  warnings: PlanWarning[];
}

interface RawHeadingBase {
  /** Chinese numeral as printed. */
  no: string;
  title: string;
  at: SourceAt;
}
export interface RawCategory extends RawHeadingBase {
  kind: 'category';
}
export interface RawGroup extends RawHeadingBase {
  kind: 'group';
}

export type RawRow = RawTask | RawCategory | RawGroup;

export interface RawClause {
  no: string;
  /** The whole paragraph after `(一)`, bracket included, as published. */
  text: string;
  at: SourceAt;
}

export interface RawChapter {
  no: string;
  title: string;
  intro: string[];
  clauses: RawClause[];
  at: SourceAt;
}

export interface RawBody {
  preamble: string[];
  chapters: RawChapter[];
}

export interface RawMeta {
  title: string;
  publisher: string;
  /** YYYY-MM-DD or ''. */
  date: string;
  url?: string;
}

export interface RawPlan {
  meta: RawMeta;
  /** What each source column was taken as, for tables read by header (read-grid.ts). */
  columns?: import('./read-grid').ColumnInfo[];
  /** Read from a 基层政务公开标准目录 table. */
  catalogue?: boolean;
  body: RawBody;
  rows: RawRow[];
  warnings: PlanWarning[];
  /** The document's lines before the table, when the reader kept them (for region and year). */
  lines?: string[];
}
