/** The options page: the inspector's settings, which plan is active, importing another county's plan, the county's local column names, audit files and backups. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { database } from '@/lib/storage/db';
import {
  ACTIVE_PLAN_KEY,
  deleteImportedPlan,
  listPlans,
  loadActivePlan,
  setActivePlan,
  type PlanChoice,
} from '@/lib/storage/plans';
import { PlanImport } from './PlanImport';
import { PlanList } from './PlanList';
import { SettingsForm } from './SettingsForm';
import { AuditFiles } from './AuditFiles';
import { ColumnAliases } from './ColumnAliases';

export function OptionsApp() {
  const [plans, setPlans] = useState<PlanChoice[]>([]);
  const [activeId, setActiveId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = async () => {
    const db = database();
    setPlans(await listPlans(db));
    setActiveId((await loadActivePlan(db)).plan.id);
  };

  useEffect(() => {
    void refresh().catch((e: unknown) => setProblem(t('storageFailed', String(e))));
  }, []);

  const run = (action: () => Promise<void>) => () =>
    void action()
      .then(refresh)
      .catch((e: unknown) => setProblem(t('storageFailed', e instanceof Error ? e.message : String(e))));

  return (
    <main class="options" data-ready={plans.length > 0}>
      <h1>{t('optionsTitle')}</h1>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <SettingsForm />
      <PlanList
        plans={plans}
        activeId={activeId}
        onChoose={(id) => run(() => setActivePlan(database(), id))()}
        onDelete={(id) => run(() => deleteImportedPlan(database(), id))()}
      />
      <PlanImport onSaved={() => void refresh()} />
      <ColumnAliases />
      <AuditFiles />
      <p class="hint">{t('optionsPrivacy')}</p>
      <span hidden data-key={ACTIVE_PLAN_KEY} />
    </main>
  );
}
