/** The plans to check against — bundled and imported — with the active one chosen by a radio button. */
import { t } from '@/lib/i18n';
import type { PlanChoice } from '@/lib/storage/plans';

export function PlanList({
  plans,
  activeId,
  onChoose,
  onDelete,
}: {
  plans: PlanChoice[];
  activeId: string;
  onChoose: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  return (
    <section aria-labelledby="plans-h" class="card">
      <h2 id="plans-h">{t('plansTitle')}</h2>
      <ul class="plans" data-field="plans">
        {plans.map((p) => (
          <li key={p.id} data-plan={p.id} data-active={p.id === activeId}>
            <label>
              <input type="radio" name="active-plan" checked={p.id === activeId} onChange={() => onChoose(p.id)} />{' '}
              {p.title}
            </label>
            <span class="hint">
              {' '}
              {t('plansTaskCount', String(p.taskCount))} ·{' '}
              {p.bundled ? t('plansBundled') : t('plansImported', p.importedAt?.slice(0, 10) ?? '')}
            </span>
            {!p.bundled && (
              <button
                type="button"
                class="link"
                onClick={() => onDelete(p.id)}
                aria-label={`${t('plansDelete')} ${p.title}`}
              >
                {t('plansDelete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
