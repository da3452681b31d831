/**
 * Records the page in front into the active audit (when the page is on the audited site) each time it is checked,
 * and keeps the page's findings and its screenshots live for the panel. A failed write or read is returned as
 * `error`, to be shown as a storage failure.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../engine/inspect-page';
import type { PageSnapshot } from '../snapshot/types';
import type { Audit, Finding, Screenshot } from '../storage/db';
import { pageFindings, type RecordedPage } from '../storage/findings';
import { pageId as pageIdOf, pageUrl } from '../storage/ids';
import { listScreenshots } from '../storage/screenshots';
import { recordPage } from './storage-actions';
import { useLiveQuery } from './use-live-query';

export interface PageRecord {
  pageId: string | null;
  recorded: Pick<RecordedPage, 'created' | 'updated'> | null;
  findings: Finding[];
  screenshots: Screenshot[];
  error: unknown;
}

const NONE = { findings: [] as Finding[], screenshots: [] as Screenshot[] };

export function usePageRecord(
  audit: Audit | null,
  inspector: string,
  report: PageReport | null,
  snapshot: PageSnapshot,
  sameSite: boolean,
): PageRecord {
  const [recorded, setRecorded] = useState<PageRecord['recorded']>(null);
  const [error, setError] = useState<unknown>(null);
  const auditId = audit && sameSite ? audit.id : null;
  const pageId = auditId && report ? pageIdOf(auditId, pageUrl(report.url)) : null;

  useEffect(() => {
    setRecorded(null);
    setError(null);
    if (!auditId || !report) return;
    let cancelled = false;
    recordPage(auditId, report, snapshot, inspector)
      .then((r) => !cancelled && setRecorded({ created: r.created, updated: r.updated }))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [auditId, report, snapshot, inspector]);

  const url = report ? pageUrl(report.url) : null;
  const live = useLiveQuery(
    auditId && pageId && url
      ? async (db) => ({
          findings: await pageFindings(db, auditId, pageId),
          screenshots: (await listScreenshots(db, auditId)).filter((s) => s.url === url),
        })
      : null,
    [auditId, pageId, url],
  );
  const { findings, screenshots } = live.state === 'ready' ? live.value : NONE;
  return { pageId, recorded, findings, screenshots, error: error ?? (live.state === 'failed' ? live.error : null) };
}
