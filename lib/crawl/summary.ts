/**
 * The patrol's summary as plain JSON — the CLI's `--json` contract (stable; fields may be added, never renamed):
 * {"indicators", "start", "pages", "ended", "skipped":{"robots","offsite","limit"}, "columns":[{"name","url","path",
 * "kind","latest","items","status"}], "deadLinks":[{"url","status","foundOn"}], "suspectedLinks", "externalLinks",
 * "tasks":[{"taskId","no","title","columns","status"}], "vetoes":[{"id","name","triggered","decided","threshold","source",
 * "evidence"}], "notes"}; every link {"url","verdict","status","detail","foundOn","foundCount"}.
 */
import type { CrawlResult } from './crawler';
import type { IndicatorSet } from './indicators';
import { ruleLimitText } from '../patrol-names';
import type { LinkRow } from './link-registry';
import type { SiteColumn, SiteLink, SiteVeto } from './patrol-records';
import type { TaskCoverage } from './plan-view';
import type { PatrolOutcome } from './site-patrol';

export interface PatrolSummary {
  indicators: { id: string; ref: string; version: string };
  start: string;
  pages: number;
  ended: CrawlResult['ended'];
  robots: CrawlResult['robots'];
  skipped: CrawlResult['skipped'];
  inspected: number;
  columns: SiteColumn[];
  deadLinks: SummaryLink[];
  suspectedLinks: SummaryLink[];
  externalLinks: SummaryLink[];
  tasks: Array<{ taskId: string; no: string; title: string; columns: string[]; status: TaskCoverage['status'] }>;
  vetoes: SiteVeto[];
  notes: string[];
}

/** A link as the summary lists it: the stored site record's link (patrol-records.ts). */
export type SummaryLink = SiteLink;

const row = (l: LinkRow): SummaryLink => ({
  url: l.url,
  verdict: l.verdict,
  status: l.status,
  detail: l.detail,
  foundOn: l.foundOn,
  foundCount: l.foundCount,
});

export function patrolSummary(
  set: IndicatorSet,
  crawl: CrawlResult,
  outcome: PatrolOutcome,
  links: { dead: LinkRow[]; suspected: LinkRow[]; external: LinkRow[] },
  notes: string[],
): PatrolSummary {
  return {
    indicators: { id: set.id, ref: set.ref, version: set.version },
    start: crawl.start,
    pages: crawl.pages,
    ended: crawl.ended,
    robots: crawl.robots,
    skipped: crawl.skipped,
    inspected: outcome.inspected,
    columns: outcome.columns.map((c) => ({
      name: c.name,
      url: c.url,
      path: c.path,
      kind: c.kind,
      latest: c.latest,
      items: c.items,
      status: c.status,
      ageDays: c.ageDays,
      kindLabel: c.kindLabel,
      latestTitle: c.latestTitle,
      rule: c.rule ? ruleLimitText(set, c.rule.label, c.rule.maxDays, 'zh_CN') : null,
      ruleIsDefault: c.rule?.isDefault === true,
      explanation: c.explanation,
    })),
    deadLinks: links.dead.map(row),
    suspectedLinks: links.suspected.map(row),
    externalLinks: links.external.map(row),
    tasks: outcome.tasks.map((t) => ({
      taskId: t.taskId,
      no: t.no,
      title: t.title,
      columns: t.columns.map((c) => c.name),
      status: t.status,
    })),
    vetoes: outcome.vetoes.map((v) => ({
      id: v.id,
      name: set.vetoes[v.id].name,
      source: v.source,
      triggered: v.triggered,
      decided: v.decided,
      threshold: v.threshold,
      evidence: v.evidence,
    })),
    notes,
  };
}
