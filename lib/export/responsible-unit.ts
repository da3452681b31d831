/**
 * Which unit is to fix a failing finding (整改清单): the unit that published the page, when the page names one of the
 * plan's units as its 来源 / 发布机构; else the task's 牵头单位. One unit per finding — not every unit the task lists
 * (a failure copied to every generic 各乡镇 / 各部门 row is nobody's to fix).
 *
 * Decides: a page's publisher names a plan unit when, normalised, it equals the unit or contains it (罗源县财政局 →
 * 县财政局); the longest such unit wins. The rule used is returned with the unit so the sheet can say it.
 * Does not decide: what fails (the checks and the inspector) nor the plan's units (lib/plan).
 */
import type { Plan, Task } from '../plan/model';
import type { StoredPage } from '../storage/db';
import { normalizeText } from '../text/normalize';

export type UnitRule = 'publisher' | 'lead' | 'none';

export interface ResponsibleUnit {
  unit: string;
  rule: UnitRule;
}

const UNITS = new WeakMap<Plan, Array<{ unit: string; norm: string }>>();

function planUnits(plan: Plan): Array<{ unit: string; norm: string }> {
  let units = UNITS.get(plan);
  if (!units) {
    const names = new Set(plan.tasks.flatMap((t) => [...t.lead.units, ...t.responsible.units]));
    units = [...names]
      .map((unit) => ({ unit, norm: normalizeText(unit) }))
      .filter((u) => u.norm.length >= 2)
      .sort((a, b) => b.norm.length - a.norm.length);
    UNITS.set(plan, units);
  }
  return units;
}

export function responsibleUnit(
  plan: Plan | null,
  page: Pick<StoredPage, 'publisher'> | undefined,
  task: Task | undefined,
): ResponsibleUnit {
  const publisher = page?.publisher ? normalizeText(page.publisher) : '';
  if (plan && publisher) {
    const named = planUnits(plan).find((u) => publisher.includes(u.norm));
    if (named) return { unit: named.unit, rule: 'publisher' };
  }
  const lead = task ? [...new Set(task.lead.units)].join('、') : '';
  if (lead) return { unit: lead, rule: 'lead' };
  return { unit: '', rule: 'none' };
}
