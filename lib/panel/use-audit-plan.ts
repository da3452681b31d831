/**
 * The plan an audit is bound to: the one it was started with (`Audit.planId`), whatever plan is active in the options
 * since. The active plan only decides what a NEW audit uses; switching it never re-files an existing audit's findings.
 *
 * Decides: with an audit, its own plan (live: an imported plan deleted since reads as `missing`, and the panel then
 * records nothing rather than filing the audit under another plan); without an audit, the active plan.
 * Does not decide: which plan is active (storage/plans.ts) nor when a page is recorded (use-page-record.ts).
 */
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Audit } from '../storage/db';
import { database } from '../storage/db';
import { findPlan, type ActivePlan } from '../storage/plans';

export interface AuditPlan extends ActivePlan {
  /** True when the audit's plan no longer exists (an imported plan deleted): nothing is recorded then. */
  missing: boolean;
  /** True when the audit's plan is not the active plan (the panel says so). */
  differs: boolean;
  /** True while the audit's plan is being read (nothing is recorded yet). */
  loading: boolean;
}

export function useAuditPlan(audit: Audit | null, active: ActivePlan): AuditPlan {
  const planId = audit?.planId ?? null;
  const [found, setFound] = useState<{ id: string; plan: ActivePlan['plan'] | null } | null>(null);
  useEffect(() => {
    if (planId === null || planId === active.plan.id) return;
    const subscription = liveQuery(() => findPlan(database(), planId)).subscribe({
      next: (plan) => setFound({ id: planId, plan }),
      error: () => setFound({ id: planId, plan: null }),
    });
    return () => subscription.unsubscribe();
  }, [planId, active.plan.id]);
  return useMemo((): AuditPlan => {
    if (planId === null || planId === active.plan.id)
      return { ...active, missing: false, differs: false, loading: false };
    if (found?.id !== planId) return { ...active, missing: false, differs: true, loading: true };
    if (!found.plan) return { ...active, missing: true, differs: true, loading: false };
    return { plan: found.plan, templates: active.templates, missing: false, differs: true, loading: false };
  }, [planId, active, found]);
}
