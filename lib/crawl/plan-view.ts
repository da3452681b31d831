/**
 * The plan's view of the patrolled site: for every task of the plan, the columns the column matcher linked to it (its
 * firm answers: a tentative one, whose tasks only mention the column's kind in their requirements, links none) and
 * their status. covered: at least one column that is not blank; blank: all its columns are blank; missing: no column
 * serves it (a finding — or a task no column is expected for, which a person decides). Columns whose status is
 * unknown (script-built) count as covered-unknown: never as blank.
 */
import type { Plan } from '../plan/model';
import type { ColumnRecord } from './column-tree';
import type { SiteTask } from './patrol-records';

/** A task and the columns serving it: the stored site record's task (patrol-records.ts). */
export type TaskCoverage = SiteTask;

export function planView(plan: Plan, columns: readonly ColumnRecord[]): TaskCoverage[] {
  return plan.tasks.map((task) => {
    const serving = columns.filter((c) => c.taskIds.includes(task.id));
    const status: TaskCoverage['status'] =
      serving.length === 0 ? 'missing' : serving.every((c) => c.status === 'blank') ? 'blank' : 'covered';
    return {
      taskId: task.id,
      no: task.no,
      title: task.title,
      columns: serving.map((c) => ({ name: c.name, url: c.url, status: c.status })),
      status,
    };
  });
}
