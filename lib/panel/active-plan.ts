/**
 * The plan and templates the panel checks against. For now the bundled Luoyuan 2017 plan; imported plans and the
 * user's choice of the active plan come from storage once the options page saves them.
 */
import type { ElementTemplate, Plan } from '../plan/model';
import { luoyuan2017, templates } from '../../seeds/index';

export interface ActivePlan {
  plan: Plan;
  templates: ReadonlyMap<string, ElementTemplate>;
}

const bundled: ActivePlan = { plan: luoyuan2017, templates: new Map(templates.map((t) => [t.id, t])) };

export function bundledActivePlan(): ActivePlan {
  return bundled;
}
