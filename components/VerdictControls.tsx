/**
 * A person's verdict on a finding — PASS / FAIL / N/A / UNKNOWN — and a note. The machine's result stays beside it
 * (both are kept). Saves with the revision it was shown; if another panel changed the same field meanwhile, the
 * conflict is shown and nothing typed is lost (the storage keeps both versions).
 * Keys on a focused row: P pass, F fail, N not applicable, U unknown.
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { Verdict } from '@/lib/storage/types';
import type { FindingWriteResult } from '@/lib/storage/findings';
import { describeStorageFailure } from '@/lib/panel/storage-failure';

export const VERDICTS: Verdict[] = ['PASS', 'FAIL', 'N/A', 'UNKNOWN'];
const KEYS: Record<string, Verdict> = { p: 'PASS', f: 'FAIL', n: 'N/A', u: 'UNKNOWN' };

export function verdictKey(v: Verdict): MessageKey {
  return `verdict_${v === 'N/A' ? 'NA' : v}` as MessageKey;
}

/** The verdict a key press means, for rows that take P / F / N / U. */
export function verdictForKey(event: KeyboardEvent): Verdict | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if ((event.target as HTMLElement | null)?.closest('textarea, input, select')) return null;
  return KEYS[event.key.toLowerCase()] ?? null;
}

export interface VerdictControlsProps {
  name: string;
  verdict: Verdict | null;
  note: string;
  onSave: (verdict: Verdict | null, note: string | undefined) => Promise<FindingWriteResult>;
}

export function VerdictControls({ name, verdict, note, onSave }: VerdictControlsProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const save = async (v: Verdict | null, n: string | undefined) => {
    setMessage(null);
    try {
      const result = await onSave(v, n);
      if (result.kind === 'conflict') setMessage(t('verdictConflict'));
      else if (result.kind === 'merged') setMessage(t('verdictMerged'));
      else if (n !== undefined) setDraft(null);
    } catch (error) {
      setMessage(describeStorageFailure(error));
    }
  };
  return (
    <div class="verdict" data-field="verdict" data-verdict={verdict ?? ''}>
      <div class="row" role="radiogroup" aria-label={t('verdictFor', name)}>
        {VERDICTS.map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={verdict === v}
            class={`verdict-btn verdict-${v.replace('/', '')}`}
            data-verdict-option={v}
            onClick={() => void save(verdict === v ? null : v, undefined)}
          >
            {t(verdictKey(v))}
          </button>
        ))}
      </div>
      <textarea
        rows={draft !== null || note ? 2 : 1}
        aria-label={t('noteFor', name)}
        placeholder={t('notePlaceholder')}
        value={draft ?? note}
        onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={() => draft !== null && draft !== note && void save(verdict, draft)}
      />
      {message && (
        <p class="warn small" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
