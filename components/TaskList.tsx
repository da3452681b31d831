/**
 * The plan tasks matched to the column: number, title as published, lead and responsible units, why it matched. `why`
 * says why no task governs the column: alone when none was proposed, above the list when the proposals are tentative
 * (only their requirements mention the kind of column).
 */
import type { MatchedTask, Message } from '@/lib/checks/types';
import { t, tm, type MessageKey } from '@/lib/i18n';
import type { Plan, UnitCell } from '@/lib/plan/model';
import { toSimplified } from '@/lib/text/normalize';
import { useState } from 'preact/hooks';
import { Checkbox } from './Checkbox';

function Units({ label, cell }: { label: string; cell: UnitCell }) {
  return (
    <p class="units">
      <span class="units-label">
        {label}
        {t('sepLabel')}
      </span>
      {cell.units.length > 0 ? cell.units.join(t('sepList')) : t('taskUnitsNone')}
      {cell.inheritedFrom && <span class="hint"> {t('taskInherited')}</span>}
    </p>
  );
}

/** The matcher's score as a degree people read: pinned by hand, high (the column named), medium (a keyword), low. */
export function matchDegree(score: number): MessageKey {
  if (score >= 1000) return 'taskMatch_pinned';
  if (score >= 100) return 'taskMatch_high';
  if (score >= 70) return 'taskMatch_medium';
  return 'taskMatch_low';
}

export function TaskList({ plan, tasks, why }: { plan: Plan; tasks: MatchedTask[]; why?: Message | undefined }) {
  // The plan's wording in simplified characters by default (the published text mixes scripts); as published on request.
  const [simplified, setSimplified] = useState(true);
  const show = (text: string) => (simplified ? toSimplified(text) : text);
  return (
    <section aria-labelledby="tasks-h">
      <h2 id="tasks-h">{t('sectionTasks')}</h2>
      {tasks.length > 0 && (
        <Checkbox
          label={t('wordingSimplified')}
          checked={simplified}
          action="simplified-wording"
          onChange={setSimplified}
        />
      )}
      {tasks.length === 0 ? (
        <p class="empty" data-field="tasks-none">
          {t('tasksNone')}
          {why && (
            <span class="hint" data-field="tasks-none-why">
              {' '}
              {tm(why)}
            </span>
          )}
        </p>
      ) : (
        why && (
          <p class="hint" data-field="tasks-tentative">
            {tm(why)}
          </p>
        )
      )}
      {tasks.length > 0 && (
        <ol class="tasks" data-field="tasks">
          {tasks.map((m) => {
            const task = plan.tasks.find((x) => x.id === m.taskId);
            if (!task) return null;
            return (
              <li key={m.taskId} data-task={m.taskId} data-task-no={m.no}>
                <p class="task-title">
                  <strong>{task.no}.</strong> <span data-field="task-title">{show(task.title)}</span>{' '}
                  <span class="hint" data-field="task-match" data-score={m.score}>
                    {t('taskScore', t(matchDegree(m.score)))}
                  </span>
                </p>
                <Units label={t('taskLead')} cell={task.lead} />
                <Units label={t('taskResponsible')} cell={task.responsible} />
                <p class="hint reasons">{m.reasons.map(tm).join(t('sepReasons'))}</p>
                {task.requirements && (
                  <details>
                    <summary>{t('taskRequirements')}</summary>
                    <p class="requirements">{show(task.requirements)}</p>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
