/** The plan tasks matched to the column: number, title as published, lead and responsible units, why it matched. */
import type { MatchedTask } from '@/lib/checks/types';
import { t, tm } from '@/lib/i18n';
import type { Plan, UnitCell } from '@/lib/plan/model';

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
  return (
    <section aria-labelledby="tasks-h">
      <h2 id="tasks-h">{t('sectionTasks')}</h2>
      {tasks.length === 0 ? (
        <p class="empty" data-field="tasks-none">{t('tasksNone')}</p>
      ) : (
        <ol class="tasks" data-field="tasks">
          {tasks.map((m) => {
            const task = plan.tasks.find((x) => x.id === m.taskId);
            if (!task) return null;
            return (
              <li key={m.taskId} data-task={m.taskId} data-task-no={m.no}>
                <p class="task-title">
                  <strong>{task.no}.</strong> {task.title} <span class="hint">{t('taskScore', String(m.score))}</span>
                </p>
                <Units label={t('taskLead')} cell={task.lead} />
                <Units label={t('taskResponsible')} cell={task.responsible} />
                <p class="hint reasons">{m.reasons.map(tm).join('；')}</p>
                {task.requirements && (
                  <details>
                    <summary>{t('taskRequirements')}</summary>
                    <p class="requirements">{task.requirements}</p>
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
