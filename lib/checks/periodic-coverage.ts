/**
 * Check `periodic-coverage`: for a column whose tasks publish 按月 or 按季度, which periods of the current year appear
 * in the list's titles (`2026年1-10月`, `10月份`, `一季度`, `上半年`, `前三季度`) and which are missing, up to the last
 * period that should be out by now (a period is due in the month after it ends).
 * Decides: fail when a due period is missing; pass when all due periods appear. Titles without a year take the year of
 * their date. Does not follow pagination: a long column may list earlier periods on later pages (say so in the message).
 */
import type { Evidence } from '../snapshot/types';
import { message, onceOn, type Check } from './types';
import { removeSpaces } from '../text/whitespace';

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 首: 1, 1: 1, 2: 2, 3: 3, 4: 4 };

/** Months (1–12) a title reports on, for the year it names (or `fallbackYear`). */
export function periodsInTitle(
  title: string,
  fallbackYear: number,
): { year: number; months: number[]; quarters: number[] } {
  const t = removeSpaces(title);
  const year = Number(/(20\d{2})年/.exec(t)?.[1] ?? fallbackYear);
  const months = new Set<number>();
  const quarters = new Set<number>();
  const range = /(\d{1,2})[-—~至到](\d{1,2})月/.exec(t);
  if (range) months.add(Number(range[2]));
  else for (const m of t.matchAll(/(?<![\d-])(\d{1,2})月(?:份)?/g)) months.add(Number(m[1]));
  for (const m of t.matchAll(/(?:第)?([一二三四1-4])季度/g)) quarters.add(CN_NUM[m[1]!]!);
  if (/前三季度|1-9月/.test(t)) quarters.add(3);
  if (/上半年|1-6月/.test(t)) quarters.add(2);
  if (/全年|年度/.test(t) && !/季度/.test(t)) quarters.add(4);
  for (const m of months) if (m % 3 === 0) quarters.add(m / 3);
  return { year, months: [...months].filter((m) => m >= 1 && m <= 12), quarters: [...quarters] };
}

export const periodicCoverage: Check = {
  id: 'periodic-coverage',
  appliesTo: onceOn(['list']),
  run(snapshot, _params, context) {
    const base = { checkId: 'periodic-coverage', evidence: [] as Evidence[] };
    const periods = new Set(context.tasks.flatMap((t) => t.frequencies.map((f) => f.period)));
    const monthly = periods.has('monthly');
    const quarterly = periods.has('quarterly');
    if (context.pageKind !== 'list' || (!monthly && !quarterly) || snapshot.listItems.length === 0) {
      return [{ ...base, status: 'not-applicable', message: message('checkCoverageNotApplicable') }];
    }
    const year = context.now.getUTCFullYear();
    const monthNow = context.now.getUTCMonth() + 1;
    const seenMonths = new Set<number>();
    const seenQuarters = new Set<number>();
    for (const item of snapshot.listItems) {
      const fallback = item.date ? Number(item.date.slice(0, 4)) : year;
      const p = periodsInTitle(item.title, fallback);
      if (p.year !== year) continue;
      for (const m of p.months) seenMonths.add(m);
      for (const q of p.quarters) seenQuarters.add(q);
    }
    const due = monthly
      ? Array.from({ length: monthNow - 1 }, (_, i) => i + 1)
      : Array.from({ length: Math.floor((monthNow - 1) / 3) }, (_, i) => i + 1);
    const seen = monthly ? seenMonths : seenQuarters;
    const missing = due.filter((p) => !seen.has(p));
    const unit = monthly ? 'month' : 'quarter';
    const label = (p: number) => (monthly ? `${p}月` : `第${p}季度`);
    if (due.length === 0)
      return [{ ...base, status: 'not-applicable', message: message('checkCoverageNothingDue', year) }];
    if (missing.length === 0)
      return [{ ...base, status: 'pass', message: message(`checkCoveragePass_${unit}`, year, due.length) }];
    const more =
      snapshot.pagination?.totalPages && snapshot.pagination.totalPages > 1
        ? 'checkCoverageFailPaged'
        : 'checkCoverageFail';
    return [{ ...base, status: 'fail', message: message(more, year, missing.map(label).join('、')) }];
  },
};
