/**
 * The crawler core: one site = one job. From a start URL it walks the same site breadth-first — robots.txt honoured,
 * sitemap.xml and the site's 网站地图 page used, list pagination followed — within budgets (pages, depth, time), paced
 * by HostPacer, and checks every internal link and attachment once (HEAD, GET when HEAD is refused; a failure that may
 * pass, 5xx or time-out, is retried once). Fetch, HTML parsing and the clock are injected, so the same core runs in Node
 * (the CLI) and in an extension page. Nothing is kept per page: each parsed page goes to `events.page` and is dropped;
 * what stays is the set of URLs seen and the queue, which `state()` returns as plain data so a job queue can persist,
 * pause and resume a crawl. Decides what is fetched and how each fetch ended; judging pages is for the consumers.
 */
import { decodeBytes } from '../text/decode-bytes';
import type { SiteLink } from './patrol-records';
import { HostPacer, type PacerClock, realClock } from './host-pacer';
import { readPageLinks, type PageLinks } from './page-links';
import { loadRobots, PRODUCT_TOKEN, type RobotsRules } from './robots';
import { parseSitemap } from './sitemap';
import { canonicalUrl, looksLikeFile, sameSite } from './url-scope';

export const DEFAULT_USER_AGENT = `${PRODUCT_TOKEN}/0.1 (gongkai-inspector; government transparency audit)`;

export interface CrawlOptions {
  start: string;
  fetcher: typeof fetch;
  /** HTML text → a Document (linkedom in Node, DOMParser in an extension page). */
  parseHtml: (html: string, url: string) => Document;
  userAgent?: string;
  maxPages?: number;
  maxDepth?: number;
  /** Stop starting new requests after this long (ms); null: no limit. */
  maxTimeMs?: number | null;
  concurrency?: number;
  delayMs?: number;
  /** One request's time-out. */
  timeoutMs?: number;
  /** Check links to other sites too (one request each, their robots.txt honoured). */
  external?: boolean;
  clock?: PacerClock;
  /** A crawl paused or interrupted earlier, to go on with. */
  resume?: CrawlState;
}

/** How a page came to be fetched. */
export type Via = 'start' | 'link' | 'sitemap' | 'site-map-page' | 'pagination';

export interface QueueEntry {
  url: string;
  depth: number;
  via: Via;
  /** For pagination: the first page of the list this page continues. */
  listOf: string | null;
}

export interface CrawledPage {
  url: string;
  depth: number;
  via: Via;
  listOf: string | null;
  status: number;
  charset: string;
  document: Document;
  links: PageLinks;
}

export type LinkVerdict = SiteLink['verdict'];

export interface LinkOutcome {
  url: string;
  internal: boolean;
  verdict: LinkVerdict;
  /** HTTP status, or 0 for a network error / time-out. */
  status: number;
  detail: string;
}

export interface CrawlProgress {
  done: number;
  queued: number;
  errors: number;
  checkedLinks: number;
}

export interface CrawlEvents {
  /** Every fetched HTML page of the site, parsed; the document must not be kept. */
  page(page: CrawledPage): void | Promise<void>;
  /** Every link found on a page (also the ones not followed), with the page it is on. */
  found?(url: string, on: string): void;
  /** The end of every checked URL (pages and files). */
  checked?(outcome: LinkOutcome): void;
  progress?(progress: CrawlProgress): void;
  /** Something the crawl could not do or read, said rather than dropped. */
  note?(text: string): void;
}

export interface CrawlState {
  queue: QueueEntry[];
  files: string[];
  seen: string[];
  pagesDone: number;
  errors: number;
  skipped: { robots: number; offsite: number; limit: number };
  /** The skipped URLs themselves, so a resumed crawl does not count them twice. */
  skippedUrls?: { robots: string[]; offsite: string[]; limit: string[] };
}

export interface CrawlResult {
  start: string;
  pages: number;
  errors: number;
  skipped: { robots: number; offsite: number; limit: number };
  /** Why it ended: everything done, a budget, or stopped by the user. */
  ended: 'complete' | 'max-pages' | 'max-time' | 'stopped' | 'paused';
  robots: RobotsRules['kind'];
  state: CrawlState;
}

export class CrawlStartError extends Error {
  override name = 'CrawlStartError';
}

const RETRYABLE = (status: number) => status === 0 || status >= 500;
const DEAD = new Set([404, 403, 410]);
const MAX_PAGE_BYTES = 20 * 1024 * 1024;
const MAX_SITEMAP_FILES = 20;
const MAX_REDIRECTS = 5;

export class SiteCrawl {
  readonly start: string;
  private readonly o: Required<Omit<CrawlOptions, 'resume' | 'clock' | 'maxTimeMs'>> & { maxTimeMs: number | null };
  private readonly clock: PacerClock;
  private readonly pacer: HostPacer;
  private queue: QueueEntry[] = [];
  private head = 0;
  private files: string[] = [];
  private readonly seen = new Set<string>();
  private readonly skippedRobots = new Set<string>();
  private readonly skippedOffsite = new Set<string>();
  private readonly skippedLimit = new Set<string>();
  private pagesDone = 0;
  private errors = 0;
  private checkedLinks = 0;
  private robots: RobotsRules | null = null;
  private readonly externalRobots = new Map<string, Promise<RobotsRules>>();
  private stopping: 'stopped' | 'paused' | null = null;
  private startedAt = 0;
  private endedBy: CrawlResult['ended'] = 'complete';
  private wake: (() => void) | null = null;

  constructor(
    options: CrawlOptions,
    private readonly events: CrawlEvents,
  ) {
    const start = canonicalUrl(options.start);
    if (!start) throw new CrawlStartError(`not a web address: ${options.start}`);
    this.start = start;
    this.o = {
      start,
      fetcher: options.fetcher,
      parseHtml: options.parseHtml,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      maxPages: options.maxPages ?? 10_000,
      maxDepth: options.maxDepth ?? 8,
      maxTimeMs: options.maxTimeMs ?? null,
      concurrency: Math.max(1, options.concurrency ?? 2),
      delayMs: Math.max(0, options.delayMs ?? 500),
      timeoutMs: options.timeoutMs ?? 15_000,
      external: options.external ?? false,
    };
    this.clock = options.clock ?? realClock;
    this.pacer = new HostPacer(this.o.concurrency, this.o.delayMs, this.clock);
    if (options.resume) {
      const s = options.resume;
      this.queue = s.queue.map((e) => ({ ...e }));
      this.files = [...s.files];
      for (const u of s.seen) this.seen.add(u);
      this.pagesDone = s.pagesDone;
      this.errors = s.errors;
      if (s.skippedUrls) {
        for (const u of s.skippedUrls.robots) this.skippedRobots.add(u);
        for (const u of s.skippedUrls.offsite) this.skippedOffsite.add(u);
        for (const u of s.skippedUrls.limit) this.skippedLimit.add(u);
      } else this.restoreSkipped(s.skipped);
    }
  }

  private restored = { robots: 0, offsite: 0, limit: 0 };
  private restoreSkipped(s: CrawlState['skipped']): void {
    this.restored = { ...s };
  }

  /** Stops after the requests in flight; the state can be resumed later. */
  pause(): void {
    this.stopping ??= 'paused';
    this.wake?.();
  }

  /** Stops after the requests in flight, for good. */
  stop(): void {
    this.stopping = 'stopped';
    this.wake?.();
  }

  state(): CrawlState {
    // Requests in flight go back to the front of the queue: a state saved while running loses nothing.
    return {
      queue: [...this.inFlight, ...this.queue.slice(this.head)],
      files: [...this.filesInFlight, ...this.files],
      seen: [...this.seen],
      pagesDone: this.pagesDone,
      errors: this.errors,
      skipped: this.skipped(),
      skippedUrls: {
        robots: [...this.skippedRobots],
        offsite: [...this.skippedOffsite],
        limit: [...this.skippedLimit],
      },
    };
  }

  private skipped(): CrawlResult['skipped'] {
    return {
      robots: this.restored.robots + this.skippedRobots.size,
      offsite: this.restored.offsite + this.skippedOffsite.size,
      limit: this.restored.limit + this.skippedLimit.size,
    };
  }

  async run(): Promise<CrawlResult> {
    this.startedAt = this.clock.now();
    const origin = new URL(this.start).origin;
    this.robots = await loadRobots(origin, this.o.fetcher, this.o.userAgent);
    if (this.robots.kind === 'unreachable') this.events.note?.(`robots.txt: ${this.robots.detail} — nothing fetched`);
    if (this.robots.crawlDelayMs) this.pacer.atLeast(this.robots.crawlDelayMs);
    if (!this.robots.allowed(this.start))
      throw new CrawlStartError(
        this.robots.kind === 'unreachable'
          ? `${this.start}: ${this.robots.detail}, so the site cannot be crawled`
          : `${this.start} is refused by robots.txt`,
      );
    if (this.seen.size === 0) {
      await this.fetchStart();
      await this.readSitemaps(origin);
    }
    await this.drain();
    this.events.progress?.(this.progress());
    const ended = this.stopping ?? this.endedBy;
    if (ended === 'complete' || ended === 'max-pages' || ended === 'max-time') {
      for (const e of this.queue.slice(this.head)) this.skippedLimit.add(e.url);
      this.queue = [];
      this.head = 0;
    }
    return {
      start: this.start,
      pages: this.pagesDone,
      errors: this.errors,
      skipped: this.skipped(),
      ended,
      robots: this.robots.kind,
      state: this.state(),
    };
  }

  private progress(): CrawlProgress {
    return {
      done: this.pagesDone,
      queued: this.queue.length - this.head + this.files.length,
      errors: this.errors,
      checkedLinks: this.checkedLinks,
    };
  }

  /** The start page decides whether there is a site to crawl: unreachable or not HTML is bad input. */
  private async fetchStart(): Promise<void> {
    this.seen.add(this.start);
    const entry: QueueEntry = { url: this.start, depth: 0, via: 'start', listOf: null };
    const outcome = await this.fetchPage(entry);
    if (outcome === 'not-html') throw new CrawlStartError(`${this.start} is not an HTML page`);
    if (typeof outcome === 'object') throw new CrawlStartError(`cannot fetch ${this.start}: ${outcome.detail}`);
  }

  private async readSitemaps(origin: string): Promise<void> {
    const listed = this.robots?.sitemaps ?? [];
    const pending = [...new Set([...listed, `${origin}/sitemap.xml`])];
    let read = 0;
    while (pending.length > 0 && read < MAX_SITEMAP_FILES) {
      const url = pending.shift()!;
      if (!sameSite(url, this.start) || !this.robots?.allowed(url)) continue;
      read++;
      const response = await this.request(url, 'GET').catch(() => null);
      if (!response?.ok) {
        await response?.body?.cancel();
        continue;
      }
      if (/\.gz$/i.test(new URL(url).pathname)) {
        await response.body?.cancel();
        this.events.note?.(`sitemap not read (gzip): ${url}`);
        continue;
      }
      const entries = parseSitemap(await response.text());
      for (const s of entries.sitemaps) pending.push(canonicalUrl(s, url) ?? s);
      // <loc> should be absolute; a relative one is read against the sitemap's own address.
      for (const page of entries.pages) this.enqueue(canonicalUrl(page, url) ?? page, 1, 'sitemap', null, null);
    }
  }

  private enqueue(href: string, depth: number, via: Via, listOf: string | null, from: string | null): void {
    const url = canonicalUrl(href);
    if (!url) return;
    if (!sameSite(url, this.start)) {
      if (this.skippedOffsite.has(url)) return;
      this.skippedOffsite.add(url);
      if (this.o.external) this.files.push(url);
      return;
    }
    if (this.seen.has(url)) return;
    if (!this.robots?.allowed(url)) {
      this.skippedRobots.add(url);
      return;
    }
    if (looksLikeFile(url)) {
      this.seen.add(url);
      this.files.push(url);
      return;
    }
    if (depth > this.o.maxDepth) {
      this.skippedLimit.add(url);
      return;
    }
    this.seen.add(url);
    this.skippedLimit.delete(url);
    void from;
    this.queue.push({ url, depth, via, listOf });
  }

  private budgetLeft(): boolean {
    if (this.o.maxTimeMs !== null && this.clock.now() - this.startedAt >= this.o.maxTimeMs) {
      this.endedBy = 'max-time';
      return false;
    }
    return true;
  }

  private nextTask(): (() => Promise<void>) | null {
    if (this.stopping || !this.budgetLeft()) return null;
    const file = this.files.shift();
    if (file !== undefined) {
      this.filesInFlight.add(file);
      return async () => {
        try {
          await this.checkFile(file);
        } finally {
          this.filesInFlight.delete(file);
        }
      };
    }
    if (this.head < this.queue.length) {
      if (this.pagesDone + this.inFlightPages >= this.o.maxPages) {
        this.endedBy = 'max-pages';
        return null;
      }
      const entry = this.queue[this.head++]!;
      if (this.head > 4096 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.inFlightPages++;
      this.inFlight.add(entry);
      return async () => {
        try {
          await this.fetchPage(entry);
        } finally {
          this.inFlightPages--;
          this.inFlight.delete(entry);
        }
      };
    }
    return null;
  }

  private inFlightPages = 0;
  private readonly inFlight = new Set<QueueEntry>();
  private readonly filesInFlight = new Set<string>();
  private active = 0;

  private async drain(): Promise<void> {
    const workers: Promise<void>[] = [];
    for (let i = 0; i < this.o.concurrency; i++) workers.push(this.worker());
    await Promise.all(workers);
  }

  private async worker(): Promise<void> {
    for (;;) {
      const task = this.nextTask();
      if (task) {
        this.active++;
        try {
          await task();
        } finally {
          this.active--;
          this.events.progress?.(this.progress());
          this.wake?.();
        }
        continue;
      }
      // Nothing to do now: finished when no other worker can add work.
      if (this.active === 0 || this.stopping || this.endedBy !== 'complete') return;
      await new Promise<void>((resolve) => {
        const previous = this.wake;
        this.wake = () => {
          this.wake = null;
          previous?.();
          resolve();
        };
      });
    }
  }

  private once(url: string, method: 'GET' | 'HEAD', redirect: RequestRedirect): Promise<Response> {
    return this.pacer.run(new URL(url).host, () =>
      this.o.fetcher(url, {
        method,
        redirect,
        headers: { 'user-agent': this.o.userAgent },
        signal: AbortSignal.timeout(this.o.timeoutMs),
      }),
    );
  }

  /**
   * One request, redirects followed by hand so that each hop is paced and checked: a hop to a URL robots.txt refuses
   * or to another site is not taken (the redirect itself is the answer). Where redirects cannot be seen (an extension
   * page gets an opaque redirect), the browser follows them and the final address is checked afterwards.
   */
  private async request(url: string, method: 'GET' | 'HEAD'): Promise<Response> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await this.once(current, method, 'manual');
      if (response.type === 'opaqueredirect') return this.once(current, method, 'follow');
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (!location) {
        if (!response.url) Object.defineProperty(response, 'url', { value: current });
        return response;
      }
      const next = canonicalUrl(location, current);
      const internal = next !== null && sameSite(next, this.start);
      if (!next || (internal && !this.robots?.allowed(next)) || (!internal && sameSite(current, this.start))) {
        if (next && internal) {
          this.skippedRobots.add(next);
          this.events.note?.(`redirect not followed (robots.txt): ${current} → ${next}`);
        } else if (next) this.events.note?.(`redirect off the site not followed: ${current} → ${next}`);
        Object.defineProperty(response, 'url', { value: current });
        return response;
      }
      await response.body?.cancel();
      current = next;
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects`);
  }

  /** One request with one retry for what may pass the second time (5xx, time-out, network). */
  private async attempt(url: string, method: 'GET' | 'HEAD'): Promise<Response | { status: 0; detail: string }> {
    let last: Response | { status: 0; detail: string } = { status: 0, detail: '' };
    for (let i = 0; i < 2; i++) {
      try {
        last = await this.request(url, method);
      } catch (error) {
        last = { status: 0, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
      if (!RETRYABLE(last.status)) return last;
      if (last instanceof Response) await last.body?.cancel();
    }
    return last;
  }

  private report(url: string, status: number, detail: string): LinkOutcome {
    const verdict: LinkVerdict =
      status >= 200 && status < 400 ? 'ok' : DEAD.has(status) ? 'dead' : status === 401 ? 'ok' : 'suspected';
    const outcome = { url, internal: sameSite(url, this.start), verdict, status, detail };
    this.checkedLinks++;
    if (verdict !== 'ok') this.errors++;
    this.events.checked?.(outcome);
    return outcome;
  }

  private async checkFile(url: string): Promise<void> {
    if (!sameSite(url, this.start)) {
      const robots = await this.robotsOf(new URL(url).origin);
      if (!robots.allowed(url)) {
        this.events.checked?.({ url, internal: false, verdict: 'not-checked', status: 0, detail: 'robots.txt' });
        return;
      }
    }
    let response = await this.attempt(url, 'HEAD');
    // HEAD refused (405, 501, or 403/400 from servers that only answer GET): ask with GET, reading no body.
    if (response.status === 405 || response.status === 501 || response.status === 403 || response.status === 400) {
      if (response instanceof Response) await response.body?.cancel();
      response = await this.attempt(url, 'GET');
    }
    if (response instanceof Response) await response.body?.cancel();
    this.report(url, response.status, response instanceof Response ? `HTTP ${response.status}` : response.detail);
  }

  private robotsOf(origin: string): Promise<RobotsRules> {
    let rules = this.externalRobots.get(origin);
    if (!rules) {
      rules = loadRobots(origin, this.o.fetcher, this.o.userAgent);
      this.externalRobots.set(origin, rules);
    }
    return rules;
  }

  /** Fetches and hands on one page; returns 'ok', 'not-html' or the failed outcome. */
  private async fetchPage(entry: QueueEntry): Promise<'ok' | 'not-html' | LinkOutcome> {
    const response = await this.attempt(entry.url, 'GET');
    if (!(response instanceof Response) || !response.ok) {
      if (response instanceof Response) await response.body?.cancel();
      const status = response.status;
      return this.report(entry.url, status, response instanceof Response ? `HTTP ${status}` : response.detail);
    }
    const finalUrl = canonicalUrl(response.url || entry.url) ?? entry.url;
    const type = response.headers.get('content-type') ?? '';
    if (type && !/html|xml/i.test(type)) {
      await response.body?.cancel();
      this.report(entry.url, response.status, `HTTP ${response.status} ${type}`);
      return 'not-html';
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_PAGE_BYTES) {
      await response.body?.cancel();
      this.events.note?.(`page larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB not read: ${entry.url}`);
      this.report(entry.url, response.status, 'too large');
      return 'ok';
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const decoded = decodeBytes(bytes, type);
    if (!/<(html|head|body|div|table|p|title|meta|!doctype)[\s>]/i.test(decoded.text.slice(0, 20_000))) {
      this.report(entry.url, response.status, 'not HTML');
      return 'not-html';
    }
    this.report(entry.url, response.status, `HTTP ${response.status}`);
    if (finalUrl !== entry.url) {
      if (!sameSite(finalUrl, this.start)) {
        this.events.note?.(`redirected off the site: ${entry.url} → ${finalUrl}`);
        return 'ok';
      }
      if (this.seen.has(finalUrl) && entry.via !== 'start') return 'ok';
      this.seen.add(finalUrl);
    }
    const document = this.o.parseHtml(decoded.text, finalUrl);
    const links = readPageLinks(document, finalUrl);
    this.pagesDone++;
    const listOf = entry.via === 'pagination' ? entry.listOf : null;
    await this.events.page({
      url: finalUrl,
      depth: entry.depth,
      via: entry.via,
      listOf,
      status: response.status,
      charset: decoded.charset,
      document,
      links,
    });
    const pagination = new Set(links.pagination);
    for (const link of links.links) {
      this.events.found?.(link.url, finalUrl);
      if (pagination.has(link.url)) continue;
      this.enqueue(link.url, entry.depth + 1, 'link', null, finalUrl);
    }
    for (const url of links.pagination) {
      this.events.found?.(url, finalUrl);
      this.enqueue(url, entry.depth, 'pagination', listOf ?? finalUrl, finalUrl);
    }
    for (const url of links.siteMaps) this.enqueue(url, 1, 'site-map-page', null, finalUrl);
    return 'ok';
  }
}
