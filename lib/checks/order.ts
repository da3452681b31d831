/**
 * "Problems first", the one order of check statuses: fail, needs review, not applicable, pass. It is also the order
 * of the status strings, so the findings list sorted on its IndexedDB status index (storage/findings-query.ts) and
 * the panel's results (sortProblemsFirst) agree. Decides order only, not what a status means.
 */
import type { CheckResult, CheckStatus } from './types';

export const PROBLEMS_FIRST: readonly CheckStatus[] = ['fail', 'needs-review', 'not-applicable', 'pass'];

const RANK = new Map(PROBLEMS_FIRST.map((status, i) => [status, i]));

/** Results in the problems-first order, stable within each status. */
export function sortProblemsFirst<T extends Pick<CheckResult, 'status'>>(results: readonly T[]): T[] {
  return results
    .map((r, i) => [r, i] as const)
    .sort((a, b) => RANK.get(a[0].status)! - RANK.get(b[0].status)! || a[1] - b[1])
    .map(([r]) => r);
}
