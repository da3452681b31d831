/**
 * Reviewed overrides of a plan (seeds/<plan>/overrides.json): the few cells the flattened text leaves ambiguous, and
 * aliases for unit names the source writes inconsistently. Each entry carries its reason.
 *
 * Decides: the file's shape and how it is validated. Applying it is assemble.ts's job (cells replace what the reader
 * guessed before units are split and inherited; aliases apply to every unit name).
 */
import { z } from 'zod';
import { normalizeLabel } from '../text/normalize';
import { fail } from './errors';

export const CellOverride = z
  .object({
    /** Task id without the plan prefix: `t5`, `t58b`. */
    task: z.string().regex(/^t\d+[a-z]?$/),
    /** 牵头单位 as it should read (published wording, paragraphs joined by "\n"); '' for an empty cell. */
    lead: z.string().optional(),
    /** 责任单位 as it should read. */
    responsible: z.string().optional(),
    reason: z.string().min(10),
  })
  .refine((o) => o.lead !== undefined || o.responsible !== undefined, { message: 'lead or responsible is required' });
export type CellOverride = z.infer<typeof CellOverride>;

export const UnitAlias = z.object({
  /** Unit name as the parser normalises it. */
  from: z.string().min(1),
  to: z.string().min(1),
  reason: z.string().min(10),
});
export type UnitAlias = z.infer<typeof UnitAlias>;

export const PlanOverrides = z.object({
  plan: z.string().min(1),
  cells: z.array(CellOverride),
  unitAliases: z.array(UnitAlias),
});
export type PlanOverrides = z.infer<typeof PlanOverrides>;

/** Validates unknown JSON; refuses (PlanParseError `overrides.invalid`) when it does not fit. */
export function loadOverrides(json: unknown): PlanOverrides {
  const parsed = PlanOverrides.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('overrides.invalid', {
      path: issue ? issue.path.join('.') || '(root)' : '(root)',
      detail: issue?.message ?? '',
    });
  }
  const seen = new Set<string>();
  for (const [i, c] of parsed.data.cells.entries()) {
    if (seen.has(c.task)) fail('overrides.invalid', { path: `cells.${i}.task`, detail: `${c.task} overridden twice` });
    seen.add(c.task);
  }
  return parsed.data;
}

/** Alias map keyed by normalised names. */
export function aliasMap(overrides: PlanOverrides | undefined): Map<string, string> {
  return new Map((overrides?.unitAliases ?? []).map((a) => [normalizeLabel(a.from), normalizeLabel(a.to)]));
}
