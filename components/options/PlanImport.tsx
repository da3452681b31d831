/**
 * Import a county's plan: paste the text (a table copied from a page, flattened text, numbered paragraphs, HTML),
 * choose a .docx/.html/.txt file, or take the page the side panel sent. The result is shown for review (PlanReview:
 * tasks, categories, units, deadlines, warnings, and what each source column was taken as, re-mappable by hand) and
 * saved only when the user says so; input that does not parse is refused with the parser's message, which names the
 * line or row — never a partial plan.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentLanguage, t } from '@/lib/i18n';
import { PlanParseError, type PlanError, type PlanWarning } from '@/lib/plan/errors';
import type { ColumnRole } from '@/lib/plan/header-roles';
import type { Plan } from '@/lib/plan/model';
import { parsePlan } from '@/lib/plan/parse-plan';
import { readPlanFile } from '@/lib/plan/plan-file';
import type { ColumnInfo } from '@/lib/plan/read-grid';
import { PENDING_IMPORT_KEY, takePendingImport } from '@/lib/panel/pending-import';
import type { StoredPlan } from '@/lib/storage/types';
import { saveImported } from '@/lib/panel/storage-actions';
import { StorageError } from '@/lib/storage/storage-error';
import { PlanReview } from './PlanReview';
import { FileButton } from '../FileButton';
import { PasteBox } from '../PasteBox';

type State =
  | { step: 'input' }
  | { step: 'error'; error: PlanError }
  | {
      step: 'review';
      plan: Plan;
      warnings: PlanWarning[];
      columns: ColumnInfo[];
      origin: StoredPlan['origin'];
      /** What was parsed, to read it again with columns re-mapped by hand. */
      input: ParsedInput;
      roles: Record<number, ColumnRole>;
    }
  | { step: 'saved'; title: string; active: boolean };

interface ParsedInput {
  text: string;
  kind?: 'html' | 'text';
}

const zh = () => currentLanguage() === 'zh_CN';
const issueText = (issue: PlanError | PlanWarning) => (zh() ? issue.messageZh : issue.message);

export function PlanImport({ onSaved }: { onSaved: () => void }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ step: 'input' });
  const [failure, setFailure] = useState<string | null>(null);

  const parse = (input: ParsedInput, origin: StoredPlan['origin'], roles: Record<number, ColumnRole> = {}) => {
    const result = parsePlan(input.text, {
      ...(origin.kind === 'page'
        ? { kind: 'html' as const, source: { title: '', publisher: '', date: '', url: origin.name } }
        : input.kind
          ? { kind: input.kind }
          : {}),
      ...(Object.keys(roles).length > 0 ? { columnRoles: roles } : {}),
    });
    setState(
      result.ok
        ? {
            step: 'review',
            plan: result.plan,
            warnings: result.warnings,
            columns: result.columns,
            origin,
            input,
            roles,
          }
        : { step: 'error', error: result.error },
    );
  };

  const remap = (index: number, role: ColumnRole) => {
    if (state.step !== 'review') return;
    parse(state.input, state.origin, { ...state.roles, [index]: role });
  };

  useEffect(() => {
    const take = () =>
      void takePendingImport().then((pending) => {
        if (pending) parse({ text: pending.html, kind: 'html' }, { kind: 'page', name: pending.url });
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
    try {
      const read = await readPlanFile(file.name, new Uint8Array(await file.arrayBuffer()));
      parse({ text: read.text, kind: read.kind }, { kind: 'file', name: file.name });
    } catch (error) {
      if (error instanceof PlanParseError) setState({ step: 'error', error: error.issue });
      else throw error;
    }
  };

  const save = async (makeActive: boolean) => {
    if (state.step !== 'review') return;
    setFailure(null);
    try {
      const stored = await saveImported(state.plan, state.warnings, state.origin, makeActive);
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
      <PasteBox id="plan-text" label={t('importPasteLabel')} rows={8} value={text} onChange={setText} />
      <div class="row">
        <button type="button" onClick={() => parse({ text }, { kind: 'text', name: '' })}>
          {t('importParse')}
        </button>
        <FileButton
          label={t('importChooseFile')}
          accept=".txt,.html,.htm,.docx,.doc,.pdf,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onFile={(e) => void onFile(e)}
        />
      </div>

      {state.step === 'error' && (
        <div class="problem" role="alert" data-field="import-error" data-code={state.error.code}>
          <p>{t('importRefused')}</p>
          <p>{issueText(state.error)}</p>
        </div>
      )}

      {state.step === 'review' && (
        <PlanReview
          plan={state.plan}
          warnings={state.warnings}
          columns={state.columns}
          originName={state.origin.name}
          issueText={issueText}
          onRemap={remap}
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
