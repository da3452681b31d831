/**
 * Which checks run on a page, and with which parameters: every registered check is asked, in the registry's order,
 * and each answers for itself (its `appliesTo`, lib/checks/types.ts — the page kinds it runs on, the page facts it
 * needs, its runs on the page). This module only gathers the page's facts and the answers; adding a check never
 * changes it. Which element templates a page shows is the shared mechanism in lib/checks/template-evidence.ts.
 *
 * Decides nothing about a check itself; does not run the checks (inspect-page does).
 */
import { CHECKS } from '../checks/registry';
import type { Check, PageFacts, PageKind, TemplateWhy } from '../checks/types';
import type { ElementTemplate, Task } from '../plan/model';
import type { PageSnapshot } from '../snapshot/types';

/** A check to run, with its parameters; `why` says how a template came to be checked. */
export interface PlannedCheck {
  checkId: string;
  params?: unknown;
  templateId?: string;
  why?: TemplateWhy;
}

/** Templates some registered check judges itself (its `appliesTo.ownTemplates`). */
export const OWNED_TEMPLATES: ReadonlySet<string> = new Set(CHECKS.flatMap((c) => c.appliesTo.ownTemplates ?? []));

/** The runs every check declares for this page, in the registry's order. */
export function planChecks(page: PageFacts, checks: ReadonlyArray<Check<unknown>> = CHECKS): PlannedCheck[] {
  const planned: PlannedCheck[] = [];
  for (const check of checks) {
    if (!check.appliesTo.pageKinds.includes(page.pageKind)) continue;
    for (const { params, ...run } of check.appliesTo.runs(page))
      planned.push({ checkId: check.id, ...(params === undefined ? {} : { params }), ...run });
  }
  return planned;
}

export function selectChecks(
  snapshot: PageSnapshot,
  kind: PageKind,
  columnName: string | null,
  tasks: readonly Task[],
  templates: ReadonlyMap<string, ElementTemplate>,
  pickedTemplateIds: readonly string[] = [],
): PlannedCheck[] {
  return planChecks({
    snapshot,
    pageKind: kind,
    columnName,
    tasks,
    templates,
    pickedTemplateIds,
    ownedTemplates: OWNED_TEMPLATES,
  });
}
