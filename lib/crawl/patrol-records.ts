/**
 * The parts of a whole-site patrol's result that leave the crawl — a column as judged, a link, a task's coverage, a
 * 单项否决 indicator — declared once, as zod schemas; their types are `z.infer` of them. The CLI's JSON summary
 * (summary.ts), the plan's view (plan-view.ts), the audit's stored site record (lib/storage/records.ts) and the audit
 * file all use these, so a field added here is a field of every one of them.
 *
 * Decides: the fields of these parts and what a reader accepts for each.
 * Does not decide: how they are computed (column-tree.ts, link-check.ts, plan-view.ts, site-verdict.ts) nor the record
 * that holds them (lib/storage/records.ts `SiteRecordSchema`).
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const ColumnStatusSchema = z.enum([
  'fresh',
  'stale',
  'blank',
  'blank-explained',
  'undated',
  'unknown',
  'no-rule',
]);
export type ColumnStatus = z.infer<typeof ColumnStatusSchema>;

/** A column of a patrolled site, as the patrol judged it (column-tree.ts). */
export const SiteColumnSchema = z.object({
  name: z.string(),
  url: z.string(),
  path: z.array(z.string()),
  /** The indicator set's column kind (news, notice …), null when the name is of no kind. */
  kind: z.string().nullable(),
  kindLabel: z.string().nullable(),
  /** Newest dated item (YYYY-MM-DD) and its title. */
  latest: z.string().nullable(),
  latestTitle: z.string().nullable(),
  items: count,
  status: ColumnStatusSchema,
  ageDays: z.number().int().nullable(),
  /** The time rule applied, as words (`动态/要闻：2周（14 天）`; lib/patrol-names.ts), null when none. */
  rule: z.string().nullable(),
  /** True when that rule is the indicator set's default (no 19号 limit, no plan period). */
  ruleIsDefault: z.boolean(),
  /** The page's own word on why it is empty (备注说明 …). */
  explanation: z.string().nullable(),
});
export type SiteColumn = z.infer<typeof SiteColumnSchema>;

/** A link the patrol checked (or, for other sites, only listed). */
export const SiteLinkSchema = z.object({
  url: z.string(),
  verdict: z.enum(['ok', 'dead', 'suspected', 'not-checked']),
  /** HTTP status, 0 for a network error, time-out or no check. */
  status: z.number().int(),
  detail: z.string(),
  /** The first pages it was found on (at most 10) and how many in all. */
  foundOn: z.array(z.string()),
  foundCount: count,
});
export type SiteLink = z.infer<typeof SiteLinkSchema>;

/** The plan's view of the site: a task, the columns serving it, and whether any of them has content. */
export const SiteTaskSchema = z.object({
  taskId: z.string(),
  no: z.string(),
  title: z.string(),
  columns: z.array(z.object({ name: z.string(), url: z.string(), status: ColumnStatusSchema })),
  status: z.enum(['covered', 'blank', 'missing']),
});
export type SiteTask = z.infer<typeof SiteTaskSchema>;

/** One 单项否决 indicator as decided, with its evidence. */
export const SiteVetoSchema = z.object({
  id: z.string(),
  name: z.string(),
  triggered: z.boolean(),
  /** False when the crawl saw nothing to judge by. */
  decided: z.boolean(),
  threshold: z.string(),
  source: z.string(),
  evidence: z.array(z.string()),
});
export type SiteVeto = z.infer<typeof SiteVetoSchema>;
