/**
 * A finished patrol as the audit's site record (lib/storage/db.ts `SiteRecord`): the JSON summary's columns, links,
 * vetoes and notes, the plan's view with each serving column's address and status, and who patrolled when against
 * which indicator set. Decides the record's content; storing it is lib/storage/sites.ts.
 */
import type { TaskCoverage } from '../crawl/plan-view';
import type { PatrolSummary } from '../crawl/summary';
import type { SiteRecord } from '../storage/db';
import { siteRecordId } from '../storage/ids';

export interface SiteRecordMeta {
  auditId: string;
  origin: string;
  inspector: string;
  /** When the patrol ended. */
  patrolledAt: Date;
  /** The day the statuses were judged against (the patrol's `now`). */
  judgedAt: Date;
}

export function siteRecordOf(summary: PatrolSummary, tasks: readonly TaskCoverage[], meta: SiteRecordMeta): SiteRecord {
  if (summary.ended === 'paused') throw new Error('a paused patrol has no site record yet');
  return {
    id: siteRecordId(meta.auditId, meta.origin),
    auditId: meta.auditId,
    origin: meta.origin,
    start: summary.start,
    patrolledAt: meta.patrolledAt.toISOString(),
    judgedAt: meta.judgedAt.toISOString(),
    inspector: meta.inspector,
    indicators: { ...summary.indicators },
    ended: summary.ended,
    pages: summary.pages,
    skipped: { ...summary.skipped },
    columns: summary.columns.map((c) => ({ ...c, path: [...c.path] })),
    deadLinks: summary.deadLinks.map((l) => ({ ...l, foundOn: [...l.foundOn] })),
    suspectedLinks: summary.suspectedLinks.map((l) => ({ ...l, foundOn: [...l.foundOn] })),
    externalLinks: summary.externalLinks.map((l) => ({ ...l, foundOn: [...l.foundOn] })),
    tasks: tasks.map((t) => ({
      taskId: t.taskId,
      no: t.no,
      title: t.title,
      columns: t.columns.map((c) => ({ name: c.name, url: c.url, status: c.status })),
      status: t.status,
    })),
    vetoes: summary.vetoes.map((v) => ({ ...v, evidence: [...v.evidence] })),
    notes: [...summary.notes],
  };
}
