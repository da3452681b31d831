/**
 * Explains, in plain words, why the panel cannot read the tab (or could read only part of it) — and offers the one
 * action that helps, if any: grant the site, or read again a page that did not answer in time.
 */
import { truncationMessages } from '@/lib/engine/truncation-messages';
import type { TabReadResult } from '@/lib/panel/read-tab';
import { requestSiteAccess } from '@/lib/panel/read-tab';
import { t, tm } from '@/lib/i18n';
import type { Truncation } from '@/lib/snapshot/types';

type Problem = Extract<TabReadResult, { ok: false }>;

export function ReadProblem({
  problem,
  onGranted,
  onRetry,
}: {
  problem: Problem;
  onGranted: () => void;
  onRetry: () => void;
}) {
  switch (problem.reason) {
    case 'timeout':
      return (
        <div class="problem" role="alert" data-problem="timeout">
          <p>{t('errorTimeout', String(problem.seconds))}</p>
          <button type="button" data-action="reread" onClick={onRetry}>
            {t('rereadPage')}
          </button>
        </div>
      );
    case 'no-tab':
      return <StatusLine kind="no-tab" text={t('errorNoTab')} />;
    case 'restricted':
      return <StatusLine kind="restricted" text={t('errorRestricted', problem.url)} />;
    case 'file-access':
      return <StatusLine kind="file-access" text={t('errorFileAccess')} />;
    case 'no-access':
      return (
        <div class="problem" role="status" data-problem="no-access">
          <p>{problem.origin ? t('errorNoAccess', problem.origin) : t('errorNoAccessUnknownSite')}</p>
          <p class="hint">{t('errorNoAccessHint')}</p>
          <button
            type="button"
            onClick={async () => {
              if (await requestSiteAccess(problem.origin)) onGranted();
            }}
          >
            {t('grantAccess')}
          </button>
        </div>
      );
    case 'failed':
      return (
        <p class="problem" role="alert" data-problem="failed">
          {t('errorUnreadable', problem.detail)}
        </p>
      );
  }
}

/** A problem told in one line, with nothing to do about it here. */
function StatusLine({ kind, text }: { kind: Problem['reason']; text: string }) {
  return (
    <p class="problem" role="status" data-problem={kind}>
      {text}
    </p>
  );
}

/** The parts of the page too large to read whole: the report covers only what was read, and says so. */
export function ReadLimits({ truncation }: { truncation: readonly Truncation[] | undefined }) {
  const notes = truncationMessages(truncation);
  if (notes.length === 0) return null;
  return (
    <div class="warn" role="status" data-field="truncated">
      {notes.map((note) => (
        <p key={note.key}>{tm(note)}</p>
      ))}
    </div>
  );
}
