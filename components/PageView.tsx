/**
 * The page in front, inspected: column, tasks, automatic results with verdicts, the manual checklist, screenshots,
 * templates picked by hand — and its recording into the audit. Loaded after the panel's first paint (it holds the
 * checking engine and opencc's tables), and kept mounted while the panel shows another view so recording goes on.
 * Tells the panel when the page is checked (`onChecked`), which the panel shows as `data-state="ready"`.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { CheckResult, ElementResult } from '@/lib/checks/types';
import { sortProblemsFirst } from '@/lib/checks/order';
import { t } from '@/lib/i18n';
import { sendPageToPlanImport } from '@/lib/panel/pending-import';
import { revealInTab } from '@/lib/panel/read-tab';
import { answerManualItem, editFinding, judgeFinding, pinColumn } from '@/lib/panel/storage-actions';
import { useCapture } from '@/lib/panel/use-capture';
import type { AuditState } from '@/lib/panel/use-audit';
import { usePageHighlights } from '@/lib/panel/use-page-highlights';
import { usePageRecord } from '@/lib/panel/use-page-record';
import { usePageReport } from '@/lib/panel/use-page-report';
import { governingTasks } from '@/lib/engine/inspect-page';
import type { Task } from '@/lib/plan/model';
import type { PageSnapshot } from '@/lib/snapshot/types';
import type { ActivePlan } from '@/lib/storage/plans';
import { MANUAL_CHECKLIST_CHECK } from '@/lib/storage/finding-record';
import { CheckResults } from './CheckResults';
import { ColumnView } from './ColumnView';
import { LiveFailure } from './Live';
import { ManualChecklist } from './ManualChecklist';
import { PageDescriptionView } from './PageDescriptionView';
import { PinControl } from './PinControl';
import { ReadLimits } from './ReadProblem';
import { Screenshots } from './Screenshots';
import { describeStorageFailure } from '@/lib/panel/storage-failure';
import { TaskList } from './TaskList';
import { TemplatePicker } from './TemplatePicker';

export interface PageViewProps {
  tabId: number;
  page: PageSnapshot;
  /** The plan the page is checked against (the audit's own inside an audit). */
  checking: ActivePlan;
  audit: AuditState;
  /** The page belongs to the active audit's site and its plan is there: record it. */
  recordable: boolean;
  highlight: boolean;
  /** What of this view the panel shows: nothing (self-check), the recording status only, or all. */
  show: 'none' | 'status' | 'all';
  onChecked: (checked: boolean) => void;
}

const tone = (e: ElementResult) => (e.status === 'present' ? 'present' : e.status === 'empty' ? 'empty' : 'problem');

export function PageView({ tabId, page, checking, audit, recordable, highlight, show, onChecked }: PageViewProps) {
  const check = usePageReport(page, checking, tabId);
  const { report, origin, pinned, picked } = check;
  const record = usePageRecord(audit.active, audit.inspector, report, page, recordable);
  const drawn = usePageHighlights(tabId, report, highlight, audit.colors);
  const [problem, setProblem] = useState<string | null>(null);
  const guard = (write: Promise<unknown>) => void write.catch((e: unknown) => setProblem(describeStorageFailure(e)));
  const capture = useCapture(tabId, audit.active?.id ?? null, record.findings);
  useLayoutEffect(() => onChecked(report !== null), [report, onChecked]);
  // The checklist of the tasks that govern the page: none for a tentative answer (its tasks only mention the column).
  const matchedTasks = (report ? governingTasks(report) : [])
    .map((m) => checking.plan.tasks.find((x) => x.id === m.taskId))
    .filter((x): x is Task => x !== undefined);
  const findingFor = (r: CheckResult) =>
    record.findings.find(
      (f) => f.kind === 'auto' && f.checkId === r.checkId && (f.templateId ?? '') === (r.templateId ?? ''),
    );
  const column = report?.column.name;
  return (
    <>
      {drawn && (
        <p class="hint" role="status" data-field="highlight-status" data-found={drawn.found}>
          {t('highlightStatus', [String(drawn.found), String(drawn.missing)])}
        </p>
      )}
      {show !== 'none' && record.recorded && (
        <p class="hint" role="status" data-field="recorded">
          {t('auditRecorded', [String(record.recorded.created), String(record.recorded.updated)])}
        </p>
      )}
      {show !== 'none' && record.error !== null && <LiveFailure error={record.error} />}
      {show !== 'none' && check.readFailure !== null && <LiveFailure error={check.readFailure} />}
      {show === 'all' && report && (
        <>
          <ReadLimits truncation={report.truncation} />
          <ColumnView column={report.column} pageKind={report.pageKind} />
          {origin && column && (
            <PinControl
              plan={checking.plan}
              column={column}
              pinned={pinned}
              onPin={(id) => guard(pinColumn(origin, column, id))}
            />
          )}
          <TaskList plan={checking.plan} tasks={report.tasks} why={report.noTask} />
          <CheckResults
            results={sortProblemsFirst(report.results)}
            templates={checking.templates}
            onReveal={(e) => (e.locator ? revealInTab(tabId, e.locator, tone(e)) : Promise.resolve(false))}
            onLocate={(locator) => revealInTab(tabId, locator, 'problem')}
            {...(record.pageId
              ? { findingFor, onVerdict: judgeFinding, onPatch: (f, patch) => guard(editFinding(f, patch)) }
              : {})}
          />
          {record.pageId && audit.active && (
            <ManualChecklist
              tasks={matchedTasks}
              answers={record.findings.filter((f) => f.checkId === MANUAL_CHECKLIST_CHECK)}
              onAnswer={answerManualItem.bind(null, audit.active.id, record.pageId)}
            />
          )}
          {record.pageId && <Screenshots shots={record.screenshots} onCapture={capture.run} busy={capture.busy} />}
          {(capture.problem ?? problem) && (
            <p class="problem" role="alert">
              {capture.problem ?? problem}
            </p>
          )}
          <TemplatePicker
            templates={checking.templates}
            picked={picked ?? []}
            onChange={(ids) => guard(check.setPicked(ids))}
          />
          <p>
            <button
              type="button"
              class="link"
              data-action="import-plan"
              onClick={() => void sendPageToPlanImport(tabId)}
            >
              {t('panelImportPlan')}
            </button>
          </p>
          <details class="page-details">
            <summary>{t('sectionPage')}</summary>
            <PageDescriptionView page={page} />
          </details>
        </>
      )}
    </>
  );
}
