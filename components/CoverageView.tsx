/**
 * Coverage of the whole plan in the active audit: every task not visited / checked with nothing task-specific / waiting
 * for manual answers / in progress / passed on its own checks / has failures,
 * with a bar chart, grouped by category or by responsible unit; a click on a task opens its findings.
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { Plan } from '@/lib/plan/model';
import {
  coverage,
  TASK_COVERAGE_STATUSES,
  type Coverage,
  type CoverageGroup,
  type TaskCoverageStatus,
} from '@/lib/storage/coverage';
import { useLiveQuery } from '@/lib/panel/use-live-query';
import { LiveFailure } from './Live';
import { toSimplified } from '@/lib/text/normalize';

const COLOR: Record<TaskCoverageStatus, string> = {
  'not-visited': '#d0d7de',
  'checked-generic': '#8c959f',
  'needs-manual': '#54aeff',
  'in-progress': '#bf8700',
  'all-pass': '#1a7f37',
  'has-failures': '#cf222e',
};
const key = (s: TaskCoverageStatus) => `coverage_${s.replace(/-/g, '_')}` as MessageKey;

function Bar({ counts, total }: { counts: Record<TaskCoverageStatus, number>; total: number }) {
  return (
    <div
      class="bar"
      role="img"
      aria-label={TASK_COVERAGE_STATUSES.map((s) => `${t(key(s))} ${counts[s]}`).join(t('sepPhrases'))}
    >
      {TASK_COVERAGE_STATUSES.map((s) =>
        counts[s] > 0 ? (
          <span key={s} style={{ width: `${(100 * counts[s]) / Math.max(1, total)}%`, background: COLOR[s] }} />
        ) : null,
      )}
    </div>
  );
}

function Group({ group, data, onTask }: { group: CoverageGroup; data: Coverage; onTask: (taskId: string) => void }) {
  return (
    <details class="cov-group" data-group={group.title}>
      <summary>
        <span class="cov-title">{group.title || t('coverageNoUnit')}</span>{' '}
        <span class="hint">{group.taskIds.length}</span>
        <Bar counts={group.tasks} total={group.taskIds.length} />
      </summary>
      <ul class="cov-tasks">
        {group.taskIds.map((id) => {
          const task = data.tasks.find((x) => x.taskId === id);
          if (!task) return null;
          return (
            <li key={id} data-cov-task={task.no} data-status={task.status}>
              <button type="button" class="link" onClick={() => onTask(id)}>
                <span class="dot" style={{ background: COLOR[task.status] }} /> {task.no}. {toSimplified(task.title)}
              </button>{' '}
              <span class="hint">
                {t(key(task.status))}
                {task.findings.total > 0 &&
                  ` · ${t('coverageFindings', [String(task.findings.fail), String(task.findings.total)])}`}
              </span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

export function CoverageView({
  auditId,
  plan,
  onTask,
}: {
  auditId: string;
  plan: Plan;
  onTask: (taskId: string) => void;
}) {
  const live = useLiveQuery((db) => coverage(db, auditId, plan), [auditId, plan]);
  const [by, setBy] = useState<'category' | 'unit'>('category');
  if (live.state === 'failed') return <LiveFailure error={live.error} />;
  if (live.state === 'loading') return <p role="status">{t('viewLoading')}</p>;
  const data = live.value;
  const groups = by === 'category' ? data.byCategory : data.byUnit;
  return (
    <section aria-labelledby="cov-h" data-field="coverage">
      <h2 id="cov-h">{t('coverageTitle', String(data.totals.taskCount))}</h2>
      <Bar counts={data.totals.tasks} total={data.totals.taskCount} />
      <ul class="cov-legend">
        {TASK_COVERAGE_STATUSES.map((s) => (
          <li key={s} data-coverage={s} data-count={data.totals.tasks[s]}>
            <span class="dot" style={{ background: COLOR[s] }} /> {t(key(s))} {data.totals.tasks[s]}
          </li>
        ))}
      </ul>
      <div class="row" role="radiogroup" aria-label={t('coverageGroupBy')}>
        <button type="button" role="radio" aria-checked={by === 'category'} onClick={() => setBy('category')}>
          {t('coverageByCategory')}
        </button>
        <button type="button" role="radio" aria-checked={by === 'unit'} onClick={() => setBy('unit')}>
          {t('coverageByUnit')}
        </button>
      </div>
      {groups.map((g) => (
        <Group key={g.key} group={g} data={data} onTask={onTask} />
      ))}
    </section>
  );
}
