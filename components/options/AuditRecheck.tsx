/**
 * The audits kept on this machine, each with its site and the plan it is bound to, and the one way to see an audit
 * through another plan: "重新检查…" — choose a plan, read what will happen (a copy of the audit, its pages matched
 * again and its findings re-filed under that plan, everything people entered carried over; the original unchanged),
 * confirm. Nothing is re-filed without that confirmation; the result says what was made (lib/import/refile.ts).
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { RefileSummary } from '@/lib/import/refile';
import type { Audit } from '@/lib/storage/types';
import type { PlanChoice } from '@/lib/storage/plans';
import { describeStorageFailure } from '@/lib/panel/storage-failure';

export function AuditRecheck({
  audits,
  plans,
  onRecheck,
}: {
  audits: Audit[];
  plans: PlanChoice[];
  onRecheck: (auditId: string, planId: string) => Promise<RefileSummary>;
}) {
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const titleOf = (id: string) => plans.find((p) => p.id === id)?.title ?? id;
  return (
    <section aria-labelledby="audits-h" class="card" data-field="audits">
      <h2 id="audits-h">{t('auditsTitle')}</h2>
      {audits.length === 0 && <p class="hint">{t('auditsNone')}</p>}
      <ul class="audits">
        {audits.map((audit) => (
          <AuditRow
            key={audit.id}
            audit={audit}
            plans={plans.filter((p) => p.id !== audit.planId)}
            planTitle={titleOf(audit.planId)}
            onRecheck={(planId) =>
              onRecheck(audit.id, planId).then(
                (s) =>
                  setStatus({
                    text: t('recheckDone', [
                      s.name,
                      String(s.pages),
                      String(s.findings),
                      String(s.filed),
                      String(s.unfiled),
                    ]),
                    problem: false,
                  }),
                (e: unknown) => setStatus({ text: describeStorageFailure(e), problem: true }),
              )
            }
          />
        ))}
      </ul>
      {status && (
        <p
          class={status.problem ? 'problem' : 'hint'}
          role={status.problem ? 'alert' : 'status'}
          data-field="recheck-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}

function AuditRow({
  audit,
  plans,
  planTitle,
  onRecheck,
}: {
  audit: Audit;
  plans: PlanChoice[];
  planTitle: string;
  onRecheck: (planId: string) => Promise<void>;
}) {
  const [planId, setPlanId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const chosen = plans.find((p) => p.id === planId);
  return (
    <li data-audit={audit.id} data-plan={audit.planId}>
      <strong>{audit.name}</strong> <span class="hint">{audit.origin}</span>{' '}
      <span class="hint">
        {t('auditsPlan', planTitle)}
        {audit.status === 'archived' ? ` ${t('auditsArchived')}` : ''}
      </span>
      {plans.length > 0 && (
        <div class="row">
          <label>
            {t('recheckPlanLabel')}{' '}
            <select
              data-field="recheck-plan"
              value={planId}
              onChange={(e) => {
                setPlanId((e.currentTarget as HTMLSelectElement).value);
                setConfirming(false);
              }}
            >
              <option value="">{t('recheckChoose')}</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" data-action="recheck" disabled={!chosen || busy} onClick={() => setConfirming(true)}>
            {t('recheckAction')}
          </button>
        </div>
      )}
      {confirming && chosen && (
        <div role="alertdialog" aria-label={t('recheckAction')} data-field="recheck-confirm" class="confirm">
          <p>{t('recheckConfirm', [audit.name, chosen.title])}</p>
          <button
            type="button"
            class="primary"
            data-action="recheck-confirm"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onRecheck(chosen.id).finally(() => {
                setBusy(false);
                setConfirming(false);
                setPlanId('');
              });
            }}
          >
            {t('recheckConfirmYes')}
          </button>{' '}
          <button type="button" class="link" onClick={() => setConfirming(false)}>
            {t('recheckCancel')}
          </button>
        </div>
      )}
    </li>
  );
}
