/**
 * Coverage of an audit: every task of the plan with its status and counts, grouped by category and by unit, with
 * totals. What the inspector watches while browsing and what the 整改清单 by unit starts from.
 *
 * Decides:
 *  - Task status, from the effective statuses of the task's findings (automatic and manual), saying what was
 *    actually checked:
 *      not-visited      no finding and no visited page matched the task;
 *      has-failures     at least one finding fails;
 *      in-progress      some finding needs review;
 *      all-pass         no failure, nothing to review, and at least one of the task's OWN checks passed (a template
 *                       the task names, its freshness rule, its checklist answered by a person);
 *      needs-manual     visited, but nothing of the task's own was checked (only generic checks such as "no leak", or
 *                       nothing at all: a second task matched on a page): its checklist waits for a person;
 *      checked-generic  the same, for a task with no checklist to answer.
 *  - Units: a task counts once for each distinct unit among its 牵头单位 and 责任单位 (the table's merged cells are
 *    already resolved in the plan). Both are accountable for fixing a failure, so both lists show it; `leadTaskIds`
 *    says where the unit leads. Unit totals therefore add up to more than the plan's: totals come from the tasks.
 *    A task with no unit at all is grouped under the key '' (the UI names it 未列明单位).
 *  - Findings of no task (site-wide rules, pages no task matched) and of tasks the plan no longer has are counted
 *    apart (`noTask`, `outsidePlan`), not in any task.
 *  - Speed: it reads only the per-task summary (task-counts.ts, ≤ tasks+1 rows, kept in the findings' own
 *    transactions), never the findings, so it costs the same at 100 or 100,000 findings.
 * Does not decide: the summary's upkeep (task-counts.ts) nor the effective status (finding-record.ts).
 */
import type { Plan, Task } from '../plan/model';
import type { GongkaiDb, TaskCount } from './db';
import { readTaskCounts } from './task-counts';

export type TaskCoverageStatus =
  | 'not-visited'
  | 'checked-generic'
  | 'needs-manual'
  | 'in-progress'
  | 'all-pass'
  | 'has-failures';
export const TASK_COVERAGE_STATUSES: readonly TaskCoverageStatus[] = [
  'not-visited',
  'checked-generic',
  'needs-manual',
  'in-progress',
  'all-pass',
  'has-failures',
];

export interface FindingCounts {
  pass: number;
  fail: number;
  review: number;
  na: number;
  total: number;
}

export interface TaskCoverage {
  taskId: string;
  no: string;
  title: string;
  category: string;
  group: string | null;
  status: TaskCoverageStatus;
  findings: FindingCounts;
  /** Of `findings`, those of the task's own checks (its templates, freshness rule, checklist answers). */
  own: FindingCounts;
  /** Visited pages whose column matched the task. */
  pages: number;
  /** Lead and responsible units, lead first, without duplicates. */
  units: string[];
  leadUnits: string[];
}

export interface CoverageGroup {
  /** Category id, or unit name ('' for tasks with no unit). */
  key: string;
  title: string;
  taskIds: string[];
  tasks: Record<TaskCoverageStatus, number>;
  findings: FindingCounts;
}

export interface UnitCoverage extends CoverageGroup {
  /** The tasks this unit leads (牵头); the others it is responsible for (责任). */
  leadTaskIds: string[];
}

export interface Coverage {
  tasks: TaskCoverage[];
  byCategory: CoverageGroup[];
  byUnit: UnitCoverage[];
  totals: { taskCount: number; tasks: Record<TaskCoverageStatus, number>; findings: FindingCounts };
  /** Findings counted for no task: site-wide rules and pages no task matched. */
  noTask: FindingCounts;
  /** Findings of task ids the plan does not have (the plan was re-imported differently). */
  outsidePlan: FindingCounts;
}

export const NO_UNIT = '';

function zeroCounts(): FindingCounts {
  return { pass: 0, fail: 0, review: 0, na: 0, total: 0 };
}

function zeroTasks(): Record<TaskCoverageStatus, number> {
  return {
    'not-visited': 0,
    'checked-generic': 0,
    'needs-manual': 0,
    'in-progress': 0,
    'all-pass': 0,
    'has-failures': 0,
  };
}

function addCounts(into: FindingCounts, c: FindingCounts | Pick<TaskCount, 'pass' | 'fail' | 'review' | 'na'>): void {
  into.pass += c.pass;
  into.fail += c.fail;
  into.review += c.review;
  into.na += c.na;
  into.total += c.pass + c.fail + c.review + c.na;
}

/** See the header. `own` defaults to all findings (no generic ones); `hasChecklist`: the task has clauses to answer. */
export function taskStatus(
  findings: FindingCounts,
  pages: number,
  own: FindingCounts = findings,
  hasChecklist = true,
): TaskCoverageStatus {
  if (findings.total === 0 && pages === 0) return 'not-visited';
  if (findings.fail > 0) return 'has-failures';
  if (findings.review > 0) return 'in-progress';
  if (own.pass > 0) return 'all-pass';
  return hasChecklist ? 'needs-manual' : 'checked-generic';
}

/** A row's counts of the task's own findings: all minus the generic ones. */
function ownCounts(row: TaskCount): FindingCounts {
  const c = {
    pass: row.pass - (row.gpass ?? 0),
    fail: row.fail - (row.gfail ?? 0),
    review: row.review - (row.greview ?? 0),
    na: row.na - (row.gna ?? 0),
  };
  return { ...c, total: c.pass + c.fail + c.review + c.na };
}

/** A task's units: lead first, then responsible, each once. */
export function unitsOf(task: Pick<Task, 'lead' | 'responsible'>): { units: string[]; lead: string[] } {
  const lead = [...new Set(task.lead.units)];
  return { units: [...new Set([...lead, ...task.responsible.units])], lead };
}

/** Coverage from the stored per-task counts (pure; `coverage` reads the rows). */
export function summarizeCoverage(plan: Plan, rows: readonly TaskCount[]): Coverage {
  const byTask = new Map(rows.map((r) => [r.taskKey, r]));
  const known = new Set(plan.tasks.map((t) => t.id));
  const tasks: TaskCoverage[] = plan.tasks.map((task) => {
    const row = byTask.get(task.id);
    const findings = zeroCounts();
    if (row) addCounts(findings, row);
    const own = row ? ownCounts(row) : zeroCounts();
    const pages = row?.pages ?? 0;
    const { units, lead } = unitsOf(task);
    return {
      taskId: task.id,
      no: task.no,
      title: task.title,
      category: task.category,
      group: task.group,
      status: taskStatus(findings, pages, own, task.clauses.length > 0),
      findings,
      own,
      pages,
      units,
      leadUnits: lead,
    };
  });

  const group = <G extends CoverageGroup>(map: Map<string, G>, key: string, make: () => G, t: TaskCoverage): G => {
    let g = map.get(key);
    if (!g) map.set(key, (g = make()));
    g.taskIds.push(t.taskId);
    g.tasks[t.status] += 1;
    addCounts(g.findings, t.findings);
    return g;
  };

  const categories = new Map<string, CoverageGroup>();
  for (const c of plan.categories)
    categories.set(c.id, { key: c.id, title: c.title, taskIds: [], tasks: zeroTasks(), findings: zeroCounts() });
  const units = new Map<string, UnitCoverage>();
  const totals = { taskCount: tasks.length, tasks: zeroTasks(), findings: zeroCounts() };
  for (const t of tasks) {
    group(
      categories,
      t.category,
      () => ({ key: t.category, title: t.category, taskIds: [], tasks: zeroTasks(), findings: zeroCounts() }),
      t,
    );
    for (const unit of t.units.length ? t.units : [NO_UNIT]) {
      const g = group(
        units,
        unit,
        () => ({ key: unit, title: unit, taskIds: [], leadTaskIds: [], tasks: zeroTasks(), findings: zeroCounts() }),
        t,
      );
      if (t.leadUnits.includes(unit)) g.leadTaskIds.push(t.taskId);
    }
    totals.tasks[t.status] += 1;
    addCounts(totals.findings, t.findings);
  }

  const noTask = zeroCounts();
  const outsidePlan = zeroCounts();
  for (const row of rows) {
    if (row.taskKey === '') addCounts(noTask, row);
    else if (!known.has(row.taskKey)) addCounts(outsidePlan, row);
  }
  return {
    tasks,
    byCategory: [...categories.values()].filter((g) => g.taskIds.length > 0),
    byUnit: [...units.values()],
    totals,
    noTask,
    outsidePlan,
  };
}

/** The audit's coverage of the plan. */
export async function coverage(db: GongkaiDb, auditId: string, plan: Plan): Promise<Coverage> {
  return summarizeCoverage(plan, await readTaskCounts(db, auditId));
}
