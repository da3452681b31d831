/** Explains, in plain words, why the panel cannot read the tab — and offers the one action that helps, if any. */
import type { TabReadResult } from '@/lib/panel/read-tab';
import { requestSiteAccess } from '@/lib/panel/read-tab';
import { t } from '@/lib/i18n';

type Problem = Extract<TabReadResult, { ok: false }>;

export function ReadProblem({ problem, onGranted }: { problem: Problem; onGranted: () => void }) {
  switch (problem.reason) {
    case 'no-tab':
      return (
        <p class="problem" role="status" data-problem="no-tab">
          {t('errorNoTab')}
        </p>
      );
    case 'restricted':
      return (
        <p class="problem" role="status" data-problem="restricted">
          {t('errorRestricted', problem.url)}
        </p>
      );
    case 'file-access':
      return (
        <p class="problem" role="status" data-problem="file-access">
          {t('errorFileAccess')}
        </p>
      );
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
