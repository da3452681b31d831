// The crawler core against an in-memory site (an injected fetch): robots.txt, pagination, sitemap, budgets, link
// checks with HEAD/GET and one retry, pacing, pause and resume.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  CrawlStartError,
  SiteCrawl,
  type CrawledPage,
  type CrawlOptions,
  type CrawlState,
  type LinkOutcome,
} from './crawler';
import { HostPacer, type PacerClock } from './host-pacer';

type Route = { status?: number; type?: string; body?: string; head?: number; location?: string };

function site(routes: Record<string, Route | Route[]>) {
  const requests: Array<{ url: string; method: string }> = [];
  const served = new Map<string, number>();
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    requests.push({ url, method });
    const path = new URL(url).pathname + new URL(url).search;
    const entry = routes[path];
    const n = served.get(path) ?? 0;
    served.set(path, n + 1);
    const route = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)] : entry;
    if (!route) return new Response('not found', { status: 404 });
    const status = method === 'HEAD' && route.head ? route.head : (route.status ?? 200);
    const response = new Response(method === 'HEAD' ? null : (route.body ?? ''), {
      status,
      headers: {
        'content-type': route.type ?? 'text/html; charset=utf-8',
        ...(route.location ? { location: route.location } : {}),
      },
    });
    Object.defineProperty(response, 'url', { value: url });
    return response;
  }) as typeof fetch;
  return { fetcher, requests };
}

const page = (body: string) => ({ body: `<html><head><title>t</title></head><body>${body}</body></html>` });
const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;

async function crawl(routes: Record<string, Route | Route[]>, options: Partial<CrawlOptions> = {}) {
  const { fetcher, requests } = site(routes);
  const pages: CrawledPage[] = [];
  const checked: LinkOutcome[] = [];
  const crawler = new SiteCrawl(
    { start: 'http://portal.test/', fetcher, parseHtml, delayMs: 0, ...options },
    { page: (p) => void pages.push(p), checked: (o) => void checked.push(o) },
  );
  const result = await crawler.run();
  return { result, pages, checked, requests, crawler };
}

describe('SiteCrawl', () => {
  it('never requests what robots.txt disallows, and refuses a disallowed start', async () => {
    const routes = {
      '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
      '/': page('<a href="/a.html">a</a><a href="/private/x.html">x</a>'),
      '/a.html': page('a'),
      '/private/x.html': page('secret'),
    };
    const { result, requests } = await crawl(routes);
    expect(requests.map((r) => new URL(r.url).pathname)).not.toContain('/private/x.html');
    expect(result.skipped.robots).toBe(1);
    expect(result.pages).toBe(2);
    await expect(crawl(routes, { start: 'http://portal.test/private/x.html' })).rejects.toThrow(CrawlStartError);
  });

  it('follows redirects by hand: never into what robots.txt disallows, never off the site', async () => {
    const { pages, requests, result } = await crawl({
      '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
      '/': page('<a href="/moved.html">m</a><a href="/sneaky.html">s</a><a href="/away.html">a</a>'),
      '/moved.html': { status: 301, location: '/new.html' },
      '/new.html': page('new'),
      '/sneaky.html': { status: 302, location: '/private/x.html' },
      '/private/x.html': page('secret'),
      '/away.html': { status: 302, location: 'http://elsewhere.test/' },
    });
    const paths = requests.map((r) => new URL(r.url).href);
    expect(paths).not.toContain('http://portal.test/private/x.html');
    expect(paths.some((u) => u.startsWith('http://elsewhere.test'))).toBe(false);
    expect(pages.map((p) => new URL(p.url).pathname)).toContain('/new.html');
    expect(result.skipped.robots).toBe(1);
  });

  it('fetches nothing when robots.txt answers 5xx (RFC 9309: assume disallowed)', async () => {
    const { fetcher, requests } = site({ '/robots.txt': { status: 503 }, '/': page('home') });
    const crawler = new SiteCrawl({ start: 'http://portal.test/', fetcher, parseHtml, delayMs: 0 }, { page: () => {} });
    await expect(crawler.run()).rejects.toThrow(/robots/);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/robots.txt']);
  });

  it('follows pagination (createPageHTML, 下一页, ?page=) as pages of the same list, without adding depth', async () => {
    const { pages } = await crawl(
      {
        '/': page('<a href="/news/">news</a><a href="/list?page=1">list</a>'),
        '/news/': page('<script>createPageHTML(3, 0, "index", "html");</script>'),
        '/news/index_1.html': page(''),
        '/news/index_2.html': page(''),
        '/list?page=1': page('<a href="/list?page=2">下一页</a>'),
        '/list?page=2': page('<a href="/list?page=1">1</a><a href="/list?page=3">下一页</a>'),
        '/list?page=3': page(''),
      },
      { maxDepth: 1 },
    );
    const byPath = new Map(pages.map((p) => [new URL(p.url).pathname + new URL(p.url).search, p]));
    expect(byPath.get('/news/index_2.html')?.listOf).toBe('http://portal.test/news/');
    expect(byPath.get('/news/index_2.html')?.depth).toBe(1);
    expect(byPath.get('/list?page=3')?.listOf).toBe('http://portal.test/list?page=1');
    expect(byPath.get('/list?page=3')?.via).toBe('pagination');
  });

  it('uses sitemap.xml (and robots.txt Sitemap lines) to reach pages no link leads to', async () => {
    const { pages } = await crawl({
      '/robots.txt': { type: 'text/plain', body: 'Sitemap: http://portal.test/maps/index.xml\n' },
      '/': page('home'),
      '/maps/index.xml': {
        type: 'application/xml',
        body: '<sitemapindex><sitemap><loc>http://portal.test/maps/a.xml</loc></sitemap></sitemapindex>',
      },
      '/maps/a.xml': {
        type: 'application/xml',
        body: '<urlset><url><loc>http://portal.test/orphan.html</loc></url></urlset>',
      },
      '/sitemap.xml': { type: 'application/xml', body: '<urlset><url><loc>/second.html</loc></url></urlset>' },
      '/orphan.html': page('orphan'),
      '/second.html': page('second'),
    });
    const paths = pages.map((p) => new URL(p.url).pathname);
    expect(paths).toContain('/orphan.html');
    expect(paths).toContain('/second.html');
  });

  it('stops at the page budget and counts what it left', async () => {
    const links = Array.from({ length: 10 }, (_, i) => `<a href="/p${i}.html">p</a>`).join('');
    const routes: Record<string, Route> = { '/': page(links) };
    for (let i = 0; i < 10; i++) routes[`/p${i}.html`] = page('');
    const { result, pages } = await crawl(routes, { maxPages: 4 });
    expect(pages).toHaveLength(4);
    expect(result.ended).toBe('max-pages');
    expect(result.skipped.limit).toBe(7);
  });

  it('checks files with HEAD, asks with GET when HEAD is refused, retries a 5xx once', async () => {
    const { checked, requests } = await crawl({
      '/': page(
        '<a href="/a.pdf">a</a><a href="/b.pdf">b</a><a href="/c.pdf">c</a><a href="/d.pdf">d</a><a href="/gone.html">g</a>',
      ),
      '/a.pdf': { type: 'application/pdf', body: 'x' },
      '/b.pdf': { type: 'application/pdf', body: 'x', head: 405 },
      '/c.pdf': [{ status: 503 }, { status: 503 }],
      '/d.pdf': [{ status: 502 }, { type: 'application/pdf', body: 'x' }],
      '/gone.html': { status: 410 },
    });
    const verdict = (p: string) => checked.find((c) => c.url.endsWith(p));
    expect(verdict('/a.pdf')?.verdict).toBe('ok');
    expect(requests.filter((r) => r.url.endsWith('/a.pdf')).map((r) => r.method)).toEqual(['HEAD']);
    expect(verdict('/b.pdf')?.verdict).toBe('ok');
    expect(requests.filter((r) => r.url.endsWith('/b.pdf')).map((r) => r.method)).toEqual(['HEAD', 'GET']);
    expect(verdict('/c.pdf')).toMatchObject({ verdict: 'suspected', status: 503 });
    expect(requests.filter((r) => r.url.endsWith('/c.pdf'))).toHaveLength(2);
    expect(verdict('/d.pdf')?.verdict).toBe('ok');
    expect(verdict('/gone.html')).toMatchObject({ verdict: 'dead', status: 410 });
  });

  it('pauses with a state that resumes where it stopped, fetching nothing twice', async () => {
    const links = Array.from({ length: 6 }, (_, i) => `<a href="/p${i}.html">p</a>`).join('');
    const routes: Record<string, Route> = {
      '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
      '/': page(`${links}<a href="/private/a.html">x</a><a href="http://other.test/">o</a>`),
    };
    for (let i = 0; i < 6; i++)
      routes[`/p${i}.html`] = page('<a href="/private/a.html">x</a><a href="http://other.test/">o</a>');
    const { fetcher, requests } = site(routes);
    const seen: string[] = [];
    const first: SiteCrawl = new SiteCrawl(
      { start: 'http://portal.test/', fetcher, parseHtml, delayMs: 0, concurrency: 1 },
      {
        page: (p) => {
          seen.push(p.url);
          if (seen.length === 3) first.pause();
        },
      },
    );
    const paused = await first.run();
    expect(paused.ended).toBe('paused');
    const state = JSON.parse(JSON.stringify(paused.state));
    const second = new SiteCrawl(
      { start: 'http://portal.test/', fetcher, parseHtml, delayMs: 0, concurrency: 1, resume: state },
      { page: (p) => void seen.push(p.url) },
    );
    const done = await second.run();
    expect(done.ended).toBe('complete');
    expect(done.pages).toBe(7);
    // what was skipped before the pause is not counted again after it
    expect(done.skipped).toEqual({ robots: 1, offsite: 1, limit: 0 });
    expect(new Set(seen).size).toBe(7);
    const gets = requests.filter((r) => r.method === 'GET' && !r.url.endsWith('robots.txt') && !r.url.endsWith('.xml'));
    expect(gets).toHaveLength(7);
  });
});

describe('SiteCrawl resumed (c451682)', () => {
  // Every page links to the same URL refused by robots.txt and the same page of another site, every page one level
  // down to the same page past the depth budget: each is one skipped URL, however often the crawl is paused and resumed.
  const shared = '<a href="/private/a.html">x</a><a href="http://other.test/">o</a>';
  const routes = (): Record<string, Route> => {
    const r: Record<string, Route> = {
      '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
      '/': page(Array.from({ length: 6 }, (_, i) => `<a href="/p${i}.html">p</a>`).join('') + shared),
    };
    // one level down, the same deeper page: over the depth budget of 1
    for (let i = 0; i < 6; i++) r[`/p${i}.html`] = page(`${shared}<a href="/deep/1.html">d</a>`);
    return r;
  };
  const options = { start: 'http://portal.test/', parseHtml, delayMs: 0, concurrency: 1, maxDepth: 1 };

  it('counts each skipped URL once across two pauses, as an uninterrupted crawl does', async () => {
    const whole = await crawl(routes(), { concurrency: 1, maxDepth: 1 });
    expect(whole.result.skipped).toEqual({ robots: 1, offsite: 1, limit: 1 });

    const { fetcher } = site(routes());
    let state: CrawlState | undefined;
    let result: Awaited<ReturnType<SiteCrawl['run']>> | undefined;
    for (const pauseAfter of [2, 2, Infinity]) {
      let pages = 0;
      const crawler: SiteCrawl = new SiteCrawl(
        { ...options, fetcher, ...(state ? { resume: state } : {}) },
        {
          page: () => {
            if (++pages === pauseAfter) crawler.pause();
          },
        },
      );
      result = await crawler.run();
      // the state goes through JSON, as the extension keeps it in browser.storage.local
      state = JSON.parse(JSON.stringify(result.state)) as CrawlState;
    }
    expect(result!.ended).toBe('complete');
    expect(result!.pages).toBe(whole.result.pages);
    expect(result!.skipped).toEqual(whole.result.skipped);
  });

  it('still resumes a state saved before skipped URLs were kept (its counts carried as they were)', async () => {
    const { fetcher } = site(routes());
    let pages = 0;
    const first: SiteCrawl = new SiteCrawl(
      { ...options, fetcher },
      {
        page: () => {
          if (++pages === 2) first.pause();
        },
      },
    );
    const paused = await first.run();
    const { skippedUrls: _dropped, ...older } = JSON.parse(JSON.stringify(paused.state)) as CrawlState;
    const done = await new SiteCrawl({ ...options, fetcher, resume: older }, { page: () => {} }).run();
    expect(done.ended).toBe('complete');
    expect(done.pages).toBe(7);
    // the older state carried counts, not URLs: they are kept, never lost
    expect(done.skipped.robots).toBeGreaterThanOrEqual(1);
    expect(done.skipped.offsite).toBeGreaterThanOrEqual(1);
  });
});

describe('HostPacer', () => {
  it('spaces request starts to one host and keeps at most N in flight', async () => {
    let now = 0;
    const clock: PacerClock = {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    };
    const pacer = new HostPacer(2, 500, clock);
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        pacer.run('a.test', async () => {
          starts.push(now);
          inFlight++;
          most = Math.max(most, inFlight);
          await Promise.resolve();
          inFlight--;
        }),
      ),
    );
    const sorted = [...starts].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(500);
    expect(most).toBeLessThanOrEqual(2);
  });
});
