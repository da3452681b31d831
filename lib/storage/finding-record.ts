/**
 * A finding as data: how one is built from a check result or a person's answer, which fields derive from others, how
 * a re-check and a person's edit change it, and what is kept in its history. Pure functions, no database.
 *
 * Decides:
 *  - Granularity: one finding per check result (per check and template on a page), with the element results inside
 *    and the 缺失要素 (required elements missing or empty) listed on it — the row an evaluator exports ("one row per
 *    finding, 缺失要素: 网上支付、物流快递…"). Not one finding per element: a 办事指南 page missing 4 of 22 elements is one
 *    problem of one page for one unit to fix, and 22 rows per page would drown the list. `elementId` stays on the
 *    record for a person's finding about one element.
 *  - Task: a result counts for the matched task that names its template, else the page's best-matched task; the site's
 *    《政府网站发展指引》 meta tags (`page-meta-tags`) are a site-wide rule, not a plan task (counted under no task;
 *    otherwise every task would fail on a portal without meta tags).
 *  - Task-specific: a result checks its task's own rule (freshness, a template the task names) or only a generic one
 *    (`isTaskSpecific`); coverage credits a task only on the former or on a person's answers.
 *  - Effective status: the verdict when a person gave one (PASS→pass, FAIL→fail, N/A→not-applicable,
 *    UNKNOWN→needs-review), else the machine's; a manual finding without a verdict is needs-review.
 *  - Re-check: the machine's part is replaced; the person's fields, screenshots and creation stay; when the machine's
 *    status, message or 缺失要素 changed, the old machine result goes to history. A result the re-check no longer
 *    produces is deleted when no person touched it, else kept with machine status not-applicable (message
 *    `findingNotRechecked`) and its old result in history.
 *  - Edits (optimistic concurrency): each editable field remembers the rev it last changed at. An edit based on rev r
 *    conflicts only on fields it changes that someone else changed after r to a different value; with no such field it
 *    is merged (other fields stay as the other panel left them). On conflict nothing of the edit is applied, the
 *    rejected values go to history (nothing typed is lost) and the caller gets both versions. An edit that changes an
 *    earlier verdict, note, severity or rectification keeps the earlier values in history. History keeps the last 50.
 * Does not decide: transactions and counts (findings.ts, task-counts.ts).
 */
import type { CheckResult, CheckStatus, ElementResult, Message } from '../checks/types';
import type { Plan, Task } from '../plan/model';
import { normalizeText } from '../text/normalize';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type Finding,
  type FindingEdits,
  type FindingVersion,
  type MachineResult,
  type MissingElement,
  type StoredPage,
  type Verdict,
} from './db';
import { stableId } from './ids';

export const MANUAL_CHECKLIST_CHECK = 'manual-checklist';
export const MANUAL_CHECK = 'manual';
/** Message of a checklist answer: the clause text as its only argument. */
export const CHECKLIST_MESSAGE_KEY = 'findingChecklistItem';
/** Machine message of a result a re-check no longer produced. */
export const NOT_RECHECKED_MESSAGE_KEY = 'findingNotRechecked';
/** Checks that judge the site, not a plan task. */
export const SITE_WIDE_CHECKS: ReadonlySet<string> = new Set(['page-meta-tags']);
export const HISTORY_LIMIT = 50;
const NOTE_LIMIT = 10_000;
const SEARCH_PIECE = 400;
const SEARCH_LIMIT = 6_000;

export const VERDICT_STATUS: Readonly<Record<Verdict, CheckStatus>> = {
  PASS: 'pass',
  FAIL: 'fail',
  'N/A': 'not-applicable',
  UNKNOWN: 'needs-review',
};

export function effectiveStatus(machine: CheckStatus | null, verdict: Verdict | null): CheckStatus {
  if (verdict) return VERDICT_STATUS[verdict];
  return machine ?? 'needs-review';
}

export function missingElements(elements: readonly ElementResult[] | undefined): MissingElement[] {
  return (elements ?? [])
    .filter((e) => e.required && e.status !== 'present')
    .map((e) => ({ id: e.id, name: e.name, status: e.status as 'missing' | 'empty' }));
}

export function cleanNote(note: string): string {
  return note.trim().slice(0, NOTE_LIMIT);
}

/* --------------------------------------------------------------------------------------------------------------- */

interface PlanIndex {
  seq: ReadonlyMap<string, number>;
  tasks: ReadonlyMap<string, Task>;
}
const planIndexes = new WeakMap<Plan, PlanIndex>();

export function planIndex(plan: Plan): PlanIndex {
  let index = planIndexes.get(plan);
  if (!index) {
    index = { seq: new Map(plan.tasks.map((t, i) => [t.id, i + 1])), tasks: new Map(plan.tasks.map((t) => [t.id, t])) };
    planIndexes.set(plan, index);
  }
  return index;
}

/** The plan position a finding sorts by: the task's, then tasks the plan does not know, then no task. */
export function taskSeq(plan: Plan | null, taskId: string | null): number {
  if (taskId === null) return 9999;
  return (plan && planIndex(plan).seq.get(taskId)) ?? 9998;
}

export function sortKey(
  seq: number,
  url: string,
  kind: Finding['kind'],
  checkId: string,
  ...rest: Array<string | undefined>
): string {
  return [String(seq).padStart(4, '0'), url, kind === 'auto' ? '0' : '1', checkId, ...rest.map((r) => r ?? '')].join(
    '\u0001',
  );
}

/** The task a check result counts for (see the header). */
export function taskOfResult(
  result: Pick<CheckResult, 'checkId' | 'templateId'>,
  matchedTaskIds: readonly string[],
  plan: Plan | null,
): string | null {
  if (SITE_WIDE_CHECKS.has(result.checkId)) return null;
  if (result.templateId && plan) {
    const tasks = planIndex(plan).tasks;
    const naming = matchedTaskIds.find((id) => tasks.get(id)?.elements.some((e) => e.template === result.templateId));
    if (naming) return naming;
  }
  return matchedTaskIds[0] ?? null;
}

/** Checks that apply a rule of the task itself (its frequency or deadline), whatever the page. */
export const TASK_RULE_CHECKS: ReadonlySet<string> = new Set(['column-freshness', 'periodic-coverage']);

/**
 * Whether a result checks something of its task itself — the task's freshness rule, or a template the task names —
 * rather than a generic rule every page gets (no leak, metadata, a template picked by hand or chosen from the labels).
 * Coverage credits a task as passed only on such results (or a person's answers).
 */
export function isTaskSpecific(
  result: Pick<CheckResult, 'checkId' | 'templateId'>,
  taskId: string | null,
  plan: Plan | null,
): boolean {
  if (taskId === null) return false;
  if (TASK_RULE_CHECKS.has(result.checkId)) return true;
  if (!result.templateId || !plan) return false;
  const task = planIndex(plan).tasks.get(taskId);
  return Boolean(task?.elements.some((e) => e.template === result.templateId));
}

function messageText(m: Message | null): string[] {
  return m ? m.args : [];
}

/** The normalised text the findings list searches (see findings-query.ts). */
export function searchText(
  f: Pick<Finding, 'message' | 'details' | 'evidence' | 'missing' | 'note' | 'url' | 'title'>,
): string {
  const pieces = [
    ...messageText(f.message),
    ...f.details.flatMap(messageText),
    ...f.missing.map((m) => m.name),
    ...f.evidence.map((e) => e.text),
    f.note,
    f.url,
    f.title,
  ].filter((p) => p.length > 0);
  return normalizeSearch(pieces.map((p) => p.slice(0, SEARCH_PIECE)).join('\n')).slice(0, SEARCH_LIMIT);
}

/** Script, width and case folded: 政務公開 finds 政务公开, ＡＢＣ finds abc. */
export function normalizeSearch(text: string): string {
  return normalizeText(text).toLowerCase();
}

/** Recomputes the fields that derive from others (status, flags, search text). */
export function withDerived(f: Finding): Finding {
  return {
    ...f,
    status: effectiveStatus(f.machineStatus, f.verdict),
    hasNote: f.note.trim() ? 1 : 0,
    hasScreenshot: f.screenshotIds.length > 0 ? 1 : 0,
    search: searchText(f),
  };
}

export function machineOf(f: Finding): MachineResult | null {
  if (f.machineStatus === null || f.message === null) return null;
  return { status: f.machineStatus, message: f.message, details: f.details, missing: f.missing };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The history with the machine's previous result kept as the version it replaces. */
function withMachineVersion(old: Finding, machine: NonNullable<FindingVersion['machine']>): FindingVersion[] {
  return pushHistory(old.history, { cause: 'machine', rev: old.rev, at: old.updatedAt, by: old.inspector, machine });
}

export function pushHistory(history: readonly FindingVersion[], version: FindingVersion): FindingVersion[] {
  const next = [...history, version];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

export function editsOf(f: Finding): FindingEdits {
  return { verdict: f.verdict, note: f.note, severity: f.severity, rectification: f.rectification };
}

/** True when a person has put anything on the finding. */
export function touchedByPerson(f: Finding): boolean {
  return (
    f.verdict !== null ||
    f.note.trim() !== '' ||
    f.severity !== null ||
    f.rectification !== null ||
    f.screenshotIds.length > 0
  );
}

/* --------------------------------------------------------------------------------------------------------------- */

export interface AutoFindingInput {
  auditId: string;
  page: StoredPage;
  result: CheckResult;
  /** 1 for the first result with this check and template on the page, 2 for a second one … */
  occurrence: number;
  taskId: string | null;
  plan: Plan | null;
  inspector: string;
  at: string;
}

export function autoFindingId(
  auditId: string,
  url: string,
  checkId: string,
  templateId: string | undefined,
  elementId?: string,
  occurrence = 1,
): string {
  return occurrence > 1
    ? stableId('f', auditId, url, checkId, templateId, elementId, String(occurrence))
    : stableId('f', auditId, url, checkId, templateId, elementId);
}

export function autoFinding(input: AutoFindingInput): Finding {
  const { result, page } = input;
  const id = autoFindingId(input.auditId, page.url, result.checkId, result.templateId, undefined, input.occurrence);
  const elements = result.elements ?? [];
  return withDerived({
    id,
    auditId: input.auditId,
    pageId: page.id,
    url: page.url,
    title: page.title,
    taskId: input.taskId,
    taskSpecific: isTaskSpecific(result, input.taskId, input.plan),
    kind: 'auto',
    checkId: result.checkId,
    ...(result.templateId !== undefined ? { templateId: result.templateId } : {}),
    machineStatus: result.status,
    message: result.message,
    details: result.details ?? [],
    evidence: result.evidence,
    elements,
    missing: missingElements(elements),
    verdict: null,
    note: '',
    severity: null,
    rectification: null,
    status: result.status,
    hasNote: 0,
    screenshotIds: [],
    hasScreenshot: 0,
    inspector: input.inspector,
    verdictBy: null,
    verdictAt: null,
    editedBy: null,
    createdAt: input.at,
    updatedAt: input.at,
    rev: 1,
    seq: 0,
    fieldRevs: {},
    history: [],
    sortKey: sortKey(
      taskSeq(input.plan, input.taskId),
      page.url,
      'auto',
      result.checkId,
      result.templateId,
      String(input.occurrence),
    ),
    search: '',
  });
}

/** The re-checked finding, or null when nothing changed (nothing to write). */
export function recheck(old: Finding, fresh: Finding, at: string): Finding | null {
  const machinePart = (f: Finding) => [
    f.url,
    f.title,
    f.taskId,
    f.machineStatus,
    f.message,
    f.details,
    f.evidence,
    f.elements,
    f.sortKey,
    f.taskSpecific,
  ];
  if (same(machinePart(old), machinePart(fresh))) return null;
  const before = machineOf(old);
  const after = machineOf(fresh);
  const history = before && !same(before, after) ? withMachineVersion(old, before) : old.history;
  return withDerived({
    ...old,
    url: fresh.url,
    title: fresh.title,
    pageId: fresh.pageId,
    taskId: fresh.taskId,
    machineStatus: fresh.machineStatus,
    message: fresh.message,
    details: fresh.details,
    evidence: fresh.evidence,
    elements: fresh.elements,
    missing: fresh.missing,
    sortKey: fresh.sortKey,
    ...(fresh.taskSpecific !== undefined ? { taskSpecific: fresh.taskSpecific } : {}),
    inspector: fresh.inspector,
    updatedAt: at,
    rev: old.rev + 1,
    history,
  });
}

/** An automatic finding the re-check did not produce and a person touched: kept, its machine result retired. */
export function retire(old: Finding, by: string, at: string): Finding | null {
  const retired: MachineResult = {
    status: 'not-applicable',
    message: { key: NOT_RECHECKED_MESSAGE_KEY, args: [] },
    details: [],
    missing: [],
  };
  const before = machineOf(old);
  if (before && same(before, retired)) return null;
  return withDerived({
    ...old,
    machineStatus: retired.status,
    message: retired.message,
    details: [],
    evidence: [],
    elements: [],
    missing: [],
    inspector: by,
    updatedAt: at,
    rev: old.rev + 1,
    history: before ? withMachineVersion(old, before) : old.history,
  });
}

/* --------------------------------------------------------------------------------------------------------------- */

export type EditOutcome =
  | { kind: 'unchanged'; finding: Finding }
  /** `merged`: the edit was based on an older rev; other panels' changes (listed in `theirs`) were kept. */
  | { kind: 'saved' | 'merged'; finding: Finding; theirs: EditableField[] }
  /** Nothing of the edit applied; `finding` is the stored one (history now holds the rejected edit). */
  | { kind: 'conflict'; finding: Finding; fields: EditableField[]; mine: Partial<FindingEdits> };

function cleanPatch(patch: Partial<FindingEdits>): Partial<FindingEdits> {
  const out: Partial<FindingEdits> = {};
  for (const field of EDITABLE_FIELDS) {
    if (!(field in patch) || patch[field] === undefined) continue;
    if (field === 'note') out.note = cleanNote(patch.note ?? '');
    else (out as Record<string, unknown>)[field] = patch[field];
  }
  return out;
}

/** Applies a person's edit made on the version `expectedRev` (see the header for the merge rule). */
export function applyEdit(
  current: Finding,
  patch: Partial<FindingEdits>,
  expectedRev: number,
  by: string,
  at: string,
): EditOutcome {
  const clean = cleanPatch(patch);
  const edits = editsOf(current);
  const changed = EDITABLE_FIELDS.filter((f) => f in clean && !same(clean[f], edits[f]));
  if (changed.length === 0) return { kind: 'unchanged', finding: current };
  const mine = Object.fromEntries(changed.map((f) => [f, clean[f]])) as Partial<FindingEdits>;
  const conflicts = changed.filter((f) => (current.fieldRevs[f] ?? 0) > expectedRev);
  const rev = current.rev + 1;
  if (conflicts.length > 0) {
    const finding: Finding = {
      ...current,
      rev,
      updatedAt: at,
      history: pushHistory(current.history, { cause: 'conflict', rev: expectedRev, at, by, edits: mine }),
    };
    return { kind: 'conflict', finding, fields: conflicts, mine };
  }
  const earlier = Object.fromEntries(changed.map((f) => [f, edits[f]])) as Partial<FindingEdits>;
  const hadSomething = changed.some((f) => (f === 'note' ? edits.note !== '' : edits[f] !== null));
  const fieldRevs = { ...current.fieldRevs };
  for (const f of changed) fieldRevs[f] = rev;
  const theirs = EDITABLE_FIELDS.filter((f) => !changed.includes(f) && (current.fieldRevs[f] ?? 0) > expectedRev);
  const finding = withDerived({
    ...current,
    ...mine,
    ...(changed.includes('verdict')
      ? { verdictBy: clean.verdict === null ? null : by, verdictAt: clean.verdict === null ? null : at }
      : {}),
    editedBy: by,
    fieldRevs,
    rev,
    updatedAt: at,
    history: hadSomething
      ? pushHistory(current.history, {
          cause: 'edit',
          rev: current.rev,
          at: current.updatedAt,
          by: current.editedBy ?? current.inspector,
          edits: earlier,
        })
      : current.history,
  });
  return { kind: expectedRev >= current.rev ? 'saved' : 'merged', finding, theirs };
}
