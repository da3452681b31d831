/** What a person reviews before saving an imported plan: counts, the units named, the templates found. */
import type { Plan } from './model';

export interface PlanSummary {
  tasks: number;
  categories: number;
  chapters: number;
  units: string[];
  templates: string[];
  withFrequencies: number;
  inherited: number;
  withoutRequirements: number;
}

export function summarizePlan(plan: Plan): PlanSummary {
  const units = new Set<string>();
  for (const t of plan.tasks) for (const u of [...t.lead.units, ...t.responsible.units]) units.add(u);
  return {
    tasks: plan.tasks.length,
    categories: plan.categories.length,
    chapters: plan.chapters.length,
    units: [...units].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    templates: plan.templates,
    withFrequencies: plan.tasks.filter((t) => t.frequencies.length > 0).length,
    inherited: plan.tasks.filter((t) => t.lead.inheritedFrom || t.responsible.inheritedFrom).length,
    withoutRequirements: plan.tasks.filter((t) => !t.requirements).length,
  };
}
