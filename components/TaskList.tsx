/** The plan tasks matched to the column: number, title as published, lead and responsible units, why it matched. */
import type { MatchedTask } from '@/lib/checks/types';
import { t, tm } from '@/lib/i18n';
import type { Plan, UnitCell } from '@/lib/plan/model';
import { toSimplified } from '@/lib/text/normalize';
import { useState } from 'preact/hooks';

function Units({ label, cell }: { label: string; cell: UnitCell }) {
  return (
    <p class="units">
      <span class="units-label">{label}：</span>
      {cell.units.length > 0 ? cell.units.join('、') : t('taskUnitsNone')}
      {cell.inheritedFrom && <span class="hint"> {t('taskInherited')}</span>}
    </p>
  );
}

export function TaskList({ plan, tasks }: { plan: Plan; tasks: MatchedTask[] }) {
  // The plan's wording as published (it mixes scripts) or in simplified characters: the reader's choice.
  const [simplified, setSimplified] = useState(false);
  const show = (text: string) => (simplified ? toSimplified(text) : text);
  return (
    <section aria-labelledby="tasks-h">
      <h2 id="tasks-h">{t('sectionTasks')}</h2>
      {tasks.length > 0 && (
        <label class="small">
          <input
            type="checkbox"
            checked={simplified}
            onChange={(e) => setSimplified((e.currentTarget as HTMLInputElement).checked)}
            data-action="simplified-wording"
          />{' '}
          {t('wordingSimplified')}
        </label>
      )}
      {tasks.length === 0 ? (
        <p class="empty" data-field="tasks-none">
          {t('tasksNone')}
        </p>
      ) : (
        <ol class="tasks" data-field="tasks">
          {tasks.map((m) => {
            const task = plan.tasks.find((x) => x.id === m.taskId);
            if (!task) return null;
            return (
              <li key={m.taskId} data-task={m.taskId} data-task-no={m.no}>
                <p class="task-title">
                  <strong>{task.no}.</strong> <span data-field="task-title">{show(task.title)}</span>{' '}
                  <span class="hint">{t('taskScore', String(m.score))}</span>
                </p>
                <Units label={t('taskLead')} cell={task.lead} />
                <Units label={t('taskResponsible')} cell={task.responsible} />
                <p class="hint reasons">{m.reasons.map(tm).join('；')}</p>
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
