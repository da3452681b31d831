/**
 * The findings list's in-memory copy of an audit: for each finding only what filtering, searching and ordering need
 * (ids, task, page, status, flags, order fields, search text). Text search has to look at every candidate's text, and
 * reading 10,000 whole findings from IndexedDB takes about half a second (in Chromium as in fake-indexeddb); from
 * memory it takes a few milliseconds.
 *
 * Decides: the copy is loaded whole the first time a query needs it, then kept in sync before every use by the audit's
 * write sequence (finding-commit.ts): findings written since the copy's sequence are read through [auditId+seq] and
 * replaced; a deletion since (the audit's `deleteSeq` moved) reloads the copy whole. The check reads the audit record
 * in the same read transaction as the changes, so writes by another panel or window are seen too. Syncs of one audit
 * run one after another. Audits above `LIST_CACHE_LIMIT.findings` are not copied (memory): the caller reads from the
 * database instead.
 * Does not decide: which queries use it (findings-query.ts).
 */
import type { Finding, GongkaiDb } from './db';

/** What the list needs of a finding. */
export type ListRow = Pick<
  Finding,
  'id' | 'taskId' | 'pageId' | 'status' | 'hasNote' | 'hasScreenshot' | 'sortKey' | 'updatedAt' | 'search'
>;

/** Above this many findings an audit is not copied into memory (about 40 MB at 100,000). Tests lower it. */
export const LIST_CACHE_LIMIT = { findings: 50_000 };

interface Copy {
  writeSeq: number;
  deleteSeq: number;
  rows: Map<string, ListRow>;
  list: ListRow[] | null;
}

interface State {
  /** The chain of syncs; resolves to the copy, or null when there is none (too large, unknown audit). */
  tail: Promise<Copy | null>;
  loaded: boolean;
}

const states = new WeakMap<GongkaiDb, Map<string, State>>();

function slim(f: Finding): ListRow {
  return {
    id: f.id,
    taskId: f.taskId,
    pageId: f.pageId,
    status: f.status,
    hasNote: f.hasNote,
    hasScreenshot: f.hasScreenshot,
    sortKey: f.sortKey,
    updatedAt: f.updatedAt,
    search: f.search,
  };
}

async function sync(db: GongkaiDb, auditId: string, copy: Copy | null): Promise<Copy | null> {
  return db.transaction('r', db.audits, db.findings, async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) return null;
    const writeSeq = audit.writeSeq ?? 0;
    const deleteSeq = audit.deleteSeq ?? 0;
    if (copy && copy.deleteSeq === deleteSeq) {
      if (copy.writeSeq === writeSeq) return copy;
      const changed = await db.findings
        .where('[auditId+seq]')
        .between([auditId, copy.writeSeq], [auditId, Infinity], false, true)
        .toArray();
      for (const f of changed) copy.rows.set(f.id, slim(f));
      copy.writeSeq = writeSeq;
      copy.list = null;
      return copy;
    }
    const count = await db.findings.where('auditId').equals(auditId).count();
    if (count > LIST_CACHE_LIMIT.findings) return null;
    const all = await db.findings.where('auditId').equals(auditId).toArray();
    return { writeSeq, deleteSeq, rows: new Map(all.map((f) => [f.id, slim(f)])), list: null };
  });
}

function stateOf(db: GongkaiDb, auditId: string): State {
  let byAudit = states.get(db);
  if (!byAudit) states.set(db, (byAudit = new Map()));
  let state = byAudit.get(auditId);
  if (!state) byAudit.set(auditId, (state = { tail: Promise.resolve(null), loaded: false }));
  return state;
}

/** True when the audit's copy has been loaded (a sync is then cheap). */
export function hasListCache(db: GongkaiDb, auditId: string): boolean {
  return states.get(db)?.get(auditId)?.loaded ?? false;
}

/** The audit's rows, in sync with the database; null when the audit is too large to copy (or unknown). */
export async function listRows(db: GongkaiDb, auditId: string): Promise<ListRow[] | null> {
  const state = stateOf(db, auditId);
  const next = state.tail.catch(() => null).then((copy) => sync(db, auditId, copy));
  state.tail = next;
  const copy = await next;
  state.loaded = copy !== null;
  if (!copy) return null;
  copy.list ??= [...copy.rows.values()];
  return copy.list;
}

/** Forgets the copies (of one audit, or all of a database). */
export function dropListCache(db: GongkaiDb, auditId?: string): void {
  if (auditId === undefined) states.delete(db);
  else states.get(db)?.delete(auditId);
}
