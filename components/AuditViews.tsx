/**
 * Inside an audit, the choice of view — the page in front, the plan's coverage, the findings list — with `children`
 * (the page view, which keeps recording while hidden) between the tabs and the other views. Choosing a task in the
 * coverage opens the findings list filtered on it. Coverage and findings load when first shown.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Plan } from '@/lib/plan/model';
import type { Audit } from '@/lib/storage/types';
import { lazyView } from './LazyView';
import { Tabs } from './Tabs';

const CoverageView = lazyView(() => import('./CoverageView').then((m) => m.CoverageView));
const FindingsList = lazyView(() => import('./FindingsList').then((m) => m.FindingsList));

export const AUDIT_VIEWS = ['page', 'coverage', 'findings'] as const;
export type AuditView = (typeof AUDIT_VIEWS)[number];

export function AuditViews(props: {
  audit: Audit | null;
  plan: Plan;
  view: AuditView;
  onView: (view: AuditView) => void;
  children: ComponentChildren;
}) {
  const { audit, plan, view, onView } = props;
  const [taskFilter, setTaskFilter] = useState<string | undefined>(undefined);
  if (!audit) return <>{props.children}</>;
  return (
    <>
      <Tabs
        values={AUDIT_VIEWS}
        labels={{ page: 'tabPage', coverage: 'tabCoverage', findings: 'tabFindings' }}
        value={view}
        onChange={onView}
        attr="data-tab"
        className="tabs"
      />
      {props.children}
      {view === 'coverage' && (
        <CoverageView
          auditId={audit.id}
          plan={plan}
          onTask={(id) => {
            setTaskFilter(id);
            onView('findings');
          }}
        />
      )}
      {view === 'findings' && (
        <FindingsList
          auditId={audit.id}
          auditName={audit.name}
          plan={plan}
          {...(taskFilter ? { initialTaskId: taskFilter } : {})}
        />
      )}
    </>
  );
}
