/**
 * Recording what was found: a checked page's automatic results, a person's verdicts and notes, checklist answers and
 * free-form findings. Each write is one transaction over the findings, the page, the audit and the per-task counts
 * (ending in finding-commit.ts), so a failed write (full disk) leaves everything as it was, and two panels writing at
 * once are serialised by IndexedDB — each reads the stored version inside its transaction, never a copy it held.
 *
 * Decides: what `recordPageReport` writes (the page; one finding per check result, see finding-record.ts; deletes or
 * retires results the re-check no longer produces); that a person's edit is saved with the rev it was read at and
 * merged or returned as a conflict (rules in finding-record.ts); that a checklist answer is one finding per audit,
 * page and clause (answering again updates it — the earlier answer goes to history), while a free-form finding gets
 * a random id; that only manual findings can be deleted (an automatic one is judged N/A instead); that archived
 * audits are read-only.
 * Does not decide: the finding's shape and merge rules (finding-record.ts), screenshots (screenshots.ts), reading
 * for the list and coverage (findings-query.ts, coverage.ts).
 */
import { governingTasks, type PageReport } from '../engine/inspect-page';
import { normalizeLabel } from '../text/normalize';
import type { PageSnapshot } from '../snapshot/types';
import { requireWritableAudit } from './audits';
import type { Audit, EditableField, Finding, FindingEdits, GongkaiDb, Severity, StoredPage, Verdict } from './db';
import { commitFindings } from './finding-commit';
import {
  CHECKLIST_MESSAGE_KEY,
  MANUAL_CHECK,
  MANUAL_CHECKLIST_CHECK,
  applyEdit,
  autoFinding,
  cleanNote,
  planIndex,
  recheck,
  retire,
  sortKey,
  taskOfResult,
  taskSeq,
  touchedByPerson,
  withDerived,
} from './finding-record';
import { hashText, pageId as pageIdOf, pageUrl, randomId, stableId } from './ids';
import { INVALID_REQUEST_KEYS, InvalidRequest } from './invalid-request';
import { findPlan } from './plans';
import { getInspectorName } from './settings';
import { guardWrite } from './storage-error';
import { CountsDelta } from './task-counts';

/** What the page record keeps of the snapshot. */
export interface SnapshotMeta {
  /** Hash of the whole snapshot: equal hashes, same page content. */
  hash: string;
  siteName: string | null;
  siteIdCode: string | null;
  /** The unit the page says published it (来源 / 发布机构 / 发文机关, else the ContentSource tag), when it says. */
  publisher?: string | null;
}

const PUBLISHER_LABELS = new Set(['来源', '信息来源', '发布机构', '发文机关', '发布单位', '发布部门']);

/** The page's own statement of who published it: a 来源 / 发布机构 … field, else the ContentSource meta tag. */
export function publisherOf(snapshot: PageSnapshot): string | null {
  const field = snapshot.fields.find((f) => PUBLISHER_LABELS.has(normalizeLabel(f.label)) && f.value.trim());
  const value = field?.value.trim() || snapshot.metaTags.ContentSource?.trim() || '';
  return value ? value.slice(0, 60) : null;
}

export function snapshotMeta(snapshot: PageSnapshot): SnapshotMeta {
  return {
    hash: hashText(JSON.stringify(snapshot)),
    siteName: snapshot.metaTags.SiteName?.trim() || null,
    siteIdCode: snapshot.metaTags.SiteIDCode?.trim() || null,
    publisher: publisherOf(snapshot),
  };
}

export interface RecordedPage {
  page: StoredPage;
  /** The page's automatic findings after the write, in the report's order (retired ones last). */
  findings: Finding[];
  created: number;
  updated: number;
  unchanged: number;
  /** Results no longer produced that a person had touched: kept, machine status not-applicable. */
  retired: number;
  /** Results no longer produced that nobody touched: deleted. */
  removed: number;
}

export type FindingWriteResult =
  | { kind: 'unchanged'; finding: Finding }
  /** `merged`: saved over a newer version whose other fields (`theirs`) another panel had changed. */
  | { kind: 'saved' | 'merged'; finding: Finding; theirs: EditableField[] }
  /** Not saved: `current` is the stored version (theirs), `mine` the edit, `fields` where they differ. */
  | { kind: 'conflict'; current: Finding; mine: Partial<FindingEdits>; fields: EditableField[] };

const FINDING_TABLES = (db: GongkaiDb) => [db.audits, db.plans, db.settings, db.pages, db.findings, db.taskCounts];

/**
 * Records a checked page: upserts the page and one automatic finding per check result, keeping every person's verdict,
 * note and screenshot on findings that already existed.
 */
export async function recordPageReport(
  db: GongkaiDb,
  auditId: string,
  report: PageReport,
  meta: SnapshotMeta,
  inspector: string,
  now = new Date(),
): Promise<RecordedPage> {
  return guardWrite(() =>
    db.transaction('rw', FINDING_TABLES(db), async () => {
      const audit = await requireWritableAudit(db, auditId);
      const plan = await findPlan(db, audit.planId);
      const at = now.toISOString();
      const url = pageUrl(report.url);
      const id = pageIdOf(auditId, url);
      const oldPage = await db.pages.get(id);
      // Tasks proposed only tentatively (they mention the column's kind in their requirements; report.noTask says so)
      // are not the page's: its findings go to no task until a person pins one.
      const matched = [...new Set(governingTasks(report).map((t) => t.taskId))];
      const page: StoredPage = {
        id,
        auditId,
        url,
        title: report.title,
        column: { name: report.column.name, source: report.column.source, path: [...report.column.path] },
        pageKind: report.pageKind,
        siteName: meta.siteName,
        siteIdCode: meta.siteIdCode,
        ...(meta.publisher ? { publisher: meta.publisher } : {}),
        snapshotHash: meta.hash,
        taskIds: matched,
        firstVisitedAt: oldPage?.firstVisitedAt ?? at,
        visitedAt: at,
        visits: (oldPage?.visits ?? 0) + 1,
        rev: (oldPage?.rev ?? 0) + 1,
      };
      const delta = new CountsDelta();
      delta.pages(oldPage, page);

      const existing = await db.findings.where('[auditId+pageId]').equals([auditId, id]).toArray();
      const previous = new Map(existing.filter((f) => f.kind === 'auto').map((f) => [f.id, f]));
      const occurrences = new Map<string, number>();
      const put: Array<{ before: Finding | undefined; after: Finding }> = [];
      const order: Array<Finding | string> = [];
      const counts = { created: 0, updated: 0, unchanged: 0, retired: 0, removed: 0 };
      for (const result of report.results) {
        const key = `${result.checkId}\u0000${result.templateId ?? ''}`;
        const occurrence = (occurrences.get(key) ?? 0) + 1;
        occurrences.set(key, occurrence);
        const taskId = taskOfResult(result, matched, plan);
        const fresh = autoFinding({ auditId, page, result, occurrence, taskId, plan, inspector, at });
        const old = previous.get(fresh.id);
        previous.delete(fresh.id);
        const next = old ? recheck(old, fresh, at) : fresh;
        if (!next) {
          counts.unchanged += 1;
          order.push(old!);
          continue;
        }
        counts[old ? 'updated' : 'created'] += 1;
        put.push({ before: old, after: next });
        order.push(next.id);
      }
      const remove: Finding[] = [];
      for (const old of previous.values()) {
        if (!touchedByPerson(old)) {
          remove.push(old);
          counts.removed += 1;
          continue;
        }
        const next = retire(old, inspector, at);
        if (next) {
          put.push({ before: old, after: next });
          counts.retired += 1;
        }
        order.push(next ? next.id : old);
      }
      await db.pages.put(page);
      const written = new Map((await commitFindings(db, audit, { put, remove, delta })).map((f) => [f.id, f]));
      const findings = order.map((f) => (typeof f === 'string' ? written.get(f)! : f));
      return { page, findings, ...counts };
    }),
  );
}

/** Inside a transaction: applies an edit to a stored finding (see finding-record.ts for the rules). */
async function writeEdit(
  db: GongkaiDb,
  audit: Audit,
  current: Finding,
  patch: Partial<FindingEdits>,
  expectedRev: number,
  by: string,
  at: string,
): Promise<FindingWriteResult> {
  const outcome = applyEdit(current, patch, expectedRev, by, at);
  if (outcome.kind === 'unchanged') return outcome;
  const [finding] = await commitFindings(db, audit, { put: [{ before: current, after: outcome.finding }] });
  if (outcome.kind === 'conflict')
    return { kind: 'conflict', current: finding!, mine: outcome.mine, fields: outcome.fields };
  return { ...outcome, finding: finding! };
}

export interface WriteOptions {
  /** Who writes; defaults to the inspector name in the settings. */
  inspector?: string;
  now?: Date;
}

/**
 * A person's edit of a finding (verdict, note, severity, rectification), made on the version `expectedRev`. Send only
 * the fields the person changed: a field sent is a field changed (if another panel changed it since, that is a
 * conflict, unless both wrote the same value).
 */
export async function updateFinding(
  db: GongkaiDb,
  findingId: string,
  patch: Partial<FindingEdits>,
  expectedRev: number,
  options: WriteOptions = {},
): Promise<FindingWriteResult> {
  return guardWrite(() =>
    db.transaction('rw', FINDING_TABLES(db), async () => {
      const current = await db.findings.get(findingId);
      if (!current) throw new InvalidRequest(INVALID_REQUEST_KEYS.findingUnknown, findingId);
      const audit = await requireWritableAudit(db, current.auditId);
      const by = options.inspector ?? (await getInspectorName(db));
      return writeEdit(db, audit, current, patch, expectedRev, by, (options.now ?? new Date()).toISOString());
    }),
  );
}

/** Sets the verdict (null: back to the machine's) and, unless `note` is undefined, the note. */
export function setVerdict(
  db: GongkaiDb,
  findingId: string,
  verdict: Verdict | null,
  note: string | undefined,
  expectedRev: number,
  options: WriteOptions = {},
): Promise<FindingWriteResult> {
  return updateFinding(db, findingId, note === undefined ? { verdict } : { verdict, note }, expectedRev, options);
}

async function pageOf(db: GongkaiDb, auditId: string, id: string | null): Promise<StoredPage | null> {
  if (id === null) return null;
  const page = await db.pages.get(id);
  if (!page || page.auditId !== auditId) throw new InvalidRequest(INVALID_REQUEST_KEYS.pageUnknown, id);
  return page;
}

/**
 * A person's answer to a manual checklist item (a clause of a task) on a page — or, with `pageId` null, for the task
 * as a whole; `note` undefined leaves the note as it is. Answering the same item on the same page again updates the
 * answer; with `expectedRev`, an answer made on
 * an older version follows the merge rules of `updateFinding`, without it the new answer wins (the earlier one is kept
 * in history).
 */
export async function recordManualItem(
  db: GongkaiDb,
  auditId: string,
  pageId: string | null,
  taskId: string,
  clauseId: string,
  verdict: Verdict | null,
  note: string | undefined,
  options: WriteOptions & { expectedRev?: number } = {},
): Promise<FindingWriteResult> {
  return guardWrite(() =>
    db.transaction('rw', FINDING_TABLES(db), async () => {
      const audit = await requireWritableAudit(db, auditId);
      const page = await pageOf(db, auditId, pageId);
      const by = options.inspector ?? (await getInspectorName(db));
      const at = (options.now ?? new Date()).toISOString();
      const url = page?.url ?? '';
      const id = stableId('m', auditId, url, clauseId);
      const existing = await db.findings.get(id);
      if (existing)
        return writeEdit(
          db,
          audit,
          existing,
          note === undefined ? { verdict } : { verdict, note },
          options.expectedRev ?? existing.rev,
          by,
          at,
        );
      const plan = await findPlan(db, audit.planId);
      const clause = plan
        ? planIndex(plan)
            .tasks.get(taskId)
            ?.clauses.find((c) => c.id === clauseId)
        : undefined;
      const clean = cleanNote(note ?? '');
      const finding = manualFinding(
        {
          id,
          auditId,
          page,
          taskId,
          checkId: MANUAL_CHECKLIST_CHECK,
          itemId: clauseId,
          message: { key: CHECKLIST_MESSAGE_KEY, args: [clause?.text ?? clauseId] },
          verdict,
          note: clean,
          severity: null,
          fieldRevs: { verdict: 1, ...(clean ? { note: 1 } : {}) },
          sortKey: sortKey(taskSeq(plan, taskId), url, 'manual', MANUAL_CHECKLIST_CHECK, clauseId),
        },
        by,
        at,
      );
      const [written] = await commitFindings(db, audit, { put: [{ before: undefined, after: finding }] });
      return { kind: 'saved', finding: written!, theirs: [] };
    }),
  );
}

/** A finding a person writes (a checklist answer, a finding of their own), new, by `by` at `at`. */
function manualFinding(
  fields: Pick<
    Finding,
    'id' | 'auditId' | 'taskId' | 'checkId' | 'message' | 'verdict' | 'note' | 'severity' | 'fieldRevs' | 'sortKey'
  > &
    Partial<Pick<Finding, 'itemId' | 'templateId' | 'elementId'>> & { page: StoredPage | null | undefined },
  by: string,
  at: string,
): Finding {
  const { page, ...own } = fields;
  return withDerived({
    ...own,
    pageId: page?.id ?? null,
    url: page?.url ?? '',
    title: page?.title ?? '',
    kind: 'manual',
    machineStatus: null,
    details: [],
    evidence: [],
    elements: [],
    missing: [],
    rectification: null,
    status: 'needs-review',
    hasNote: 0,
    screenshotIds: [],
    hasScreenshot: 0,
    inspector: by,
    verdictBy: fields.verdict === null ? null : by,
    verdictAt: fields.verdict === null ? null : at,
    editedBy: by,
    createdAt: at,
    updatedAt: at,
    rev: 1,
    seq: 0,
    history: [],
    search: '',
  });
}

export interface NewManualFinding {
  auditId: string;
  pageId: string | null;
  taskId: string | null;
  verdict: Verdict | null;
  note: string;
  severity?: Severity | null;
  templateId?: string;
  /** The element the finding is about, when it is about one. */
  elementId?: string;
}

/** A free-form finding a person adds (a problem no check or checklist item covers). */
export async function addManualFinding(
  db: GongkaiDb,
  input: NewManualFinding,
  options: WriteOptions = {},
): Promise<Finding> {
  return guardWrite(() =>
    db.transaction('rw', FINDING_TABLES(db), async () => {
      const audit = await requireWritableAudit(db, input.auditId);
      const page = await pageOf(db, input.auditId, input.pageId);
      const plan = await findPlan(db, audit.planId);
      const by = options.inspector ?? (await getInspectorName(db));
      const at = (options.now ?? new Date()).toISOString();
      const url = page?.url ?? '';
      const note = cleanNote(input.note);
      const finding = manualFinding(
        {
          id: randomId('u'),
          auditId: input.auditId,
          page,
          taskId: input.taskId,
          checkId: MANUAL_CHECK,
          ...(input.templateId !== undefined ? { templateId: input.templateId } : {}),
          ...(input.elementId !== undefined ? { elementId: input.elementId } : {}),
          message: null,
          verdict: input.verdict,
          note,
          severity: input.severity ?? null,
          fieldRevs: { verdict: 1, note: 1, severity: 1 },
          sortKey: sortKey(taskSeq(plan, input.taskId), url, 'manual', MANUAL_CHECK, at),
        },
        by,
        at,
      );
      const [written] = await commitFindings(db, audit, { put: [{ before: undefined, after: finding }] });
      return written!;
    }),
  );
}

/** Deletes a manual finding read at `expectedRev`; a finding changed since is returned instead, not deleted. */
export async function deleteFinding(
  db: GongkaiDb,
  findingId: string,
  expectedRev: number,
): Promise<{ kind: 'deleted' } | { kind: 'conflict'; current: Finding }> {
  return guardWrite(() =>
    db.transaction('rw', FINDING_TABLES(db), async () => {
      const current = await db.findings.get(findingId);
      if (!current) return { kind: 'deleted' } as const;
      if (current.kind !== 'manual') throw new InvalidRequest(INVALID_REQUEST_KEYS.findingNotManual, findingId);
      const audit = await requireWritableAudit(db, current.auditId);
      if (current.rev !== expectedRev) return { kind: 'conflict', current } as const;
      await commitFindings(db, audit, { remove: [current] });
      return { kind: 'deleted' } as const;
    }),
  );
}

/* --------------------------------------------------------------------------------------------------------------- */

export function getFinding(db: GongkaiDb, id: string): Promise<Finding | undefined> {
  return db.findings.get(id);
}

/** A page's findings (automatic and manual), in plan order. */
export async function pageFindings(db: GongkaiDb, auditId: string, pageId: string): Promise<Finding[]> {
  const rows = await db.findings.where('[auditId+pageId]').equals([auditId, pageId]).toArray();
  return rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

export function getPage(db: GongkaiDb, id: string): Promise<StoredPage | undefined> {
  return db.pages.get(id);
}

export function pageByUrl(db: GongkaiDb, auditId: string, url: string): Promise<StoredPage | undefined> {
  return db.pages
    .where('[auditId+url]')
    .equals([auditId, pageUrl(url)])
    .first();
}

/** The audit's pages, most recently visited first. */
export async function listPages(db: GongkaiDb, auditId: string): Promise<StoredPage[]> {
  return db.pages.where('[auditId+visitedAt]').between([auditId, ''], [auditId, '\uffff']).reverse().toArray();
}
