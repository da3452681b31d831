/**
 * The second half of locating, for a snapshot taken with its paths put off (`takeSnapshot`'s `deferPaths`, the page
 * reader's mode): the report's locators that still lack a path, and filling them once the page has computed them.
 * Only what the checks report — evidence and elements — is ever pointed at, so only those paths are computed.
 * Decides nothing about where anything is: `snapshot/locator.ts` computes the paths.
 */
import type { Locator } from '../snapshot/types';
import type { PageReport } from './inspect-page';

function* reportedLocators(report: PageReport): Generator<Locator> {
  for (const result of report.results) {
    for (const e of result.evidence) yield e.locator;
    for (const e of result.elements ?? []) if (e.locator) yield e.locator;
  }
}

/** The refs of the report's locators whose path is still to be computed, each once. */
export function pendingRefs(report: PageReport): number[] {
  const refs = new Set<number>();
  for (const locator of reportedLocators(report)) if (locator.ref !== undefined) refs.add(locator.ref);
  return [...refs];
}

/**
 * Writes the computed paths into the report's locators (`paths[i]` is the path of `refs[i]`) and drops their refs. A
 * ref without a path (the page has changed or gone since) keeps an empty path: the views say the piece cannot be
 * shown on the page. Returns the same report, filled.
 */
export function fillPaths(report: PageReport, refs: readonly number[], paths: readonly string[]): PageReport {
  const byRef = new Map<number, string>();
  for (let i = 0; i < refs.length; i++) byRef.set(refs[i]!, paths[i] ?? '');
  for (const locator of reportedLocators(report)) {
    if (locator.ref === undefined) continue;
    locator.path = byRef.get(locator.ref) ?? '';
    delete locator.ref;
  }
  return report;
}
