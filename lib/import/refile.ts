/**
 * "Re-check this audit against plan X": a person's explicit action (options page), never a side effect of choosing
 * the active plan. It makes a COPY of the audit bound to plan X and leaves the original exactly as it was.
 *
 * Decides:
 *  - Each page's tasks are matched again against plan X from what the audit recorded of it (column, breadcrumb path,
 *    title, URL folders: engine/column.ts `recordedLocation`), with the county's local column names and the site's
 *    pins that name tasks of plan X — the same matcher as the panel, without the page. A tentative answer (the tasks
 *    only mention that kind of column in their requirements) files the page under no task, as recording does.
 *  - Each automatic finding goes to the task plan X gives its result on that page (`taskOfResult`, as when recording);
 *    a checklist answer or a free-form finding stays with its task only when plan X has that task (same id), else it
 *    goes under "no task" with its text kept — plan X's clauses are other clauses — and is counted as `unfiled`.
 *  - Everything a person entered travels with the finding: verdict, note, severity, 整改, screenshots, history, who.
 *    A whole-site patrol's site record travels too, without its task view (that was the earlier plan's; a note says so).
 *  - The copy is written through the import path (merge.ts: one transaction, validated records, per-task counts
 *    recounted), under the ids the new audit gives its records (rekey.ts rules), named "<name>（按“<plan>”重新检查）",
 *    and made the active audit.
 * Does not decide: which plan is offered (the options page lists the plans other than the audit's own).
 */
import { recordedLocation } from '../engine/column';
import { matchLocation } from '../engine/match-tasks';
import type { AuditData } from '../export/audit-data';
import { loadAuditData } from '../export/audit-data';
import { toAuditFile } from '../export/audit-file';
import type { Plan } from '../plan/model';
import { newAuditRecord, setActiveAudit } from '../storage/audits';
import { getColumnAliases } from '../storage/column-aliases';
import type { Audit, Finding, GongkaiDb, StoredPage } from '../storage/db';
import {
  MANUAL_CHECKLIST_CHECK,
  autoFindingId,
  isTaskSpecific,
  planIndex,
  taskOfResult,
  taskSeq,
} from '../storage/finding-record';
import { pageId, siteRecordId, stableId } from '../storage/ids';
import { INVALID_REQUEST_KEYS, InvalidRequest } from '../storage/invalid-request';
import { pinnedTaskIds } from '../storage/pins';
import { findPlan } from '../storage/plans';
import { applyImport } from './merge';
import { NEW_AUDIT } from './rekey';

/** Said in the copy's site record: the patrol's task view belonged to the plan the audit was re-checked from. */
export const TASK_VIEW_LEFT_OUT =
  '方案视图属于原方案，按新方案重新检查时未带入 / the task view was the earlier plan’s: left out';

export interface RefileSummary {
  auditId: string;
  name: string;
  pages: number;
  findings: number;
  /** Findings filed under a task of the new plan. */
  filed: number;
  /** Checklist answers and free-form findings about a task the new plan does not have: kept under "no task". */
  unfiled: number;
}

/** The occurrence an automatic finding's sort key ends with (1 when it has none). */
function occurrenceOf(f: Finding): number {
  const last = Number(f.sortKey.split('\u0001').at(-1));
  return Number.isInteger(last) && last > 1 ? last : 1;
}

/** The sort key with the task position of plan X (the rest — URL, kind, check, occurrence — unchanged). */
function resorted(f: Finding, plan: Plan, taskId: string | null): string {
  const parts = f.sortKey.split('\u0001');
  parts[0] = String(taskSeq(plan, taskId)).padStart(4, '0');
  return parts.join('\u0001');
}

/** The audit's records as plan X files them, under the ids of audit `auditId` (see the header). */
export function refiledData(
  data: AuditData,
  plan: Plan,
  audit: Audit,
  matchedTasks: (page: StoredPage) => string[],
): { data: AuditData; filed: number; unfiled: number } {
  const tasks = planIndex(plan).tasks;
  const pages = new Map<string, StoredPage>();
  const matched = new Map<string, string[]>();
  for (const p of data.pages) {
    const taskIds = matchedTasks(p);
    matched.set(p.id, taskIds);
    pages.set(p.id, { ...p, id: pageId(audit.id, p.url), auditId: audit.id, taskIds });
  }
  const shotIds = new Map(data.screenshots.map((s) => [s.id, stableId('s', audit.id, s.id)]));
  const findingIds = new Map<string, string>();
  let filed = 0;
  let unfiled = 0;
  const findings = data.findings.map((f) => {
    let taskId: string | null;
    let id: string;
    if (f.kind === 'auto') {
      taskId = taskOfResult(f, (f.pageId && matched.get(f.pageId)) || [], plan);
      id = autoFindingId(audit.id, f.url, f.checkId, f.templateId, f.elementId, occurrenceOf(f));
    } else {
      taskId = f.taskId !== null && tasks.has(f.taskId) ? f.taskId : null;
      if (taskId === null && f.taskId !== null) unfiled += 1;
      id =
        f.checkId === MANUAL_CHECKLIST_CHECK && f.itemId
          ? stableId('m', audit.id, f.url, f.itemId)
          : stableId('u', audit.id, f.id);
    }
    if (taskId !== null) filed += 1;
    findingIds.set(f.id, id);
    const next: Finding = {
      ...f,
      id,
      auditId: audit.id,
      pageId: f.pageId === null ? null : (pages.get(f.pageId)?.id ?? f.pageId),
      taskId,
      sortKey: resorted(f, plan, taskId),
      screenshotIds: f.screenshotIds.map((s) => shotIds.get(s) ?? s),
    };
    if (f.kind === 'auto') next.taskSpecific = isTaskSpecific(f, taskId, plan);
    return next;
  });
  const screenshots = data.screenshots.map((s) => {
    const { findingId, ...rest } = s;
    return {
      ...rest,
      id: shotIds.get(s.id)!,
      auditId: audit.id,
      ...(findingId !== undefined ? { findingId: findingIds.get(findingId) ?? findingId } : {}),
    };
  });
  // A patrol's site record travels too; its task view was the old plan's, so it is left out (and said so).
  const sites = data.sites.map((site) => ({
    ...site,
    id: siteRecordId(audit.id, site.origin),
    auditId: audit.id,
    tasks: [],
    notes: site.tasks.length > 0 ? [...site.notes, TASK_VIEW_LEFT_OUT] : site.notes,
  }));
  return { data: { audit, plan, pages: [...pages.values()], findings, screenshots, pins: [], sites }, filed, unfiled };
}

/** Re-checks audit `auditId` against plan `planId` into a new audit (see the header); the original is untouched. */
export async function refileAudit(
  db: GongkaiDb,
  auditId: string,
  planId: string,
  options: { now?: Date; name?: (auditName: string, planTitle: string) => string } = {},
): Promise<RefileSummary> {
  const plan = await findPlan(db, planId);
  if (!plan) throw new InvalidRequest(INVALID_REQUEST_KEYS.auditPlanUnknown, planId);
  const data = await loadAuditData(db, auditId).catch(() => {
    throw new InvalidRequest(INVALID_REQUEST_KEYS.auditUnknown, auditId);
  });
  const aliases = await getColumnAliases(db);
  const pinnedOf = new Map<string, string[]>();
  for (const page of data.pages)
    if (!pinnedOf.has(page.id))
      pinnedOf.set(
        page.id,
        ((await pinnedTaskIds(db, data.audit.origin, page.column.name)) ?? []).filter((id) =>
          plan.tasks.some((t) => t.id === id),
        ),
      );
  const audit = newAuditRecord(
    {
      name: (options.name ?? ((n, p) => `${n}（按“${p}”重新检查）`))(data.audit.name, plan.title).slice(0, 120),
      origin: data.audit.origin,
      planId: plan.id,
      inspector: data.audit.inspector,
    },
    options.now ?? new Date(),
  );
  const refiled = refiledData(data, plan, audit, (page) => {
    const pinned = pinnedOf.get(page.id);
    const match = matchLocation(plan, recordedLocation(page), {
      pageTitle: page.title,
      aliases,
      ...(pinned?.length ? { pinnedTaskIds: pinned } : {}),
    });
    // Tasks proposed only tentatively file nothing, as when the page was recorded: they wait for a person's pin.
    return match.tentative ? [] : [...new Set(match.tasks.map((t) => t.taskId))];
  });
  const file = toAuditFile(refiled.data, { exportedAt: options.now ?? new Date() });
  const images = new Map(refiled.data.screenshots.map((s) => [s.id, s.blob]));
  await applyImport(db, { file, images }, undefined, NEW_AUDIT);
  await setActiveAudit(db, audit.id);
  return {
    auditId: audit.id,
    name: audit.name,
    pages: refiled.data.pages.length,
    findings: refiled.data.findings.length,
    filed: refiled.filed,
    unfiled: refiled.unfiled,
  };
}
