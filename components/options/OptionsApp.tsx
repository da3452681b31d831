/** The options page: the inspector's settings, which plan is active, importing another county's plan, the county's local column names, audit files and backups, and the audits (re-checking one against another plan). */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { choosePlan, deletePlan, recheckAudit } from '@/lib/panel/storage-actions';
import { describeStorageFailure } from '@/lib/panel/storage-failure';
import { useLiveQuery } from '@/lib/panel/use-live-query';
import { listAudits } from '@/lib/storage/audits';
import { ACTIVE_PLAN_KEY, listPlans, loadActivePlan } from '@/lib/storage/plans';
import { LiveFailure } from '../Live';
import { PlanImport } from './PlanImport';
import { PlanList } from './PlanList';
import { SettingsForm } from './SettingsForm';
import { AuditFiles } from './AuditFiles';
import { ColumnAliases } from './ColumnAliases';
import { AuditRecheck } from './AuditRecheck';

export function OptionsApp() {
  const live = useLiveQuery(
    async (db) => ({
      plans: await listPlans(db),
      activeId: (await loadActivePlan(db)).plan.id,
      audits: await listAudits(db, { includeArchived: true }),
    }),
    [],
  );
  const { plans, activeId, audits } = live.state === 'ready' ? live.value : { plans: [], activeId: '', audits: [] };
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => () =>
    void action().catch((e: unknown) => setProblem(describeStorageFailure(e)));

  return (
    <main class="options" data-ready={plans.length > 0}>
      <h1>{t('optionsTitle')}</h1>
      {live.state === 'failed' && <LiveFailure error={live.error} />}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <SettingsForm />
      <PlanList
        plans={plans}
        activeId={activeId}
        onChoose={(id) => run(() => choosePlan(id))()}
        onDelete={(id) => run(() => deletePlan(id))()}
      />
      <PlanImport onSaved={() => undefined} />
      <ColumnAliases />
      <AuditFiles />
      <AuditRecheck audits={audits} plans={plans} onRecheck={recheckAudit} />
      <p class="hint">{t('optionsPrivacy')}</p>
      <span hidden data-key={ACTIVE_PLAN_KEY} />
    </main>
  );
}
