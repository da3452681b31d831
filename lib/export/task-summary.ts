/**
 * Coverage of an audit computed from the findings and pages in memory (the exporters hold them all anyway), with the
 * very rules of lib/storage/coverage.ts: the per-task rows are counted like task-counts.ts counts them (effective
 * status of each finding; a page counts once for each task it matched) and handed to `summarizeCoverage`, so a task's
 * status (未检查 / 待人工核查 / 检查中 / 全部合格 / 有问题 …) in a spreadsheet or report is the one the panel shows.
 *
 * Decides: nothing new — it only re-derives the stored summary from the exported data (so a filtered export
 * summarises what it contains).
 * Does not decide: the status rules (coverage.ts) nor the counting rules (task-counts.ts).
 */
import type { Plan } from '../plan/model';
import { summarizeCoverage, type Coverage } from '../storage/coverage';
import type { Finding, StoredPage, TaskCount } from '../storage/db';
import { count, taskKey } from '../storage/task-counts';

export function taskCountRows(
  auditId: string,
  findings: readonly Finding[],
  pages: readonly StoredPage[],
): TaskCount[] {
  const rows = new Map<string, TaskCount>();
  const row = (key: string): TaskCount => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { auditId, taskKey: key, pass: 0, fail: 0, review: 0, na: 0, pages: 0 }));
    return r;
  };
  for (const f of findings) count(row(taskKey(f.taskId)), f, 1);
  for (const p of pages) for (const id of new Set(p.taskIds)) row(id).pages += 1;
  return [...rows.values()];
}

export function coverageOf(
  plan: Plan,
  auditId: string,
  findings: readonly Finding[],
  pages: readonly StoredPage[],
): Coverage {
  return summarizeCoverage(plan, taskCountRows(auditId, findings, pages));
}
