/**
 * One patrol job (one site) recorded into an audit of the database: the crawl core (lib/crawl) with the patrol's
 * judgement, every picked page recorded through the real recording path as it comes; at the end the site record (the
 * patrol's whole result, lib/storage/sites.ts) is stored and the site results (vetoes, dead links, column statuses)
 * are also recorded as findings on the home page, so the findings list and the 整改 workflow show them. Pause saves everything needed to go on — the crawl's queue and seen
 * URLs, what the patrol has learnt, the home page's report — as plain data through `save` (the extension page keeps it
 * in browser.storage.local, so a patrol goes on after the page or the browser was closed); finishing or stopping clears
 * it. Fetch, parser and clock are the caller's. Decides the job's life cycle; judging is lib/crawl's.
 */
import type { PageReport } from '../engine/inspect-page';
import type { CrawlProgress, CrawlResult, CrawlState } from '../crawl/crawler';
import { SiteCrawl } from '../crawl/crawler';
import type { IndicatorSet } from '../crawl/indicators';
import { SitePatrol, type PatrolState } from '../crawl/site-patrol';
import { siteResults } from '../crawl/site-results';
import { patrolSummary, type PatrolSummary } from '../crawl/summary';
import type { ElementTemplate, Plan } from '../plan/model';
import type { GongkaiDb } from '../storage/db';
import { recordPageReport, snapshotMeta, type SnapshotMeta } from '../storage/findings';
import { saveSiteRecord } from '../storage/sites';
import { siteRecordOf } from './site-record';

export interface SavedPatrol {
  version: 1;
  start: string;
  auditId: string;
  crawl: CrawlState;
  patrol: PatrolState;
  home: { report: PageReport; meta: SnapshotMeta } | null;
  notes: string[];
}

export interface PatrolProgress extends CrawlProgress {
  /** Estimated time to finish the queue at the pace so far, ms; null before there is a pace. */
  etaMs: number | null;
}

export interface PatrolJobOptions {
  db: GongkaiDb;
  auditId: string;
  inspector: string;
  plan: Plan;
  templates: ReadonlyMap<string, ElementTemplate>;
  indicators: IndicatorSet;
  start: string;
  now: Date;
  fetcher: typeof fetch;
  parseHtml: (html: string, url: string) => Document;
  userAgent?: string;
  concurrency?: number;
  delayMs?: number;
  maxPages?: number;
  sample?: number;
  saved?: SavedPatrol | null;
  /** Keeps the job's state (null: nothing to keep any more). */
  save: (saved: SavedPatrol | null) => Promise<void>;
  onProgress?: (progress: PatrolProgress) => void;
  /** Milliseconds between saves while running. */
  saveEveryMs?: number;
}

export interface PatrolJobEnd {
  ended: CrawlResult['ended'];
  summary: PatrolSummary | null;
  /** The audit recorded into. */
  auditId: string;
}

export class PatrolJob {
  private readonly crawl: SiteCrawl;
  private readonly patrol: SitePatrol;
  private home: SavedPatrol['home'];
  private readonly notes: string[];
  private lastSave = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly startedAt = Date.now();
  private readonly doneAtStart: number;

  constructor(private readonly o: PatrolJobOptions) {
    const saved = o.saved ?? null;
    this.home = saved?.home ?? null;
    this.notes = [...(saved?.notes ?? [])];
    this.doneAtStart = saved?.crawl.pagesDone ?? 0;
    this.patrol = new SitePatrol({
      start: o.start,
      indicators: o.indicators,
      plan: o.plan,
      templates: o.templates,
      now: o.now,
      sample: o.sample ?? 3,
      all: false,
      record: async (report, snapshot, isHome) => {
        if (isHome) this.home = { report, meta: snapshotMeta(snapshot) };
        else await recordPageReport(o.db, o.auditId, report, snapshotMeta(snapshot), o.inspector, o.now);
      },
    });
    if (saved) this.patrol.restore(saved.patrol);
    this.crawl = new SiteCrawl(
      {
        start: o.start,
        fetcher: o.fetcher,
        parseHtml: o.parseHtml,
        ...(o.userAgent ? { userAgent: o.userAgent } : {}),
        concurrency: o.concurrency ?? 2,
        delayMs: o.delayMs ?? 500,
        maxPages: o.maxPages ?? 10_000,
        ...(saved ? { resume: saved.crawl } : {}),
      },
      {
        page: (page) => this.patrol.page(page),
        found: (url, on) => this.patrol.links.found(url, on),
        checked: (outcome) => this.patrol.links.checked(outcome),
        note: (text) => this.notes.push(text),
        progress: (p) => this.progress(p),
      },
    );
  }

  pause(): void {
    this.crawl.pause();
  }

  stop(): void {
    this.crawl.stop();
  }

  private snapshot(): SavedPatrol {
    return {
      version: 1,
      start: this.crawl.start,
      auditId: this.o.auditId,
      crawl: this.crawl.state(),
      patrol: this.patrol.state(),
      home: this.home,
      notes: [...this.notes],
    };
  }

  private progress(p: CrawlProgress): void {
    const done = p.done - this.doneAtStart;
    const elapsed = Date.now() - this.startedAt;
    const etaMs = done > 0 ? Math.round((elapsed / done) * p.queued) : null;
    this.o.onProgress?.({ ...p, etaMs });
    if (Date.now() - this.lastSave >= (this.o.saveEveryMs ?? 2000)) {
      this.lastSave = Date.now();
      const state = this.snapshot();
      this.saving = this.saving.then(() => this.o.save(state)).catch(() => {});
    }
  }

  async run(): Promise<PatrolJobEnd> {
    const result = await this.crawl.run();
    await this.saving;
    if (result.ended === 'paused') {
      await this.o.save(this.snapshot());
      return { ended: 'paused', summary: null, auditId: this.o.auditId };
    }
    const outcome = this.patrol.finish();
    const dead = this.patrol.links.dead();
    const suspected = this.patrol.links.suspected();
    const summary = patrolSummary(
      this.o.indicators,
      result,
      outcome,
      { dead, suspected, external: this.patrol.links.external() },
      this.notes,
    );
    await saveSiteRecord(
      this.o.db,
      siteRecordOf(summary, outcome.tasks, {
        auditId: this.o.auditId,
        origin: new URL(this.crawl.start).origin,
        inspector: this.o.inspector,
        patrolledAt: new Date(),
        judgedAt: this.o.now,
      }),
    );
    if (this.home) {
      const site = siteResults(this.o.indicators, outcome.vetoes, dead, suspected, outcome.columns);
      await recordPageReport(
        this.o.db,
        this.o.auditId,
        { ...this.home.report, results: [...this.home.report.results, ...site] },
        this.home.meta,
        this.o.inspector,
        this.o.now,
      );
    }
    await this.o.save(null);
    return { ended: result.ended, summary, auditId: this.o.auditId };
  }
}
