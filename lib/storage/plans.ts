/**
 * The plans a user can check against: the bundled ones and those they imported, and which one is active.
 * An imported plan is saved whole or not at all; its id never collides with a bundled plan or another import.
 */
import type { PlanWarning } from '../plan/errors';
import type { ElementTemplate, Plan } from '../plan/model';
import { bundledPlans, templates } from '../../seeds/index';
import type { GongkaiDb, StoredPlan } from './db';
import { asStorageError } from './storage-error';

export const ACTIVE_PLAN_KEY = 'activePlanId';

export interface PlanChoice {
  id: string;
  title: string;
  taskCount: number;
  bundled: boolean;
  importedAt?: string;
  origin?: StoredPlan['origin'];
}

export interface ActivePlan {
  plan: Plan;
  templates: ReadonlyMap<string, ElementTemplate>;
}

const templateMap: ReadonlyMap<string, ElementTemplate> = new Map(templates.map((t) => [t.id, t]));

export async function listPlans(db: GongkaiDb): Promise<PlanChoice[]> {
  const stored = await db.plans.orderBy('importedAt').toArray();
  return [
    ...bundledPlans.map((p) => ({ id: p.id, title: p.title, taskCount: p.tasks.length, bundled: true })),
    ...stored.map((s) => ({
      id: s.id,
      title: s.title,
      taskCount: s.taskCount,
      bundled: false,
      importedAt: s.importedAt,
      origin: s.origin,
    })),
  ];
}

function freeId(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** Saves an imported plan (renaming its id if taken) and returns the stored record. */
export async function saveImportedPlan(
  db: GongkaiDb,
  plan: Plan,
  warnings: PlanWarning[],
  origin: StoredPlan['origin'],
  now = new Date(),
): Promise<StoredPlan> {
  try {
    return await db.transaction('rw', db.plans, async () => {
      const taken = new Set([...bundledPlans.map((p) => p.id), ...(await db.plans.toCollection().primaryKeys())]);
      const id = freeId(plan.id, taken);
      const record: StoredPlan = {
        id,
        title: plan.title,
        region: plan.region,
        year: plan.year,
        taskCount: plan.tasks.length,
        importedAt: now.toISOString(),
        origin,
        plan: id === plan.id ? plan : { ...plan, id },
        warnings,
      };
      await db.plans.add(record);
      return record;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

export async function deleteImportedPlan(db: GongkaiDb, id: string): Promise<void> {
  try {
    await db.transaction('rw', db.plans, db.settings, async () => {
      await db.plans.delete(id);
      const active = await db.settings.get(ACTIVE_PLAN_KEY);
      if (active?.value === id) await db.settings.delete(ACTIVE_PLAN_KEY);
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

export async function setActivePlan(db: GongkaiDb, id: string): Promise<void> {
  try {
    await db.settings.put({ key: ACTIVE_PLAN_KEY, value: id });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** The active plan: the one chosen, if it still exists, else the first bundled plan. */
export async function loadActivePlan(db: GongkaiDb): Promise<ActivePlan> {
  const chosen = (await db.settings.get(ACTIVE_PLAN_KEY))?.value;
  if (typeof chosen === 'string') {
    const bundled = bundledPlans.find((p) => p.id === chosen);
    if (bundled) return { plan: bundled, templates: templateMap };
    const stored = await db.plans.get(chosen);
    if (stored) return { plan: stored.plan, templates: templateMap };
  }
  return { plan: bundledPlans[0]!, templates: templateMap };
}

/** A plan by id, bundled or imported; null when there is none (an imported plan deleted since). */
export async function findPlan(db: GongkaiDb, id: string): Promise<Plan | null> {
  const bundled = bundledPlans.find((p) => p.id === id);
  if (bundled) return bundled;
  return (await db.plans.get(id))?.plan ?? null;
}

export function bundledActivePlan(): ActivePlan {
  return { plan: bundledPlans[0]!, templates: templateMap };
}
