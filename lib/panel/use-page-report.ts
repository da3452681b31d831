/**
 * The page in front checked against the plan in force (the audit's own plan inside an audit, else the active one):
 * its column, the tasks that apply (a pin for the site's column wins) and the results — once the templates picked
 * for the page are read. Storage reads the check depends on (pin, local column names) are live; when one fails the
 * page is still checked without it and the failure is returned to be shown.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { detectColumn } from '../engine/column';
import { inspectPage, type PageReport } from '../engine/inspect-page';
import { fillPaths, pendingRefs } from '../engine/pending-paths';
import type { PageSnapshot } from '../snapshot/types';
import { getColumnAliases, type ColumnAlias } from '../storage/column-aliases';
import { pinnedTaskIds } from '../storage/pins';
import type { ActivePlan } from '../storage/plans';
import { originOf, resolvePaths } from './read-tab';
import { useLiveQuery, valueOr } from './use-live-query';
import { usePickedTemplates } from './use-picked-templates';

const NO_ALIASES: ColumnAlias[] = [];

export interface PageCheck {
  report: PageReport | null;
  origin: string | null;
  pinned: string[] | undefined;
  picked: string[] | null;
  setPicked: (ids: string[]) => Promise<void>;
  /** A failed read of the pin or the local column names (the page was checked without it). */
  readFailure: unknown;
}

/**
 * `tabId`: the tab the snapshot was read from. The page reader puts its pieces' paths off; the report is given once the
 * page has located what the checks report (one more message), so that what is revealed, highlighted and recorded
 * always has its place.
 */
export function usePageReport(snapshot: PageSnapshot, checking: ActivePlan, tabId: number): PageCheck {
  const { picked, setPicked, failure } = usePickedTemplates(snapshot.url);
  const origin = originOf(snapshot.url);
  const columnName = useMemo(() => detectColumn(snapshot).name, [snapshot]);
  const pin = useLiveQuery(origin && columnName ? (db) => pinnedTaskIds(db, origin, columnName) : null, [
    origin,
    columnName,
  ]);
  const aliases = useLiveQuery((db) => getColumnAliases(db), []);
  const pinned = valueOr(pin, undefined);
  const columnAliases = valueOr(aliases, NO_ALIASES);
  const computed = useMemo(
    () =>
      picked
        ? inspectPage(snapshot, {
            plan: checking.plan,
            templates: checking.templates,
            now: new Date(),
            pickedTemplateIds: picked,
            ...(pinned ? { pinnedTaskIds: pinned } : {}),
            columnAliases,
          })
        : null,
    [snapshot, checking, picked, pinned, columnAliases],
  );
  const report = useLocatedReport(computed, snapshot, tabId);
  const readFailure =
    failure ?? (pin.state === 'failed' ? pin.error : aliases.state === 'failed' ? aliases.error : null);
  return { report, origin, pinned, picked, setPicked, readFailure };
}

/** The report once the page has given the paths of what it reports (at once when none is pending). */
export function useLocatedReport(
  computed: PageReport | null,
  snapshot: PageSnapshot,
  tabId: number,
): PageReport | null {
  const [located, setLocated] = useState<{ from: PageReport; report: PageReport } | null>(null);
  const refs = useMemo(() => (computed ? pendingRefs(computed) : []), [computed]);
  useEffect(() => {
    if (!computed || refs.length === 0 || snapshot.pathTable === undefined) return;
    let live = true;
    void resolvePaths(tabId, snapshot.pathTable, refs).then((paths) => {
      // A new report pointing at the same snapshot objects shares their locators: filled in place, once.
      if (live) setLocated({ from: computed, report: { ...fillPaths(computed, refs, paths) } });
    });
    return () => {
      live = false;
    };
  }, [computed, refs, snapshot, tabId]);
  if (!computed) return null;
  if (refs.length === 0 || snapshot.pathTable === undefined) return computed;
  return located?.from === computed ? located.report : null;
}
