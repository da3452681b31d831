// Checking links to other sites after a patrol: the site access asked for is the fewest origins covering the links;
// each link is checked once, after its site's robots.txt, HEAD then GET when HEAD is refused, a 5xx retried once.
import { describe, expect, it } from 'vitest';
import { accessPatterns, checkLinks } from './link-check';

describe('accessPatterns', () => {
  it('asks for one origin per site linked, never more than the links need', () => {
    expect(
      accessPatterns([
        'http://www.gov.cn/',
        'http://www.gov.cn/zhengce/index.htm#top',
        'https://www.gov.cn/',
        'http://127.0.0.1:8080/a.pdf',
        'mailto:x@example.com',
        'javascript:void(0)',
      ]),
    ).toEqual(['http://127.0.0.1:8080/*', 'http://www.gov.cn/*', 'https://www.gov.cn/*']);
    expect(accessPatterns([])).toEqual([]);
  });
});

describe('checkLinks', () => {
  it('honours robots.txt, falls back to GET, retries a 5xx once, and calls 404 dead', async () => {
    const requests: string[] = [];
    const served = new Map<string, number>();
    const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      requests.push(`${method} ${url}`);
      const n = (served.get(`${method} ${url}`) ?? 0) + 1;
      served.set(`${method} ${url}`, n);
      const path = new URL(url).pathname;
      if (path === '/robots.txt')
        return new Response('User-agent: *\nDisallow: /private/\n', { headers: { 'content-type': 'text/plain' } });
      if (path === '/private/x.html') return new Response('secret');
      if (path === '/head-refused.html')
        return new Response(method === 'HEAD' ? null : 'ok', { status: method === 'HEAD' ? 405 : 200 });
      if (path === '/flaky.html') return new Response(null, { status: n === 1 ? 503 : 200 });
      if (path === '/down.html') return new Response(null, { status: 502 });
      if (path === '/') return new Response('home');
      return new Response(null, { status: 404 });
    }) as typeof fetch;
    const seen: string[] = [];
    const outcomes = await checkLinks(
      [
        'http://a.test/',
        'http://a.test/#again',
        'http://a.test/private/x.html',
        'http://a.test/head-refused.html',
        'http://a.test/flaky.html',
        'http://a.test/down.html',
        'http://b.test/gone.html',
      ],
      { fetcher, delayMs: 0 },
      (o) => seen.push(o.url),
    );
    const by = Object.fromEntries(outcomes.map((o) => [new URL(o.url).host + new URL(o.url).pathname, o]));
    expect(outcomes).toHaveLength(6);
    expect(seen.sort()).toEqual(outcomes.map((o) => o.url).sort());
    expect(by['a.test/']).toMatchObject({ verdict: 'ok', status: 200 });
    expect(by['a.test/private/x.html']).toMatchObject({ verdict: 'not-checked', detail: 'robots.txt' });
    expect(requests).not.toContain('HEAD http://a.test/private/x.html');
    expect(requests).not.toContain('GET http://a.test/private/x.html');
    expect(by['a.test/head-refused.html']).toMatchObject({ verdict: 'ok', status: 200 });
    expect(by['a.test/flaky.html']).toMatchObject({ verdict: 'ok', status: 200 });
    expect(by['a.test/down.html']).toMatchObject({ verdict: 'suspected', status: 502 });
    expect(requests.filter((r) => r === 'HEAD http://a.test/down.html')).toHaveLength(2);
    expect(by['b.test/gone.html']).toMatchObject({ verdict: 'dead', status: 404 });
    // each site's robots.txt read once, before any of its links
    expect(requests.filter((r) => r.endsWith('a.test/robots.txt'))).toHaveLength(1);
    expect(requests.indexOf('GET http://b.test/robots.txt')).toBeLessThan(
      requests.indexOf('HEAD http://b.test/gone.html'),
    );
  });
});
