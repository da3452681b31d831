/**
 * Which plan the panel checks against, said plainly: the active plan, or — inside an audit started with another plan —
 * the audit's own plan, with a note that the options' active plan only applies to new audits. An audit whose plan was
 * deleted is said to be so (nothing is recorded then).
 */
import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { Plan } from '@/lib/plan/model';

export function PlanLine({
  plan,
  activePlan,
  bound,
  missing,
  children,
}: {
  /** The plan the page is checked against. */
  plan: Plan;
  activePlan: Plan;
  /** True when `plan` is the audit's own plan and not the active one. */
  bound: boolean;
  /** True when the audit's plan no longer exists. */
  missing: boolean;
  /** More links on the same line. */
  children?: ComponentChildren;
}) {
  return (
    <>
      <p class="hint plan-line">
        <span data-field="plan" data-plan-id={plan.id}>
          {t('planLabel', plan.title)}
        </span>{' '}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('panelOptions')}
        </button>{' '}
        {children}
      </p>
      {bound && (
        <p class="hint small" data-field="audit-plan-note" data-active-plan-id={activePlan.id}>
          {t('auditPlanBound', activePlan.title)}
        </p>
      )}
      {missing && (
        <p class="problem" role="alert" data-field="audit-plan-missing">
          {t('auditPlanMissing')}
        </p>
      )}
    </>
  );
}
