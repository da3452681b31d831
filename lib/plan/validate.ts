/**
 * Whether a Plan (freshly assembled, or loaded from JSON such as seeds/<plan>/plan.json or an imported file) is
 * sound: it fits the schema, every id is unique, every task points to an existing category and group, every
 * inherited cell points to an existing task, every template reference resolves.
 *
 * Decides: the list of problems (as PlanErrors; `loadPlan` refuses on the first). Does not decide: how a plan is built.
 */
import { planError, type PlanError } from './errors';
import { Plan, type ElementTemplate } from './model';

export type LoadPlanResult = { ok: true; plan: Plan } | { ok: false; error: PlanError };

/** A plan file (JSON already parsed) → a sound Plan, or the first problem (`plan.invalid`, `plan.duplicateId`, …). */
export function loadPlan(json: unknown, templates: readonly ElementTemplate[]): LoadPlanResult {
  const parsed = Plan.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: planError('plan.invalid', { path: issue?.path.join('.') || '(root)', detail: issue?.message ?? '' }),
    };
  }
  const problem = checkPlan(parsed.data, templates)[0];
  return problem ? { ok: false, error: problem } : { ok: true, plan: parsed.data };
}

/** Problems of a Plan object; empty when sound. */
export function checkPlan(plan: Plan, templates: readonly ElementTemplate[]): PlanError[] {
  const problems: PlanError[] = [];
  const schema = Plan.safeParse(plan);
  if (!schema.success) {
    for (const issue of schema.error.issues.slice(0, 5)) {
      problems.push(planError('plan.invalid', { path: issue.path.join('.') || '(root)', detail: issue.message }));
    }
    return problems;
  }
  const ids = new Set<string>();
  const claim = (id: string): void => {
    if (ids.has(id)) problems.push(planError('plan.duplicateId', { id }));
    ids.add(id);
  };
  for (const c of plan.categories) claim(c.id);
  for (const g of plan.groups) claim(g.id);
  for (const t of plan.tasks) {
    claim(t.id);
    for (const c of t.clauses) claim(c.id);
  }
  for (const ch of plan.chapters) {
    claim(ch.id);
    for (const c of ch.clauses) claim(c.id);
  }

  const categoryIds = new Set(plan.categories.map((c) => c.id));
  const groupIds = new Set(plan.groups.map((g) => g.id));
  const taskIds = new Set(plan.tasks.map((t) => t.id));
  const templateIds = new Set(templates.map((t) => t.id));
  const refs = (owner: string, templateRefs: ReadonlyArray<{ template: string }>): void => {
    for (const r of templateRefs) {
      if (!templateIds.has(r.template))
        problems.push(planError('plan.unknownTemplate', { owner, template: r.template }));
    }
  };
  for (const g of plan.groups) {
    if (!categoryIds.has(g.category))
      problems.push(planError('plan.invalid', { path: g.id, detail: `unknown category ${g.category}` }));
  }
  for (const t of plan.tasks) {
    if (!categoryIds.has(t.category))
      problems.push(planError('plan.invalid', { path: t.id, detail: `unknown category ${t.category}` }));
    if (t.group !== null && !groupIds.has(t.group))
      problems.push(planError('plan.invalid', { path: t.id, detail: `unknown group ${t.group}` }));
    for (const cell of [t.lead, t.responsible]) {
      if (cell.inheritedFrom !== null && !taskIds.has(cell.inheritedFrom)) {
        problems.push(
          planError('plan.invalid', { path: t.id, detail: `inherits from unknown task ${cell.inheritedFrom}` }),
        );
      }
    }
    refs(t.id, t.elements);
  }
  for (const ch of plan.chapters) for (const c of ch.clauses) refs(c.id, c.elements);
  for (const id of plan.templates) {
    if (!templateIds.has(id)) problems.push(planError('plan.unknownTemplate', { owner: plan.id, template: id }));
  }
  return problems;
}
