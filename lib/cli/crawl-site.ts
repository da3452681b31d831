/**
 * One site = one job of `gongkai crawl`: the crawl core (lib/crawl) walks the site with Node's fetch and linkedom; the
 * pages it picks (home, each column's first page, each column's newest items, every 办事指南 item) are checked by the
 * engine and recorded through the real recording path into a fresh in-memory IndexedDB as they come (as `gongkai
 * audit` does); at the end the site record (lib/patrol/site-record.ts) is stored, the site results (vetoes, dead and
 * suspected links, column statuses) are also recorded as findings on the home page, and the audit file is written.
 * `log` writes one JSON line per fetched page as it goes. Bad input for the site (not a URL, unreachable or non-HTML
 * start page, refused by robots.txt, an output that cannot be written) throws a one-line CliInputError.
 * The same job serves one site (crawl-command.ts) and a list of sites (crawl-list.ts); a job queue could call it too.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { CrawlStartError, SiteCrawl } from '../crawl/crawler';
import type { IndicatorSet } from '../crawl/indicators';
import { SitePatrol } from '../crawl/site-patrol';
import { siteResults } from '../crawl/site-results';
import { patrolSummary, type PatrolSummary } from '../crawl/summary';
import type { PageReport } from '../engine/inspect-page';
import { parseHtmlAt } from '../html/snapshot-from-html';
import { siteRecordOf } from '../patrol/site-record';
import type { Plan } from '../plan/model';
import type { PageSnapshot } from '../snapshot/types';
import { recordPageReport, snapshotMeta } from '../storage/findings';
import { saveSiteRecord } from '../storage/sites';
import { templates } from '../../seeds/index';
import { type CliAudit, withCliAudit, writeAuditFile } from './cli-audit';
import { CliInputError } from './load-page';

/** What every site of a run shares: budgets, pace, plan, indicator set, clock and fetch. */
export interface CrawlSettings {
  maxPages: number;
  maxDepth: number;
  maxTime: number | null;
  concurrency: number;
  delayMs: number;
  sample: number;
  all: boolean;
  external: boolean;
  userAgent: string;
  indicators: IndicatorSet;
  plan: Plan;
  /** The file or id the plan came from (named on a stored imported plan). */
  planSource: string | undefined;
  /** The day statuses are judged against (`--now`). */
  now: Date;
  /** When the run happens (the patrol's time stamp). */
  runAt: Date;
  fetcher: typeof fetch;
  inspector: string | undefined;
}

export interface CrawledSite {
  summary: PatrolSummary;
  /** Pages recorded in the audit. */
  recorded: number;
  output: string;
}

/**
 * One site = one job: crawls `start`, records into a fresh in-memory database, writes the audit file `output`.
 * Bad input for this site (unreachable, not HTML, refused by robots.txt) throws CliInputError.
 */
export async function crawlSite(
  start: string,
  s: CrawlSettings,
  output: string,
  options: { name?: string | undefined; log?: string | undefined } = {},
): Promise<CrawledSite> {
  if (!/^https?:\/\/[^/\s]+/i.test(start)) throw new CliInputError(`not a web address: ${start}`);
  const origin = new URL(start).origin;
  const now = s.now;
  const name = options.name ?? `${new URL(origin).host} 全站巡检 ${now.toISOString().slice(0, 10)}`;
  const opening = { name, origin, plan: s.plan, planSource: s.planSource, inspector: s.inspector, now };
  return withCliAudit(opening, (run) => crawlInto(run, start, s, output, options.log));
}

/** The crawl of one site recorded into `run`'s audit, then its audit file written. */
async function crawlInto(
  run: CliAudit,
  start: string,
  s: CrawlSettings,
  output: string,
  logPath: string | undefined,
): Promise<CrawledSite> {
  const { db, audit } = run;
  const { now, indicators } = s;
  const log: WriteStream | null = logPath ? createWriteStream(logPath) : null;
  try {
    let home: { report: PageReport; snapshot: PageSnapshot } | null = null;
    const patrol = new SitePatrol({
      start,
      indicators,
      plan: run.plan,
      templates: new Map(templates.map((t) => [t.id, t])),
      now,
      sample: s.sample,
      all: s.all,
      record: async (report, snapshot, isHome) => {
        // The home page is recorded last, with the site's results.
        if (isHome) home = { report, snapshot };
        else await recordPageReport(db, audit.id, report, snapshotMeta(snapshot), audit.inspector, now);
      },
    });
    const notes: string[] = [];
    const crawl = new SiteCrawl(
      {
        start,
        fetcher: s.fetcher,
        parseHtml: parseHtmlAt,
        userAgent: s.userAgent,
        maxPages: s.maxPages,
        maxDepth: s.maxDepth,
        maxTimeMs: s.maxTime,
        concurrency: s.concurrency,
        delayMs: s.delayMs,
        external: s.external,
      },
      {
        page: async (page) => {
          await patrol.page(page);
          if (
            log &&
            !log.write(`${JSON.stringify({ url: page.url, depth: page.depth, via: page.via, status: page.status })}\n`)
          )
            await new Promise<void>((resolve) => log.once('drain', () => resolve()));
        },
        found: (url, on) => patrol.links.found(url, on),
        checked: (outcome) => patrol.links.checked(outcome),
        note: (text) => notes.push(text),
      },
    );
    const result = await crawl.run().catch((error: unknown) => {
      if (error instanceof CrawlStartError) throw new CliInputError(error.message);
      throw error;
    });
    const outcome = patrol.finish();
    const dead = patrol.links.dead();
    const suspected = patrol.links.suspected();
    const summary = patrolSummary(
      indicators,
      result,
      outcome,
      { dead, suspected, external: patrol.links.external() },
      notes,
    );
    const site = siteResults(indicators, outcome.vetoes, dead, suspected, outcome.columns);
    const homePage = home as { report: PageReport; snapshot: PageSnapshot } | null;
    if (homePage)
      await recordPageReport(
        db,
        audit.id,
        { ...homePage.report, results: [...homePage.report.results, ...site] },
        snapshotMeta(homePage.snapshot),
        audit.inspector,
        now,
      );
    await saveSiteRecord(
      db,
      siteRecordOf(summary, outcome.tasks, {
        auditId: audit.id,
        origin: new URL(start).origin,
        inspector: audit.inspector,
        patrolledAt: s.runAt,
        judgedAt: now,
      }),
    );
    const data = await writeAuditFile(run, output, now);
    return { summary, recorded: data.pages.length, output };
  } finally {
    if (log) await new Promise<void>((resolve) => log.end(() => resolve()));
  }
}
