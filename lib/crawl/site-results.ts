/**
 * The site-level outcome of a patrol as check results, so it lands in the audit beside the browsed pages (findings
 * list, every export): one `site-veto` result per veto (fail when triggered, pass when clear, not-applicable when the
 * crawl saw nothing to judge by; each evidence line a detail), one `dead-link` result per confirmed dead link (fail)
 * and per suspected one (needs-review), naming the pages it was found on, and one `column-status` result per column
 * (fail: stale, blank, undated; needs-review: unknown, a script-built list; pass: fresh, blank-explained;
 * not-applicable: no rule). They are attached to the home page's report (the Excel export lists them in its
 * 栏目更新情况 and 链接检查 sheets).
 */
import type { CheckResult } from '../checks/types';
import { message } from '../checks/types';
import type { ColumnRecord } from './column-tree';
import type { IndicatorSet } from './indicators';
import type { LinkRow } from './link-registry';
import type { Veto } from './site-verdict';

const MAX_DETAILS = 50;

const COLUMN_RESULT: Record<ColumnRecord['status'], CheckResult['status']> = {
  stale: 'fail',
  blank: 'fail',
  undated: 'fail',
  unknown: 'needs-review',
  fresh: 'pass',
  'blank-explained': 'pass',
  'no-rule': 'not-applicable',
};

export function siteResults(
  set: IndicatorSet,
  vetoes: readonly Veto[],
  dead: LinkRow[],
  suspected: LinkRow[],
  columns: readonly ColumnRecord[] = [],
) {
  const out: CheckResult[] = [];
  for (const c of columns)
    out.push({
      checkId: 'column-status',
      // Past the product's default rule only (no 19号 limit, no plan period): a person decides.
      status: c.rule?.isDefault && c.status === 'stale' ? 'needs-review' : COLUMN_RESULT[c.status],
      message: message(
        'patrolColumnStatus',
        c.path.join(' > '),
        c.status,
        c.latest ?? '—',
        c.items,
        c.rule ? `${c.rule.label} ${c.rule.maxDays}` : '—',
        c.url,
      ),
      evidence: [],
      ...(c.explanation ? { details: [message('patrolEvidence', c.explanation)] } : {}),
    });
  for (const v of vetoes) {
    const name = `${v.id} ${set.vetoes[v.id].name}`;
    const key = !v.decided ? 'patrolVetoUndecided' : v.triggered ? 'patrolVetoTriggered' : 'patrolVetoClear';
    out.push({
      checkId: 'site-veto',
      status: !v.decided ? 'not-applicable' : v.triggered ? 'fail' : 'pass',
      message: message(key, name, v.threshold, set.ref),
      evidence: [],
      details: v.evidence.slice(0, MAX_DETAILS).map((e) => message('patrolEvidence', e)),
    });
  }
  for (const l of dead)
    out.push({
      checkId: 'dead-link',
      status: 'fail',
      message: message('patrolDeadLink', l.url, String(l.status), String(l.foundCount), l.foundOn.join(' ')),
      evidence: [],
    });
  for (const l of suspected)
    out.push({
      checkId: 'dead-link',
      status: 'needs-review',
      message: message('patrolSuspectedLink', l.url, l.detail, l.foundOn.join(' ')),
      evidence: [],
    });
  return out;
}
