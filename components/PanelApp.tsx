/**
 * The side panel: the page being inspected, read again whenever the tab loads a new page, in two modes — inspecting
 * (audit bar; the page, coverage and findings views) and the webmaster's self-check. This file only lays the panel
 * out and holds which mode and view are shown; the page view (engine and recording), coverage, findings and
 * self-check load when first shown (LazyView), so the panel paints before the engine arrives.
 */
import { useCallback, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { originOf } from '@/lib/panel/read-tab';
import { useActivePlan } from '@/lib/panel/use-active-plan';
import { useAudit } from '@/lib/panel/use-audit';
import { useAuditPlan } from '@/lib/panel/use-audit-plan';
import { useHighlightToggle } from '@/lib/panel/use-highlight-toggle';
import { useInspectedPage } from '@/lib/panel/use-inspected-page';
import { AuditBar } from './AuditBar';
import { lazyView } from './LazyView';
import { PanelHeader } from './PanelHeader';
import { PatrolLink } from './PatrolLink';
import { PlanLine } from './PlanLine';
import { ReadProblem } from './ReadProblem';
import { Tabs } from './Tabs';
import { AuditViews, type AuditView } from './AuditViews';

// The page view is shown at open: fetched while the panel paints.
const PageView = lazyView(() => import('./PageView').then((m) => m.PageView), { eager: true });
const SelfCheckView = lazyView(() => import('./selfcheck/SelfCheckView').then((m) => m.SelfCheckView));

const MODES = ['inspect', 'self'] as const;

export function PanelApp({ fixedTabId }: { fixedTabId: number | undefined }) {
  const { status, result, stale, refresh } = useInspectedPage(fixedTabId);
  const active = useActivePlan();
  const audit = useAudit();
  const auditPlan = useAuditPlan(audit.active, active);
  const [mode, setMode] = useState<(typeof MODES)[number]>('inspect');
  const [view, setView] = useState<AuditView>('page');
  const [highlight, toggleHighlight] = useHighlightToggle();
  const [checked, setChecked] = useState(false);
  const onChecked = useCallback((done: boolean) => setChecked(done), []);
  const snapshot = result?.ok ? result.page : null;
  const origin = snapshot ? originOf(snapshot.url) : null;
  const inspecting = mode === 'inspect';
  const shownAudit = inspecting ? audit.active : null;
  // Inside an audit, its own plan: switching the active plan never re-files an audit's findings.
  const checking = audit.active ? auditPlan : active;
  const recordable = origin !== null && audit.active?.origin === origin && !auditPlan.missing && !auditPlan.loading;
  const state = status === 'loading' && !result ? 'loading' : result?.ok ? (checked ? 'ready' : 'loading') : 'problem';
  return (
    <main class="panel" data-state={state} aria-busy={status === 'loading'}>
      <PanelHeader
        highlight={highlight}
        onHighlight={toggleHighlight}
        canHighlight={Boolean(result?.ok)}
        onRefresh={() => void refresh()}
        reading={status === 'loading'}
      />
      <Tabs
        values={MODES}
        labels={{ inspect: 'modeInspect', self: 'modeSelfCheck' }}
        value={mode}
        onChange={setMode}
        attr="data-mode"
        className="tabs mode"
        label={t('panelTitle')}
      />
      <PlanLine
        plan={inspecting && audit.active ? auditPlan.plan : active.plan}
        activePlan={active.plan}
        bound={inspecting && auditPlan.differs && !auditPlan.missing}
        missing={inspecting && auditPlan.missing}
      >
        <PatrolLink origin={audit.active?.origin ?? null} />
      </PlanLine>
      {stale && (
        <p class="stale" role="status">
          {t('panelStale')}
        </p>
      )}
      {!result && <p role="status">{t('panelLoading')}</p>}
      {result && !result.ok && <ReadProblem problem={result} onGranted={refresh} onRetry={refresh} />}
      {!inspecting && <SelfCheckView snapshot={snapshot} plan={active.plan} templates={active.templates} />}
      {inspecting && (
        <AuditBar
          state={audit}
          origin={origin}
          planId={active.plan.id}
          siteName={snapshot?.metaTags.SiteName ?? null}
        />
      )}
      <AuditViews audit={shownAudit} plan={auditPlan.plan} view={view} onView={setView}>
        {result?.ok && (
          <PageView
            tabId={result.tabId}
            page={result.page}
            checking={checking}
            audit={audit}
            recordable={recordable}
            highlight={highlight}
            show={!inspecting ? 'none' : view === 'page' || !shownAudit ? 'all' : 'status'}
            onChecked={onChecked}
          />
        )}
      </AuditViews>
    </main>
  );
}
