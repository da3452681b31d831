/**
 * The per-task summary behind the coverage view: for each audit and plan task, how many findings have each effective
 * status and how many visited pages matched the task. One small row per task (plus one, key '', for findings of no
 * task), so coverage reads at most tasks+1 rows whatever the number of findings.
 *
 * Decides: the summary is changed by the same transaction that changes findings or pages (every writer collects a
 * `CountsDelta` and applies it before committing), so it can never disagree with the findings it sums — a failed
 * write rolls both back. `recountTaskCounts` recounts from the findings themselves (for tests and for repair);
 * `rebuildTaskCounts` replaces the stored rows with a recount.
 * Each row also counts, by status, the findings of generic checks (`taskSpecific: false`: no leak, metadata …), so
 * coverage can tell a task whose own checks passed from one where only generic checks ran.
 * Does not decide: what a task's coverage status is (coverage.ts).
 */
import type { CheckStatus } from '../checks/types';
import type { Finding, GongkaiDb, StoredPage, TaskCount } from './db';
import { guardWrite } from './storage-error';

export type CountField = 'pass' | 'fail' | 'review' | 'na';
export const COUNT_FIELD: Readonly<Record<CheckStatus, CountField>> = {
  pass: 'pass',
  fail: 'fail',
  'needs-review': 'review',
  'not-applicable': 'na',
};

/** The generic checks' count of a status is its count field prefixed with g (records.ts `TaskCount`). */
export type GenericField = `g${CountField}`;
const genericField = (status: CheckStatus): GenericField => `g${COUNT_FIELD[status]}`;
const ALL_FIELDS = ['pass', 'fail', 'review', 'na', 'pages', 'gpass', 'gfail', 'greview', 'gna'] as const;
type Counted = Pick<Finding, 'auditId' | 'taskId' | 'status' | 'taskSpecific'>;

function isGeneric(f: Counted): boolean {
  return f.taskSpecific === false;
}

export function taskKey(taskId: string | null): string {
  return taskId ?? '';
}

function emptyRow(auditId: string, key: string): TaskCount {
  return {
    auditId,
    taskKey: key,
    pass: 0,
    fail: 0,
    review: 0,
    na: 0,
    pages: 0,
    gpass: 0,
    gfail: 0,
    greview: 0,
    gna: 0,
  };
}

/** The row as stored: generic counts only when not zero (rows of audits without generic findings stay as before). */
export function tidy(row: TaskCount): TaskCount {
  const out = { ...row };
  for (const status of Object.keys(COUNT_FIELD) as CheckStatus[]) {
    const g = genericField(status);
    if (!out[g]) delete out[g];
  }
  return out;
}

function isEmpty(row: TaskCount): boolean {
  return ALL_FIELDS.every((k) => (row[k] ?? 0) === 0);
}

/** Adds (or takes away) one finding in a row: its status, and apart when generic. */
export function count(row: TaskCount, f: Counted, by: 1 | -1): void {
  row[COUNT_FIELD[f.status]] += by;
  if (isGeneric(f)) {
    const g = genericField(f.status);
    row[g] = (row[g] ?? 0) + by;
  }
}

/** Changes to the summary collected during a write, applied once at its end. */
export class CountsDelta {
  private readonly rows = new Map<string, TaskCount>();

  private row(auditId: string, key: string): TaskCount {
    const id = `${auditId}\u0000${key}`;
    let row = this.rows.get(id);
    if (!row) {
      row = emptyRow(auditId, key);
      this.rows.set(id, row);
    }
    return row;
  }

  /** A finding replaced by another (either may be absent: created, deleted). */
  change(before: Counted | undefined, after: Counted | undefined): void {
    if (
      before &&
      after &&
      before.taskId === after.taskId &&
      before.status === after.status &&
      isGeneric(before) === isGeneric(after)
    )
      return;
    if (before) count(this.row(before.auditId, taskKey(before.taskId)), before, -1);
    if (after) count(this.row(after.auditId, taskKey(after.taskId)), after, 1);
  }

  /** A page's matched tasks replaced. */
  pages(
    before: Pick<StoredPage, 'auditId' | 'taskIds'> | undefined,
    after: Pick<StoredPage, 'auditId' | 'taskIds'> | undefined,
  ): void {
    for (const id of new Set(before?.taskIds ?? [])) if (before) this.row(before.auditId, id).pages -= 1;
    for (const id of new Set(after?.taskIds ?? [])) if (after) this.row(after.auditId, id).pages += 1;
  }

  /** Writes the changes; call inside a rw transaction that includes `taskCounts`. */
  async apply(db: GongkaiDb): Promise<void> {
    const changes = [...this.rows.values()].filter((r) => !isEmpty(r));
    if (changes.length === 0) return;
    const keys = changes.map((c) => [c.auditId, c.taskKey] as [string, string]);
    const stored = await db.taskCounts.bulkGet(keys);
    const put: TaskCount[] = [];
    const drop: Array<[string, string]> = [];
    changes.forEach((change, i) => {
      const base = stored[i] ?? emptyRow(change.auditId, change.taskKey);
      const next: TaskCount = { ...base };
      for (const k of ALL_FIELDS) next[k] = (base[k] ?? 0) + (change[k] ?? 0);
      if (isEmpty(next)) drop.push(keys[i]!);
      else put.push(tidy(next));
    });
    if (put.length) await db.taskCounts.bulkPut(put);
    if (drop.length) await db.taskCounts.bulkDelete(drop);
    this.rows.clear();
  }
}

export async function readTaskCounts(db: GongkaiDb, auditId: string): Promise<TaskCount[]> {
  return db.taskCounts.where('auditId').equals(auditId).toArray();
}

/**
 * The one recount: per-task rows summed from findings and pages fed one at a time (any audits), as the stored
 * summary keeps them. Used to repair an audit's summary and to rebuild it on restore (import/backup.ts).
 */
export class TaskTally {
  private readonly rows = new Map<string, TaskCount>();

  private row(auditId: string, key: string): TaskCount {
    const id = `${auditId}\u0000${key}`;
    let r = this.rows.get(id);
    if (!r) this.rows.set(id, (r = emptyRow(auditId, key)));
    return r;
  }

  finding(f: Finding): void {
    count(this.row(f.auditId, taskKey(f.taskId)), f, 1);
  }

  page(p: StoredPage): void {
    for (const id of new Set(p.taskIds)) this.row(p.auditId, id).pages += 1;
  }

  counts(): TaskCount[] {
    return [...this.rows.values()]
      .filter((r) => !isEmpty(r))
      .map(tidy)
      .sort((a, b) => a.auditId.localeCompare(b.auditId) || a.taskKey.localeCompare(b.taskKey));
  }
}

/** The summary recounted from the findings and pages (reads them all: for tests and repair, not for the panel). */
export async function recountTaskCounts(db: GongkaiDb, auditId: string): Promise<TaskCount[]> {
  const tally = new TaskTally();
  await db.findings
    .where('auditId')
    .equals(auditId)
    .each((f) => tally.finding(f));
  await db.pages
    .where('auditId')
    .equals(auditId)
    .each((p) => tally.page(p));
  return tally.counts();
}

/** Replaces the stored summary of an audit with a recount. */
export async function rebuildTaskCounts(db: GongkaiDb, auditId: string): Promise<TaskCount[]> {
  return guardWrite(() =>
    db.transaction('rw', db.findings, db.pages, db.taskCounts, async () => {
      const rows = await recountTaskCounts(db, auditId);
      await db.taskCounts.where('auditId').equals(auditId).delete();
      await db.taskCounts.bulkPut(rows);
      return rows;
    }),
  );
}
