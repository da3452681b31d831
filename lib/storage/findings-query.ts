/**
 * The findings list: filter, search, sort and page an audit's findings for a virtualised list (which asks for one
 * window of rows at a time and needs the total to size its scrollbar).
 *
 * Decides:
 *  - Filters: task (or null: findings of no task), unit (the tasks where the unit leads or is responsible — needs the
 *    plan), effective status (any of several), page, has-note, has-screenshot, and text. All given filters must hold.
 *  - Text: every whitespace-separated word must occur in the finding's search text (message arguments — the check's
 *    specifics such as the missing element names —, details, 缺失要素, evidence text, note, URL, page title), compared
 *    after script, width and case folding (政務公開 finds 政务公开). The translated message sentence itself is not
 *    searched (it is not stored; its arguments are).
 *  - Orders: `plan` (task order of the plan, then page URL, then check — the default), `updated` (newest first),
 *    `status` (problems first: lib/checks/order.ts, the order of the status index).
 *  - How, by case: (1) no filter — the total is the sum of the per-task counts (task-counts.ts) and the first window
 *    is read straight from the order's index, so it costs the same at any volume; (2) a page or task filter — its
 *    few records are read through their index and the other filters, the text and the order applied in memory;
 *    (3) a text search, or any other filter once the audit's list cache is loaded — filtered and ordered on the
 *    in-memory copy (list-cache.ts; its first load reads the audit once); (4) otherwise the matching ids come from
 *    the indexes as keys only (no record read), intersected, walked in the order's index (keys only). In every case
 *    only the requested window of whole records is read, by id. Never a cursor `offset` or `anyOf` (both walk a
 *    cursor: seconds at a few thousand records in fake-indexeddb). An audit too large for the cache is searched by
 *    reading the candidates' records: the one query whose cost grows with the audit.
 * Does not decide: how rows look, nor export (which reads everything anyway).
 */
import Dexie from 'dexie';
import type { CheckStatus } from '../checks/types';
import type { Plan } from '../plan/model';
import { normalizeLabel } from '../text/normalize';
import { unitsOf } from './coverage';
import type { Finding, GongkaiDb } from './db';
import { normalizeSearch } from './finding-record';
import { hasListCache, listRows, type ListRow } from './list-cache';
import { readTaskCounts } from './task-counts';

export interface FindingFilter {
  /** A task id, or null for findings of no task. */
  taskId?: string | null;
  /** A unit name (牵头 or 责任), compared through normalizeLabel; needs `FindingQuery.plan`. */
  unit?: string;
  /** Effective statuses; any of them. */
  statuses?: readonly CheckStatus[];
  pageId?: string;
  hasNote?: boolean;
  hasScreenshot?: boolean;
  text?: string;
}

export type FindingSort = 'plan' | 'updated' | 'status';

export interface FindingQuery {
  filter?: FindingFilter;
  sort?: FindingSort;
  offset?: number;
  /** At most 500; 50 by default. */
  limit?: number;
  /** The audit's plan: needed for the unit filter. */
  plan?: Plan | null;
}

export interface FindingPage {
  /** How many findings match in all. */
  total: number;
  offset: number;
  rows: Finding[];
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const READ_CHUNK = 400;

const ORDER_INDEX: Record<FindingSort, string> = {
  plan: '[auditId+sortKey]',
  updated: '[auditId+updatedAt]',
  status: '[auditId+status]',
};

/** The plan's tasks where a unit leads or is responsible. */
export function tasksOfUnit(plan: Plan, unit: string): string[] {
  const wanted = normalizeLabel(unit);
  return plan.tasks.filter((t) => unitsOf(t).units.some((u) => normalizeLabel(u) === wanted)).map((t) => t.id);
}

function words(text: string | undefined): string[] {
  return text ? normalizeSearch(text).split(/\s+/).filter(Boolean) : [];
}

type Keys = Promise<Set<string>>;

/** Primary keys of the findings whose index value is any of `values`. One `equals` per value, not `anyOf`: anyOf walks
 * a cursor with `continue(key)`, thousands of times slower than a key-range read in fake-indexeddb. */
async function keysWhere(
  db: GongkaiDb,
  index: string,
  values: ReadonlyArray<readonly [string, string | number]>,
): Keys {
  const lists = await Promise.all(
    values.map((v) =>
      db.findings
        .where(index)
        .equals([...v])
        .primaryKeys(),
    ),
  );
  const out = new Set<string>();
  for (const keys of lists) for (const k of keys) out.add(k as string);
  return out;
}

/** The order's fields, for sorting records in memory exactly as the order's index does ([value, primary key]). */
function compareIn(sort: FindingSort): (a: ListRow, b: ListRow) => number {
  const field = sort === 'plan' ? 'sortKey' : sort === 'updated' ? 'updatedAt' : 'status';
  const direction = sort === 'updated' ? -1 : 1;
  return (a, b) => {
    const x = a[field];
    const y = b[field];
    if (x !== y) return (x < y ? -1 : 1) * direction;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * direction;
  };
}

/** The filter as a predicate on a record (the in-memory twin of the index filters). */
function predicate(
  filter: FindingFilter,
  unitTasks: ReadonlySet<string> | null,
  terms: readonly string[],
): (f: ListRow) => boolean {
  const statuses = filter.statuses ? new Set(filter.statuses) : null;
  return (f) =>
    (filter.taskId === undefined || f.taskId === filter.taskId) &&
    (unitTasks === null || (f.taskId !== null && unitTasks.has(f.taskId))) &&
    (statuses === null || statuses.has(f.status)) &&
    (filter.pageId === undefined || f.pageId === filter.pageId) &&
    (filter.hasNote === undefined || f.hasNote === (filter.hasNote ? 1 : 0)) &&
    (filter.hasScreenshot === undefined || f.hasScreenshot === (filter.hasScreenshot ? 1 : 0)) &&
    terms.every((t) => f.search.includes(t));
}

export async function queryFindings(db: GongkaiDb, auditId: string, query: FindingQuery = {}): Promise<FindingPage> {
  const filter = query.filter ?? {};
  const sort = query.sort ?? 'plan';
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  const terms = words(filter.text);
  if (filter.unit !== undefined && !query.plan) throw new TypeError('queryFindings: the unit filter needs the plan');
  const unitTasks = filter.unit !== undefined && query.plan ? new Set(tasksOfUnit(query.plan, filter.unit)) : null;
  const ordered = () => {
    const range = db.findings
      .where(ORDER_INDEX[sort])
      .between([auditId, Dexie.minKey], [auditId, Dexie.maxKey], true, true);
    return sort === 'updated' ? range.reverse() : range;
  };
  const window = async (keys: string[]) =>
    (await db.findings.bulkGet(keys.slice(offset, offset + limit))).filter((r): r is Finding => r !== undefined);

  // 1. No filter: the total is the sum of the per-task counts; the window comes from the order's index.
  const filtered = Object.entries(filter).some(([k, v]) => v !== undefined && (k !== 'text' || terms.length > 0));
  if (!filtered) {
    const counts = await readTaskCounts(db, auditId);
    const total = counts.reduce((n, c) => n + c.pass + c.fail + c.review + c.na, 0);
    const rows =
      offset === 0 ? await ordered().limit(limit).toArray() : await window((await ordered().primaryKeys()) as string[]);
    return { total, offset, rows };
  }

  // 2. A page or a task: few findings (a page has ~20, a task ~1/61 of the audit). Read them and filter in memory.
  if (filter.pageId !== undefined || typeof filter.taskId === 'string') {
    const driver =
      filter.pageId !== undefined
        ? db.findings.where('[auditId+pageId]').equals([auditId, filter.pageId])
        : db.findings.where('[auditId+taskId]').equals([auditId, filter.taskId as string]);
    const rows = (await driver.toArray()).filter(predicate(filter, unitTasks, terms)).sort(compareIn(sort));
    return { total: rows.length, offset, rows: rows.slice(offset, offset + limit) };
  }

  // 3. Text, or any filter once the list cache is loaded: in memory, then the window read by id.
  if (terms.length > 0 || hasListCache(db, auditId)) {
    const rows = await listRows(db, auditId);
    if (rows) {
      const matches = rows.filter(predicate(filter, unitTasks, terms)).sort(compareIn(sort));
      return { total: matches.length, offset, rows: await window(matches.map((r) => r.id)) };
    }
  }

  // 4. Otherwise: ids from the indexes (keys only), intersected, in the order's index order.
  const required: Keys[] = [];
  let excluded: Keys | null = null;
  if (filter.taskId === null)
    excluded = db.findings
      .where('[auditId+taskId]')
      .between([auditId, Dexie.minKey], [auditId, Dexie.maxKey], true, true)
      .primaryKeys()
      .then((k) => new Set(k as string[]));
  if (unitTasks)
    required.push(
      keysWhere(
        db,
        '[auditId+taskId]',
        [...unitTasks].map((t) => [auditId, t] as const),
      ),
    );
  if (filter.statuses)
    required.push(
      keysWhere(
        db,
        '[auditId+status]',
        [...new Set(filter.statuses)].map((s) => [auditId, s] as const),
      ),
    );
  if (filter.hasNote !== undefined)
    required.push(keysWhere(db, '[auditId+hasNote]', [[auditId, filter.hasNote ? 1 : 0]]));
  if (filter.hasScreenshot !== undefined)
    required.push(keysWhere(db, '[auditId+hasScreenshot]', [[auditId, filter.hasScreenshot ? 1 : 0]]));
  const [sets, exclude, order] = await Promise.all([
    Promise.all(required),
    excluded,
    ordered().primaryKeys() as Promise<string[]>,
  ]);
  sets.sort((a, b) => a.size - b.size);
  const matches =
    sets.length === 0 && exclude === null
      ? order
      : order.filter((k) => !exclude?.has(k) && sets.every((s) => s.has(k)));
  if (terms.length === 0) return { total: matches.length, offset, rows: await window(matches) };

  // Text in an audit too large for the list cache: the candidates' records must be read. Many of them: one range read of the whole audit (getAll) beats one
  // get per id; few: get them by id, in chunks.
  const hit = predicate({}, null, terms); // the other filters are in `matches` already: only the text is left
  let found: Finding[];
  if (matches.length > order.length / 4) {
    const candidates = matches === order ? null : new Set(matches);
    const position = new Map(order.map((k, i) => [k, i]));
    found = (await db.findings.where('auditId').equals(auditId).toArray()).filter(
      (f) => (candidates === null || candidates.has(f.id)) && hit(f),
    );
    found.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  } else {
    found = [];
    for (let i = 0; i < matches.length; i += READ_CHUNK) {
      for (const f of await db.findings.bulkGet(matches.slice(i, i + READ_CHUNK))) if (f && hit(f)) found.push(f);
    }
  }
  return { total: found.length, offset, rows: found.slice(offset, offset + limit) };
}
