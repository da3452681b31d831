/**
 * One finding, opened from the findings list: what was found (result, check, message, missing elements, evidence —
 * masked as stored), where (page, task and its units), who checked it; the person's verdict and note, severity and
 * 整改 edited here as on the page view; and a button that opens the page and flashes the element.
 */
import { useState } from 'preact/hooks';
import { t, tm } from '@/lib/i18n';
import { openFindingOnPage } from '@/lib/panel/open-finding';
import type { Plan } from '@/lib/plan/model';
import type { Locator } from '@/lib/snapshot/types';
import { getFinding } from '@/lib/storage/findings';
import { toSimplified } from '@/lib/text/normalize';
import { editFinding, judgeFinding } from '@/lib/panel/storage-actions';
import { useLiveQuery } from '@/lib/panel/use-live-query';
import { LiveFailure } from './Live';
import { EvidenceList } from './EvidenceList';
import { FollowUpControls } from './FollowUpControls';
import { StatusBadge } from './StatusBadge';
import { describeStorageFailure } from '@/lib/panel/storage-failure';
import { VerdictControls } from './VerdictControls';

export function FindingDetail({ findingId, plan, onClose }: { findingId: string; plan: Plan; onClose: () => void }) {
  const live = useLiveQuery(async (db) => (await getFinding(db, findingId)) ?? null, [findingId]);
  const [problem, setProblem] = useState<string | null>(null);
  if (live.state === 'failed') return <LiveFailure error={live.error} />;
  if (live.state === 'loading') return <p role="status">{t('viewLoading')}</p>;
  const finding = live.value;
  const back = (
    <button type="button" class="link" data-action="close-finding" onClick={onClose}>
      {t('findingBack')}
    </button>
  );
  if (finding === null)
    return (
      <section data-field="finding-detail">
        {back}
        <p class="problem">{t('findingGone')}</p>
      </section>
    );
  const task = finding.taskId ? plan.tasks.find((x) => x.id === finding.taskId) : undefined;
  const target: Locator | null =
    finding.evidence[0]?.locator ?? finding.elements.find((e) => e.locator && e.status !== 'present')?.locator ?? null;
  const go = (locator: Locator | null) =>
    openFindingOnPage(finding.url, locator).then((found) => {
      setProblem(found ? null : t('evidenceGone'));
      return found;
    });
  const name = finding.message ? tm(finding.message) : finding.note || finding.checkId;
  return (
    <section
      aria-labelledby="finding-h"
      data-field="finding-detail"
      data-finding={finding.id}
      data-status={finding.status}
    >
      {back}
      <h2 id="finding-h">
        <StatusBadge status={finding.status} /> {name}
      </h2>
      <dl class="finding-facts">
        {finding.url && (
          <>
            <dt>{t('findingPage')}</dt>
            <dd>
              {finding.title || finding.url}
              <br />
              <span class="hint url">{finding.url}</span>
            </dd>
          </>
        )}
        <dt>{t('findingTask')}</dt>
        <dd data-field="finding-task">
          {task ? `${task.no}. ${toSimplified(task.title)}` : finding.taskId ? t('findingTaskOutsidePlan') : '—'}
          {task && (
            <span class="hint">
              {' '}
              · {t('taskLead')} {task.lead.units.join(t('sepList')) || '—'}
            </span>
          )}
        </dd>
        {finding.missing.length > 0 && (
          <>
            <dt>{t('findingMissing')}</dt>
            <dd>{finding.missing.map((m) => m.name).join(t('sepList'))}</dd>
          </>
        )}
        <dt>{t('findingInspector')}</dt>
        <dd data-field="finding-inspector">
          {[...new Set([finding.inspector, finding.verdictBy].filter(Boolean))].join(' / ') || '—'}
        </dd>
      </dl>
      <EvidenceList evidence={finding.evidence} onLocate={finding.url ? (l) => go(l) : undefined} />
      {finding.url && (
        <p>
          <button type="button" data-action="open-finding-page" onClick={() => void go(target)}>
            {target ? t('findingOpenAndLocate') : t('findingOpenPage')}
          </button>
        </p>
      )}
      <VerdictControls
        name={name.slice(0, 24)}
        verdict={finding.verdict}
        note={finding.note}
        onSave={(v, n) => judgeFinding(finding, v, n)}
      />
      <FollowUpControls
        finding={finding}
        onPatch={(patch) =>
          void editFinding(finding, patch).catch((e: unknown) => setProblem(describeStorageFailure(e)))
        }
      />
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
