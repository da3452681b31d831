/**
 * The audit the inspector is working in: its name and site, a switch to another, rename and archive — or, when there
 * is none, a one-line form to start one for the site of the page in front (the active plan, the inspector's name from
 * the settings — asked here, once, when the settings have none: every finding carries it as 检查人).
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { AuditState } from '@/lib/panel/use-audit';
import { archive, chooseAudit, renameActiveAudit, startAudit } from '@/lib/panel/storage-actions';
import { describeStorageFailure } from '@/lib/panel/storage-failure';

export interface AuditBarProps {
  state: AuditState;
  /** Origin of the page in front, to start an audit of its site. */
  origin: string | null;
  planId: string;
  siteName: string | null;
}

export function AuditBar({ state, origin, planId, siteName }: AuditBarProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const [name, setName] = useState('');
  const [inspector, setInspector] = useState('');
  const run = (action: () => Promise<unknown>) => {
    setProblem(null);
    void action().catch((e: unknown) => setProblem(describeStorageFailure(e)));
  };
  const active = state.active;

  if (!active) {
    return (
      <section class="audit-bar" aria-label={t('auditTitle')} data-field="audit" data-audit="">
        <p class="hint">{t('auditNone')}</p>
        {origin && (
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              run(() =>
                startAudit({
                  name: name.trim() || t('auditDefaultName', [siteName ?? new URL(origin).host, today]),
                  origin,
                  planId,
                  ...(state.inspector ? {} : { inspector }),
                }),
              );
            }}
          >
            <input
              aria-label={t('auditName')}
              placeholder={t('auditDefaultName', [siteName ?? new URL(origin).host, today])}
              value={name}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
            {!state.inspector && (
              <input
                aria-label={t('settingsInspector')}
                placeholder={t('settingsInspector')}
                data-field="inspector-name"
                value={inspector}
                onInput={(e) => setInspector((e.currentTarget as HTMLInputElement).value)}
              />
            )}
            <button type="submit" class="primary" data-action="start-audit">
              {t('auditStart')}
            </button>
          </form>
        )}
        {state.audits.length > 0 && <AuditSwitch state={state} run={run} />}
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
      </section>
    );
  }

  return (
    <section class="audit-bar" aria-label={t('auditTitle')} data-field="audit" data-audit={active.id}>
      <div class="row">
        {renaming ? (
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              setRenaming(false);
              run(() => renameActiveAudit(active, name));
            }}
          >
            <input
              aria-label={t('auditName')}
              value={name}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit">{t('auditSave')}</button>
          </form>
        ) : (
          <strong data-field="audit-name">{active.name}</strong>
        )}
        <span class="hint">{active.origin}</span>
      </div>
      <div class="row">
        <AuditSwitch state={state} run={run} />
        <button
          type="button"
          class="link"
          onClick={() => {
            setName(active.name);
            setRenaming(true);
          }}
        >
          {t('auditRename')}
        </button>
        <button type="button" class="link" onClick={() => run(() => archive(active.id))}>
          {t('auditArchive')}
        </button>
      </div>
      {origin && origin !== active.origin && (
        <p class="warn small" data-field="audit-other-site">
          {t('auditOtherSite', active.origin)}
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function AuditSwitch({ state, run }: { state: AuditState; run: (a: () => Promise<unknown>) => void }) {
  return (
    <label class="small">
      {t('auditSwitch')}{' '}
      <select
        value={state.active?.id ?? ''}
        onChange={(e) => run(() => chooseAudit((e.currentTarget as HTMLSelectElement).value || null))}
      >
        <option value="">{t('auditNoneOption')}</option>
        {state.audits.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
