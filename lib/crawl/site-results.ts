/**
 * The site-level outcome of a patrol as check results, so it lands in the audit beside the browsed pages (findings
 * list, every export): one `site-veto` result per veto (fail when triggered, pass when clear, not-applicable when the
 * crawl saw nothing to judge by; each evidence line a detail), one `dead-link` result per confirmed dead link (fail)
 * and per suspected one (needs-review), naming the pages it was found on. They are attached to the home page's report.
 */
import type { CheckResult } from '../checks/types';
import { message } from '../checks/types';
import type { IndicatorSet } from './indicators';
import type { LinkRow } from './link-registry';
import type { Veto } from './site-verdict';

const MAX_DETAILS = 50;

export function siteResults(set: IndicatorSet, vetoes: readonly Veto[], dead: LinkRow[], suspected: LinkRow[]) {
  const out: CheckResult[] = [];
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
