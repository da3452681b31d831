/**
 * Records the page in front into the active audit (when the page is on the audited site) each time it is checked,
 * and keeps the page's findings, its pin and its screenshots live for the panel.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../engine/inspect-page';
import type { PageSnapshot } from '../snapshot/types';
import { database, type Audit, type Finding, type Screenshot } from '../storage/db';
import { pageFindings, recordPageReport, snapshotMeta, type RecordedPage } from '../storage/findings';
import { pageId as pageIdOf, pageUrl } from '../storage/ids';
import { listScreenshots } from '../storage/screenshots';

export interface PageRecord {
  pageId: string | null;
  recorded: Pick<RecordedPage, 'created' | 'updated'> | null;
  findings: Finding[];
  screenshots: Screenshot[];
  error: unknown;
}

export function usePageRecord(
  audit: Audit | null,
  inspector: string,
  report: PageReport | null,
  snapshot: PageSnapshot | null,
  sameSite: boolean,
): PageRecord {
  const [recorded, setRecorded] = useState<PageRecord['recorded']>(null);
  const [error, setError] = useState<unknown>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [screenshots, setScreenshots] = useState<Screenshot[]>([]);
  const auditId = audit && sameSite ? audit.id : null;
  const pageId = auditId && report ? pageIdOf(auditId, pageUrl(report.url)) : null;

  useEffect(() => {
    setRecorded(null);
    setError(null);
    if (!auditId || !report || !snapshot) return;
    let cancelled = false;
    recordPageReport(database(), auditId, report, snapshotMeta(snapshot), inspector)
      .then((r) => !cancelled && setRecorded({ created: r.created, updated: r.updated }))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [auditId, report, snapshot, inspector]);

  useEffect(() => {
    setFindings([]);
    setScreenshots([]);
    if (!auditId || !pageId || !report) return;
    const url = pageUrl(report.url);
    const subscription = liveQuery(async () => ({
      findings: await pageFindings(database(), auditId, pageId),
      screenshots: (await listScreenshots(database(), auditId)).filter((s) => s.url === url),
    })).subscribe({
      next: (v) => {
        setFindings(v.findings);
        setScreenshots(v.screenshots);
      },
      error: (e: unknown) => setError(e),
    });
    return () => subscription.unsubscribe();
  }, [auditId, pageId, report]);

  return { pageId, recorded, findings, screenshots, error };
}
