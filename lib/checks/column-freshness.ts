/**
 * Check `column-freshness`: is a list page's newest item recent enough for the column's rules (see freshness-rules)?
 * A blank column (暂无信息, or nothing listed) fails; undated items count as not updated (a list with no dated item
 * fails); a newest date in the future needs review. Runs on list pages only.
 * Decides against the strictest applicable rule; with no rule it reports the newest date as not applicable.
 * Does not follow pagination or fetch other pages.
 */
import type { Evidence } from '../snapshot/types';
import type { Check, CheckResult } from './types';
import { message } from './types';
import { freshnessRules } from './freshness-rules';

export interface FreshnessParams {
  columnName: string | null;
}

const DAY = 86_400_000;

export function daysBetween(isoDate: string, now: Date): number {
  const then = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((today - then) / DAY);
}

export const columnFreshness: Check<FreshnessParams> = {
  id: 'column-freshness',
  appliesTo: {
    pageKinds: ['list'],
    needs: ['columnName'],
    runs: (page) => [{ params: { columnName: page.columnName } }],
  },
  run(snapshot, params, context) {
    const base = { checkId: 'column-freshness', evidence: [] as Evidence[] };
    if (context.pageKind !== 'list')
      return [{ ...base, status: 'not-applicable', message: message('checkFreshnessNotList') }];
    const items = snapshot.listItems;
    if (items.length === 0) {
      return [
        {
          ...base,
          status: 'fail',
          message: message('checkFreshnessBlank'),
          evidence: snapshot.blankSignals.slice(0, 1),
        },
      ];
    }
    const dated = items.filter((i) => i.date !== null).sort((a, b) => (a.date! < b.date! ? 1 : -1));
    const undated = items.length - dated.length;
    const newest = dated[0];
    if (!newest)
      return [
        {
          ...base,
          status: 'fail',
          message: message('checkFreshnessUndated', items.length),
          evidence: items.slice(0, 1).map((i) => ({ text: i.title, locator: i.locator })),
        },
      ];
    const age = daysBetween(newest.date!, context.now);
    const evidence = [{ text: `${newest.dateText ?? newest.date} ${newest.title}`, locator: newest.locator }];
    if (age < 0)
      return [{ ...base, status: 'needs-review', message: message('checkFreshnessFuture', newest.date!), evidence }];
    const rule = freshnessRules(params.columnName, context.tasks)[0];
    const result: CheckResult = rule
      ? age > rule.maxDays
        ? {
            ...base,
            status: 'fail',
            message: message('checkFreshnessStale', newest.date!, age, rule.label, rule.maxDays),
            evidence,
          }
        : { ...base, status: 'pass', message: message('checkFreshnessFresh', newest.date!, age, rule.label), evidence }
      : { ...base, status: 'not-applicable', message: message('checkFreshnessNoRule', newest.date!, age), evidence };
    if (undated > 0 && result.status === 'pass')
      return [
        { ...result, status: 'needs-review', message: message('checkFreshnessSomeUndated', newest.date!, undated) },
      ];
    return [result];
  },
};
