/**
 * Import a county's plan: paste the text, choose a .txt/.html file, or take the page the side panel sent. The result
 * is shown for review (tasks, categories, units, templates, warnings) and saved only when the user says so; input that
 * does not parse is refused with the parser's message, which names the line or row — never a partial plan.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentLanguage, t } from '@/lib/i18n';
import type { PlanError, PlanWarning } from '@/lib/plan/errors';
import type { Plan } from '@/lib/plan/model';
import { parsePlan } from '@/lib/plan/parse-plan';
import { summarizePlan } from '@/lib/plan/summarize';
import { PENDING_IMPORT_KEY, takePendingImport } from '@/lib/panel/pending-import';
import { database, type StoredPlan } from '@/lib/storage/db';
import { saveImportedPlan, setActivePlan } from '@/lib/storage/plans';
import { StorageError } from '@/lib/storage/storage-error';
import { decodeBytes } from '@/lib/text/decode-bytes';

type State =
  | { step: 'input' }
  | { step: 'error'; error: PlanError }
  | { step: 'review'; plan: Plan; warnings: PlanWarning[]; origin: StoredPlan['origin'] }
  | { step: 'saved'; title: string; active: boolean };

const zh = () => currentLanguage() === 'zh_CN';
const issueText = (issue: PlanError | PlanWarning) => (zh() ? issue.messageZh : issue.message);

export function PlanImport({ onSaved }: { onSaved: () => void }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ step: 'input' });
  const [failure, setFailure] = useState<string | null>(null);

  const parse = (input: string, origin: StoredPlan['origin']) => {
    const result = parsePlan(
      input,
      origin.kind === 'page' ? { kind: 'html', source: { title: '', publisher: '', date: '', url: origin.name } } : {},
    );
    setState(
      result.ok
        ? { step: 'review', plan: result.plan, warnings: result.warnings, origin }
        : { step: 'error', error: result.error },
    );
  };

  useEffect(() => {
    const take = () =>
      void takePendingImport().then((pending) => {
        if (pending) parse(pending.html, { kind: 'page', name: pending.url });
      });
    take();
    // The options page may already be open when the panel sends a page: openOptionsPage only focuses it.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PENDING_IMPORT_KEY in changes) take();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    parse(decoded.text, { kind: 'file', name: file.name });
  };

  const save = async (makeActive: boolean) => {
    if (state.step !== 'review') return;
    setFailure(null);
    try {
      const db = database();
      const stored = await saveImportedPlan(db, state.plan, state.warnings, state.origin);
      if (makeActive) await setActivePlan(db, stored.id);
      setState({ step: 'saved', title: stored.title, active: makeActive });
      onSaved();
    } catch (error) {
      const reason = error instanceof StorageError ? error.reason : 'other';
      setFailure(
        reason === 'quota'
          ? t('storageQuota')
          : t('storageFailed', error instanceof Error ? error.message : String(error)),
      );
    }
  };

  return (
    <section aria-labelledby="import-h" class="card" data-field="plan-import" data-step={state.step}>
      <h2 id="import-h">{t('importTitle')}</h2>
      <p class="hint">{t('importHint')}</p>
      <label class="block" for="plan-text">
        {t('importPasteLabel')}
      </label>
      <textarea
        id="plan-text"
        rows={8}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="row">
        <button type="button" onClick={() => parse(text, { kind: 'text', name: '' })}>
          {t('importParse')}
        </button>
        <label class="file">
          {t('importChooseFile')}{' '}
          <input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={(e) => void onFile(e)} />
        </label>
      </div>

      {state.step === 'error' && (
        <div class="problem" role="alert" data-field="import-error" data-code={state.error.code}>
          <p>{t('importRefused')}</p>
          <p>{issueText(state.error)}</p>
        </div>
      )}

      {state.step === 'review' && (
        <Review
          plan={state.plan}
          warnings={state.warnings}
          origin={state.origin}
          onSave={save}
          onCancel={() => setState({ step: 'input' })}
        />
      )}
      {failure && (
        <p class="problem" role="alert" data-field="import-save-error">
          {failure}
        </p>
      )}
      {state.step === 'saved' && (
        <p class="ok" role="status" data-field="import-saved">
          {state.active ? t('importSavedActive', state.title) : t('importSaved', state.title)}
        </p>
      )}
    </section>
  );
}

function Review({
  plan,
  warnings,
  origin,
  onSave,
  onCancel,
}: {
  plan: Plan;
  warnings: PlanWarning[];
  origin: StoredPlan['origin'];
  onSave: (active: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const s = summarizePlan(plan);
  return (
    <div class="review" data-field="import-review">
      <h3>{plan.title}</h3>
      {origin.name && <p class="hint">{origin.name}</p>}
      <dl class="fields">
        <dt>{t('reviewTasks')}</dt>
        <dd data-field="review-tasks">{s.tasks}</dd>
        <dt>{t('reviewCategories')}</dt>
        <dd data-field="review-categories">{s.categories}</dd>
        <dt>{t('reviewInherited')}</dt>
        <dd>{s.inherited}</dd>
        <dt>{t('reviewUnits')}</dt>
        <dd data-field="review-units">{s.units.join('、')}</dd>
        <dt>{t('reviewTemplates')}</dt>
        <dd data-field="review-templates">{s.templates.join('、') || '—'}</dd>
      </dl>
      {warnings.length > 0 && (
        <details>
          <summary>{t('reviewWarnings', String(warnings.length))}</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{issueText(w)}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={() => void onSave(true)}>
          {t('importSaveActive')}
        </button>
        <button type="button" onClick={() => void onSave(false)}>
          {t('importSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}
