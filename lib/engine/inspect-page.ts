/**
 * The engine: from a page snapshot and the active plan to the whole report the side panel and the command line show —
 * the column and its source, the page kind, the matched tasks, and every check's results. Pure: the caller gives the
 * time, the plan, the templates and any pin or hand-picked templates.
 */
import { CHECKS_BY_ID } from '../checks/registry';
import type { CheckContext, CheckResult, MatchedTask, Message, PageKind } from '../checks/types';
import type { ElementTemplate, Plan, Task } from '../plan/model';
import type { LexiconAlias } from '../lexicon/lexicon';
import type { PageSnapshot, Truncation } from '../snapshot/types';
import { columnLocation, detectColumn, type ColumnInfo } from './column';
import { matchLocation, noTaskReason } from './match-tasks';
import { detectPageKind } from './page-kind';
import { selectChecks, type PlannedCheck } from './select-checks';

export interface InspectOptions {
  plan: Plan | null;
  templates: ReadonlyMap<string, ElementTemplate>;
  now: Date;
  pinnedTaskIds?: readonly string[];
  pickedTemplateIds?: readonly string[];
  /** The county's local column names (options page), for the matcher. */
  columnAliases?: readonly LexiconAlias[];
  /** Run only these templates (plus the page-level checks): the webmaster's hand-picked self-check. */
  onlyPicked?: boolean;
}

export interface PageReport {
  url: string;
  title: string;
  column: ColumnInfo;
  pageKind: PageKind;
  tasks: MatchedTask[];
  /** Why no task was proposed (known kind no task governs, a container, an unknown name); absent when tasks were. */
  noTask?: Message;
  results: CheckResult[];
  /** Parts of the page the snapshot's caps cut short (see truncationMessages): the report covers only what was read. */
  truncation?: Truncation[];
  /** Parts of the page that could not be read at all — frames (their `src`) and shadow roots (their host) — present only
   * when there are some: their content was not checked, and every view says so. */
  unread?: { frames: string[]; shadowRoots: string[] };
}

/**
 * The report's tasks that govern the page — its checks, its checklist, where its findings are filed: none when they
 * were proposed only tentatively (they mention its kind of column in their requirements; `noTask` says so), until a
 * person pins one.
 */
export function governingTasks(report: Pick<PageReport, 'tasks' | 'noTask'>): MatchedTask[] {
  return report.noTask?.key === 'matchTentative' ? [] : report.tasks;
}

function runPlanned(check: PlannedCheck, snapshot: PageSnapshot, context: CheckContext): CheckResult[] {
  const implementation = CHECKS_BY_ID.get(check.checkId);
  if (!implementation) throw new Error(`No check is registered as ${check.checkId}`);
  return implementation.run(snapshot, check.params, context);
}

/**
 * The snapshot's caps, less the sentence cap where it changed nothing: it matters only when an element that may be
 * printed in prose (a template element with `prose` or `attachmentText`) was looked for and not found.
 */
function truncationThatMatters(
  snapshot: PageSnapshot,
  results: readonly CheckResult[],
  templates: ReadonlyMap<string, ElementTemplate>,
): Truncation[] {
  if (!snapshot.truncation.some((t) => t.part === 'sentences')) return snapshot.truncation;
  const lookedFor = results.some((r) => {
    const template = r.templateId === undefined ? undefined : templates.get(r.templateId);
    return (r.elements ?? []).some((e) => {
      if (e.status !== 'missing') return false;
      const element = template?.elements.find((el) => el.id === e.id);
      return (element?.prose?.length ?? 0) > 0 || (element?.attachmentText?.length ?? 0) > 0;
    });
  });
  return lookedFor ? snapshot.truncation : snapshot.truncation.filter((t) => t.part !== 'sentences');
}

export function inspectPage(snapshot: PageSnapshot, options: InspectOptions): PageReport {
  const column = detectColumn(snapshot);
  const pageKind = detectPageKind(snapshot);
  const plan = options.plan;
  const location = columnLocation(snapshot);
  const match = plan
    ? matchLocation(plan, location, {
        pageTitle: snapshot.heading ?? snapshot.title,
        ...(options.pinnedTaskIds ? { pinnedTaskIds: options.pinnedTaskIds } : {}),
        ...(options.columnAliases ? { aliases: options.columnAliases } : {}),
      })
    : null;
  const tasks = match?.tasks ?? [];
  const noTask = match ? noTaskReason(match, location) : null;
  // A tentative answer (its tasks only mention this kind of column in their requirements) is shown with its note but
  // governs nothing: no task's period, template or checklist is applied on a guess (as recording files it under no task).
  const governing = governingTasks({ tasks, ...(noTask ? { noTask } : {}) });
  const taskObjects = governing
    .map((m) => plan!.tasks.find((t) => t.id === m.taskId))
    .filter((t): t is Task => t !== undefined);
  const context: CheckContext = { now: options.now, plan, templates: options.templates, tasks: taskObjects, pageKind };
  let planned = selectChecks(
    snapshot,
    pageKind,
    column.name,
    taskObjects,
    options.templates,
    options.pickedTemplateIds ?? [],
  );
  if (options.onlyPicked) {
    planned = planned.filter((c) => c.templateId === undefined || c.why === 'picked');
  }
  const results = planned.flatMap((check) => runPlanned(check, snapshot, context));
  return {
    url: snapshot.url,
    title: snapshot.title,
    column,
    pageKind,
    tasks,
    ...(noTask ? { noTask } : {}),
    results,
    truncation: truncationThatMatters(snapshot, results, options.templates),
    ...(snapshot.frames.unreadable.length || snapshot.shadowRoots.unread.length
      ? { unread: { frames: snapshot.frames.unreadable.slice(), shadowRoots: snapshot.shadowRoots.unread.slice() } }
      : {}),
  };
}
