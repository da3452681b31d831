/** The active plan for the panel, kept up to date when the options page switches or imports a plan (Dexie liveQuery). */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { database } from '../storage/db';
import { bundledActivePlan, loadActivePlan, type ActivePlan } from '../storage/plans';

export function useActivePlan(): ActivePlan {
  const [active, setActive] = useState<ActivePlan>(bundledActivePlan);
  useEffect(() => {
    const subscription = liveQuery(() => loadActivePlan(database())).subscribe({
      next: (plan) => setActive(plan),
      // Storage unavailable: keep checking against the bundled plan.
      error: () => setActive(bundledActivePlan()),
    });
    return () => subscription.unsubscribe();
  }, []);
  return active;
}
