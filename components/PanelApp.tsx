/** The side panel: the page being inspected — its column, the plan tasks that apply, the automatic checks — read again whenever the tab loads a new page. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ElementResult } from '@/lib/checks/types';
import { inspectPage } from '@/lib/engine/inspect-page';
import { t } from '@/lib/i18n';
import { browser } from 'wxt/browser';
import { sendPageToPlanImport } from '@/lib/panel/pending-import';
import { useActivePlan } from '@/lib/panel/use-active-plan';
import { revealInTab } from '@/lib/panel/read-tab';
import { clearHighlights, overlayFor, showHighlights } from '@/lib/panel/highlights';
import { useInspectedPage } from '@/lib/panel/use-inspected-page';
import { CheckResults } from './CheckResults';
import { ColumnView } from './ColumnView';
import { PageDescriptionView } from './PageDescriptionView';
import { ReadLimits, ReadProblem } from './ReadProblem';
import { TaskList } from './TaskList';
import { AuditBar } from './AuditBar';
import { lazyView } from './LazyView';
import { ManualChecklist } from './ManualChecklist';
import { PinControl } from './PinControl';
import { Screenshots } from './Screenshots';
import { describeStorageFailure } from './storage-failure';
import { detectColumn } from '@/lib/engine/column';
import { captureTab } from '@/lib/panel/capture';
import { originOf } from '@/lib/panel/read-tab';
import { useAudit } from '@/lib/panel/use-audit';
import { useAuditPlan } from '@/lib/panel/use-audit-plan';
import { usePickedTemplates } from '@/lib/panel/use-picked-templates';
import { PlanLine } from './PlanLine';
import { usePageRecord } from '@/lib/panel/use-page-record';
import { useColumnAliases } from '@/lib/panel/use-column-aliases';
import { usePin } from '@/lib/panel/use-pin';
import type { Task } from '@/lib/plan/model';
import { database, type Finding, type Verdict } from '@/lib/storage/db';
import { MANUAL_CHECKLIST_CHECK } from '@/lib/storage/finding-record';
import { recordManualItem, setVerdict, updateFinding } from '@/lib/storage/findings';
import { clearPin, setPin } from '@/lib/storage/pins';
import { addScreenshot, linkScreenshot } from '@/lib/storage/screenshots';
import { TemplatePicker } from './TemplatePicker';
import type { CheckResult } from '@/lib/checks/types';

// Views not shown at open load when first shown.
const SelfCheckView = lazyView(() => import('./selfcheck/SelfCheckView').then((m) => m.SelfCheckView));
const CoverageView = lazyView(() => import('./CoverageView').then((m) => m.CoverageView));
const FindingsList = lazyView(() => import('./FindingsList').then((m) => m.FindingsList));

const ORDER: Record<CheckResult['status'], number> = { fail: 0, 'needs-review': 1, pass: 2, 'not-applicable': 3 };

/** Problems first: fail, needs review, pass, not applicable (stable within each). */
function sortResults(results: CheckResult[]): CheckResult[] {
  return results
    .map((r, i) => [r, i] as const)
    .sort((a, b) => ORDER[a[0].status] - ORDER[b[0].status] || a[1] - b[1])
    .map(([r]) => r);
}

export function PanelApp({ fixedTabId }: { fixedTabId: number | undefined }) {
  const { status, result, stale, refresh } = useInspectedPage(fixedTabId);
  const active = useActivePlan();
  const audit = useAudit();
  const auditPlan = useAuditPlan(audit.active, active);
  const snapshot = result?.ok ? result.page : null;
  // Templates picked by hand belong to the page they were picked on (null while read).
  const { picked, setPicked } = usePickedTemplates(snapshot?.url ?? null);
  const origin = snapshot ? originOf(snapshot.url) : null;
  const columnName = useMemo(() => (snapshot ? detectColumn(snapshot).name : null), [snapshot]);
  const pinned = usePin(origin, columnName);
  const columnAliases = useColumnAliases();
  const [capturing, setCapturing] = useState(false);
  const [view, setView] = useState<'page' | 'coverage' | 'findings'>('page');
  const [mode, setMode] = useState<'inspect' | 'self'>('inspect');
  const [taskFilter, setTaskFilter] = useState<string | undefined>(undefined);
  const [captureProblem, setCaptureProblem] = useState<string | null>(null);
  const [highlight, setHighlight] = useState(false);
  const [drawn, setDrawn] = useState<{ found: number; missing: number } | null>(null);
  const sameSite = Boolean(audit.active && origin && audit.active.origin === origin);
  // Inside an audit, its own plan: switching the active plan never re-files an audit's findings.
  const checking = audit.active ? auditPlan : active;
  const report = useMemo(
    () =>
      result?.ok && picked
        ? inspectPage(result.page, {
            plan: checking.plan,
            templates: checking.templates,
            now: new Date(),
            pickedTemplateIds: picked,
            ...(pinned ? { pinnedTaskIds: pinned } : {}),
            columnAliases,
          })
        : null,
    [result, checking, picked, pinned, columnAliases],
  );
  const recordable = sameSite && !auditPlan.missing && !auditPlan.loading;
  const record = usePageRecord(audit.active, audit.inspector, report, snapshot, recordable);
  const matchedTasks = (report?.tasks ?? [])
    .map((m) => checking.plan.tasks.find((x) => x.id === m.taskId))
    .filter((x): x is Task => x !== undefined);
  const db = database();
  const capture = async () => {
    if (!result?.ok || !audit.active) return;
    setCapturing(true);
    setCaptureProblem(null);
    const shot = await captureTab(result.tabId, t('screenshotFooter'));
    try {
      if (!shot.ok) setCaptureProblem(t('captureFailed', shot.detail));
      else {
        const saved = await addScreenshot(db, audit.active.id, shot.capture.blob, {
          url: shot.capture.url,
          width: shot.capture.width,
          height: shot.capture.height,
          capturedAt: shot.capture.capturedAt,
        });
        // A capture is evidence for the page's open problems: link it to every finding of the page not judged a pass.
        for (const finding of record.findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable'))
          await linkScreenshot(db, finding.id, saved.id);
      }
    } catch (error) {
      setCaptureProblem(describeStorageFailure(error));
    } finally {
      setCapturing(false);
    }
  };
  // Ready once the page is checked (the templates picked for it are read first).
  const state = status === 'loading' && !result ? 'loading' : result?.ok ? (report ? 'ready' : 'loading') : 'problem';
  const tabId = result?.ok ? result.tabId : undefined;
  useEffect(() => {
    if (tabId === undefined || !report) return;
    if (highlight) {
      const overlay = overlayFor(
        report,
        { present: audit.colors.present, empty: audit.colors.empty, missing: audit.colors.problem },
        t('highlightMissingTitle'),
      );
      void showHighlights(tabId, overlay).then((found) => setDrawn({ found, missing: overlay.missing.length }));
    } else {
      setDrawn(null);
      void clearHighlights(tabId);
    }
  }, [highlight, report, tabId, audit.colors]);
  useEffect(() => {
    // The keyboard shortcut (commands) arrives through the background page.
    const onMessage = (message: unknown) => {
      if (
        (message as { type?: string; command?: string } | null)?.type === 'gongkai/command' &&
        (message as { command: string }).command === 'toggle-highlights'
      )
        setHighlight((on) => !on);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  const reveal = (element: ElementResult) =>
    result?.ok && element.locator
      ? revealInTab(
          result.tabId,
          element.locator,
          element.status === 'present' ? 'present' : element.status === 'empty' ? 'empty' : 'problem',
        )
      : Promise.resolve(false);
  return (
    <main class="panel" data-state={state} aria-busy={status === 'loading'}>
      <header class="panel-header">
        <h1>{t('panelTitle')}</h1>
        <span class="row-buttons">
          <button
            type="button"
            aria-pressed={highlight}
            data-action="toggle-highlights"
            onClick={() => setHighlight(!highlight)}
            disabled={!result?.ok}
          >
            {highlight ? t('highlightOff') : t('highlightOn')}
          </button>
          <button type="button" onClick={() => void refresh()} disabled={status === 'loading'}>
            {t('panelRefresh')}
          </button>
        </span>
      </header>
      <div class="tabs mode" role="tablist" aria-label={t('panelTitle')}>
        {(['inspect', 'self'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} data-mode={m} onClick={() => setMode(m)}>
            {t(m === 'inspect' ? 'modeInspect' : 'modeSelfCheck')}
          </button>
        ))}
      </div>
      <PlanLine
        plan={mode === 'inspect' && audit.active ? auditPlan.plan : active.plan}
        activePlan={active.plan}
        bound={mode === 'inspect' && auditPlan.differs && !auditPlan.missing}
        missing={mode === 'inspect' && auditPlan.missing}
      >
        <button
          type="button"
          class="link"
          data-action="open-patrol"
          onClick={() =>
            void browser.tabs.create({
              url:
                browser.runtime.getURL('/patrol.html') +
                (audit.active ? `?start=${encodeURIComponent(`${audit.active.origin}/`)}` : ''),
            })
          }
        >
          {t('patrolOpen')}
        </button>
      </PlanLine>
      {stale && (
        <p class="stale" role="status">
          {t('panelStale')}
        </p>
      )}
      {highlight && drawn && (
        <p class="hint" role="status" data-field="highlight-status" data-found={drawn.found}>
          {t('highlightStatus', [String(drawn.found), String(drawn.missing)])}
        </p>
      )}
      {!result && <p role="status">{t('panelLoading')}</p>}
      {result && !result.ok && (
        <ReadProblem problem={result} onGranted={() => void refresh()} onRetry={() => void refresh()} />
      )}
      {mode === 'self' && <SelfCheckView snapshot={snapshot} plan={active.plan} templates={active.templates} />}
      {mode === 'inspect' && (
        <>
          <AuditBar
            state={audit}
            origin={origin}
            planId={active.plan.id}
            siteName={snapshot?.metaTags.SiteName ?? null}
          />
          {record.recorded && (
            <p class="hint" role="status" data-field="recorded">
              {t('auditRecorded', [String(record.recorded.created), String(record.recorded.updated)])}
            </p>
          )}
          {record.error !== null && (
            <p class="problem" role="alert">
              {describeStorageFailure(record.error)}
            </p>
          )}
          {audit.active && (
            <div class="tabs" role="tablist">
              {(['page', 'coverage', 'findings'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  data-tab={v}
                  onClick={() => setView(v)}
                >
                  {t(v === 'page' ? 'tabPage' : v === 'coverage' ? 'tabCoverage' : 'tabFindings')}
                </button>
              ))}
            </div>
          )}
          {audit.active && view === 'coverage' && (
            <CoverageView
              auditId={audit.active.id}
              plan={auditPlan.plan}
              onTask={(id) => {
                setTaskFilter(id);
                setView('findings');
              }}
            />
          )}
          {audit.active && view === 'findings' && (
            <FindingsList
              auditId={audit.active.id}
              auditName={audit.active.name}
              plan={auditPlan.plan}
              {...(taskFilter ? { initialTaskId: taskFilter } : {})}
            />
          )}
          {(view === 'page' || !audit.active) && (
            <>
              {result?.ok && report && (
                <>
                  <ReadLimits truncation={report.truncation} />
                  <ColumnView column={report.column} pageKind={report.pageKind} />
                  {origin && report.column.name && (
                    <PinControl
                      plan={checking.plan}
                      column={report.column.name}
                      pinned={pinned}
                      onPin={(id) =>
                        void (id
                          ? setPin(db, origin, report.column.name!, [id])
                          : clearPin(db, origin, report.column.name!))
                      }
                    />
                  )}
                  <TaskList plan={checking.plan} tasks={report.tasks} why={report.noTask} />
                  <CheckResults
                    results={sortResults(report.results)}
                    templates={checking.templates}
                    onReveal={reveal}
                    onLocate={(locator) => revealInTab(result.tabId, locator, 'problem')}
                    {...(record.pageId
                      ? {
                          findingFor: (r: CheckResult) =>
                            record.findings.find(
                              (f) =>
                                f.kind === 'auto' &&
                                f.checkId === r.checkId &&
                                (f.templateId ?? '') === (r.templateId ?? ''),
                            ),
                          onVerdict: (f: Finding, v: Verdict | null, n: string | undefined) =>
                            setVerdict(db, f.id, v, n, f.rev),
                          onPatch: (f: Finding, patch: Partial<Pick<Finding, 'severity' | 'rectification'>>) =>
                            void updateFinding(db, f.id, patch, f.rev).catch((e: unknown) =>
                              setCaptureProblem(describeStorageFailure(e)),
                            ),
                        }
                      : {})}
                  />
                  {record.pageId && (
                    <ManualChecklist
                      tasks={matchedTasks}
                      answers={record.findings.filter((f) => f.checkId === MANUAL_CHECKLIST_CHECK)}
                      onAnswer={(task, clauseId, v, n, rev) =>
                        recordManualItem(
                          db,
                          audit.active!.id,
                          record.pageId,
                          task.id,
                          clauseId,
                          v,
                          n,
                          rev === undefined ? {} : { expectedRev: rev },
                        )
                      }
                    />
                  )}
                  {record.pageId && (
                    <Screenshots shots={record.screenshots} onCapture={() => void capture()} busy={capturing} />
                  )}
                  {captureProblem && (
                    <p class="problem" role="alert">
                      {captureProblem}
                    </p>
                  )}
                  <TemplatePicker
                    templates={checking.templates}
                    picked={picked ?? []}
                    onChange={(ids) =>
                      void setPicked(ids).catch((e: unknown) => setCaptureProblem(describeStorageFailure(e)))
                    }
                  />
                  <p>
                    <button
                      type="button"
                      class="link"
                      data-action="import-plan"
                      onClick={() => void sendPageToPlanImport(result.tabId)}
                    >
                      {t('panelImportPlan')}
                    </button>
                  </p>
                  <details class="page-details">
                    <summary>{t('sectionPage')}</summary>
                    <PageDescriptionView page={result.page} />
                  </details>
                </>
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}
