import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { parseHTML } from 'linkedom';
import { startDemoServer, type DemoServer } from './server.ts';
import { demoPages, resolveDemoPage, GUIDELINE_META_NAMES, DEMO_SITE, type DemoPage } from './pages.ts';
import { dateToken, expandDateTokens } from './date-tokens.ts';

/** 2026-11-28 12:00 in China Standard Time. */
const NOW = new Date('2026-11-28T04:00:00Z');

interface Fetched {
  status: number;
  contentType: string;
  bytes: Buffer;
  text: string;
}

let server: DemoServer;
const cache = new Map<string, Promise<Fetched>>();

function charsetOf(contentType: string): string {
  return /charset=([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
}

function get(pathOrUrl: string): Promise<Fetched> {
  const url = new URL(pathOrUrl, server.origin).href;
  let p = cache.get(url);
  if (!p) {
    p = (async () => {
      const res = await fetch(url, { redirect: 'manual' });
      const bytes = Buffer.from(await res.arrayBuffer());
      const contentType = res.headers.get('content-type') ?? '';
      const text = contentType.startsWith('text/html') ? new TextDecoder(charsetOf(contentType)).decode(bytes) : '';
      return { status: res.status, contentType, bytes, text };
    })();
    cache.set(url, p);
  }
  return p;
}

/** A request whose path is sent exactly as given (fetch would normalise `..`). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

function docOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function normText(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** GB 11643-1999 check digit of an 18-character 居民身份证号. */
function gb11643Valid(id: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  return '10X98765432'[sum % 11] === id[17]?.toUpperCase();
}

const resolved: DemoPage[] = demoPages.map((p) => resolveDemoPage(p, NOW));

beforeAll(async () => {
  server = await startDemoServer({ now: NOW });
});

afterAll(async () => {
  await server.close();
});

describe('date tokens', () => {
  it('computes dates in China Standard Time relative to now', () => {
    expect(dateToken('0d', undefined, NOW)).toBe('2026-11-28');
    expect(dateToken('-3d', undefined, NOW)).toBe('2026-11-25');
    expect(dateToken('-40d', 'MM-DD', NOW)).toBe('10-19');
    expect(dateToken('-2d', 'YYYY年M月D日', NOW)).toBe('2026年11月26日');
    expect(dateToken('-2d', 'YYYYMM', NOW)).toBe('202611');
    expect(dateToken('-2d', 'YYYYMMDD', NOW)).toBe('20261126');
    expect(dateToken('-14m', undefined, NOW)).toBe('2025-09-28');
    expect(dateToken('-1y-2m', 'YYYY', NOW)).toBe('2025');
    expect(dateToken('-1m-10d', 'YYYY年M月', NOW)).toBe('2026年10月');
    expect(dateToken('+5d', undefined, NOW)).toBe('2026-12-03');
    // 2026-11-27 20:00 UTC is already 2026-11-28 04:00 in Beijing
    expect(dateToken('0d', undefined, new Date('2026-11-27T20:00:00Z'))).toBe('2026-11-28');
    // month shifts clamp the day
    expect(dateToken('-1m', undefined, new Date('2026-03-31T04:00:00Z'))).toBe('2026-02-28');
  });

  it('expands tokens in text and leaves malformed ones', () => {
    expect(expandDateTokens('a{{date:-1d}}b{{date:-1d|YYYY}}c', NOW)).toBe('a2026-11-27b2026c');
    expect(expandDateTokens('{{date:-1w}}', NOW)).toBe('{{date:-1w}}');
  });
});

describe('manifest', () => {
  it('has unique paths, a sensible walk and one GBK and one traditional page', () => {
    const paths = demoPages.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    const walk = demoPages.filter((p) => p.walk);
    expect(walk.length).toBeGreaterThanOrEqual(12);
    expect(walk.length).toBeLessThanOrEqual(16);
    expect(walk.some((p) => p.kind === 'home')).toBe(true);
    expect(walk.some((p) => p.charset === 'gbk')).toBe(true);
    expect(walk.some((p) => p.script === 'traditional')).toBe(true);
    expect(demoPages.filter((p) => p.charset === 'gbk')).toHaveLength(1);
    expect(demoPages.filter((p) => p.script === 'traditional')).toHaveLength(1);
    // one walk page per column
    const walkColumns = walk.map((p) => p.column);
    expect(new Set(walkColumns).size).toBe(walkColumns.length);
  });
});

describe('served pages', () => {
  it.each(resolved.map((p) => [p.path, p] as const))(
    '%s: status, charset, title, meta, breadcrumb',
    async (_path, page) => {
      const r = await get(page.path);
      expect(r.status).toBe(200);
      expect(charsetOf(r.contentType)).toBe(page.charset);
      expect(r.text).not.toContain('{{');
      expect(r.text).not.toContain('<!--#include');

      const doc = docOf(r.text);
      expect(normText(doc.querySelector('title')?.textContent)).toBe(page.title);

      const meta: Record<string, string> = {};
      for (const el of Array.from(doc.querySelectorAll('meta[name]'))) {
        const name = el.getAttribute('name') ?? '';
        if ((GUIDELINE_META_NAMES as readonly string[]).includes(name)) meta[name] = el.getAttribute('content') ?? '';
      }
      expect(meta).toEqual(page.meta);

      const position = doc.querySelector('.position');
      if (page.breadcrumb === null) {
        expect(position).toBeNull();
      } else {
        const text = normText(position?.textContent);
        const sep = '\\s*(?:>>|->|>|»|/|＞|›)\\s*';
        expect(text).toMatch(new RegExp(`${page.breadcrumb.map(escapeRe).join(sep)}$`));
      }
    },
  );

  it('serves the GBK page as GBK bytes', async () => {
    const page = resolved.find((p) => p.charset === 'gbk');
    expect(page).toBeDefined();
    if (!page) return;
    const r = await get(page.path);
    expect(r.contentType).toBe('text/html; charset=gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(r.bytes)).toThrow();
    expect(r.bytes.includes(Buffer.from(page.title, 'utf8'))).toBe(false);
    const decoded = new TextDecoder('gbk').decode(r.bytes);
    expect(decoded).toContain(page.title);
    expect(decoded).toMatch(/<meta[^>]+charset=gb2312/i);
    // nothing was lost in the GBK encoding
    expect(decoded).not.toContain('?');
  });

  it('computes dates from now', async () => {
    const home = await get('/');
    expect(home.text).toContain('今天是2026年11月28日');
    expect(home.text).toContain('/xwzx/gzdt/202611/t20261127_1101.html');
    const zdxx = await get('/zwgk/zdxx/index.html');
    expect(zdxx.text).toContain('./202611/t20261118_2801.html');
    expect(zdxx.text).toContain('<span>11-18</span>');
    expect(zdxx.text).toContain('./202510/t20251028_2803.html');
    const gzdt = await get('/xwzx/gzdt/index.html');
    expect(gzdt.text).toContain('2026-11-27');
    const yjsgk = await get('/zwgk/yjsgk/index.html');
    expect(yjsgk.text).toContain('2026年8月28日');
    const czsz = await get('/zwgk/czsz/2101.html');
    expect(czsz.text).toContain('发布时间：2026-11-18');
    expect(czsz.text).toContain('罗源县2026年10月财政收支情况');

    const later = await startDemoServer({ now: new Date('2030-02-15T04:00:00Z') });
    try {
      const res = await fetch(`${later.origin}/xwzx/gzdt/index.html`);
      const text = await res.text();
      expect(text).toContain('2030-02-14');
      expect(text).not.toContain('2026-11-27');
      const item = await fetch(`${later.origin}/xwzx/gzdt/203002/t20300214_1101.html`);
      expect(item.status).toBe(200);
    } finally {
      await later.close();
    }
  });

  it('maps dated item URLs to the article and rejects inconsistent ones', async () => {
    expect((await get('/zwgk/xzcf/202611/t20261119_4004.html')).status).toBe(200);
    expect((await get('/zwgk/xzcf/202610/t20261119_4004.html')).status).toBe(404);
    expect((await get('/zwgk/xzcf/202611/t20261119_9999.html')).status).toBe(404);
  });

  it('redirects a directory without a slash and serves its index', async () => {
    const r = await get('/zwgk');
    expect(r.status).toBe(301);
    expect((await get('/zwgk/')).status).toBe(200);
  });

  it('answers unknown paths with a 404 page', async () => {
    const r = await get('/no/such/page.html');
    expect(r.status).toBe(404);
    expect(r.text).toContain('页面不存在');
  });

  it('refuses path traversal', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2e%2e/package.json',
      '/zwgk/../../package.json',
      '/zwgk/%2e%2e/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/..%5cpackage.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/inc/..%00/x',
    ]) {
      const r = await rawGet(p);
      expect([400, 403, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('gongkai-inspector');
    }
  });
});

describe('links', () => {
  it('every internal link and resource, crawled from the home page, resolves with 200', async () => {
    const origin = server.origin;
    const seen = new Set<string>();
    const broken: string[] = [];
    const queue: Array<{ url: string; from: string }> = [{ url: `${origin}/`, from: '(start)' }];
    while (queue.length > 0) {
      const next = queue.shift();
      if (!next || seen.has(next.url)) continue;
      seen.add(next.url);
      const r = await get(next.url);
      if (r.status !== 200) {
        broken.push(`${next.url} (${r.status}) ← ${next.from}`);
        continue;
      }
      if (!r.contentType.startsWith('text/html')) continue;
      const doc = docOf(r.text);
      for (const el of Array.from(doc.querySelectorAll('[href], [src]'))) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (ref === '' || ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue;
        const target = new URL(ref, next.url);
        target.hash = '';
        if (target.origin !== origin) continue;
        if (!seen.has(target.href)) queue.push({ url: target.href, from: next.url });
      }
    }
    expect(broken).toEqual([]);
    // every page of the manifest is reachable by links from the home page (directly or via a dated URL)
    const reachedFiles = new Set<string>();
    for (const url of seen) {
      const p = new URL(url).pathname.replace(/\/(\d{6})\/t\d{8}_(\d+)\.html$/, '/$2.html');
      reachedFiles.add(p.endsWith('/') ? `${p}index.html` : p);
    }
    const orphans = resolved.map((p) => (p.path === '/' ? '/index.html' : p.path)).filter((p) => !reachedFiles.has(p));
    expect(orphans).toEqual([]);
    // attachments were crawled too
    expect([...seen].some((u) => u.endsWith('.pdf'))).toBe(true);
    expect([...seen].some((u) => u.endsWith('.xls'))).toBe(true);
  });
});

describe('page content', () => {
  it('publishes a valid unmasked ID number and a mobile number on the privacy page only where declared', async () => {
    const leak = await get('/zwgk/xzcf/4004.html');
    const ids = leak.text.match(/(?<!\d)\d{17}[\dXx](?!\d)/g) ?? [];
    expect(ids).toEqual([DEMO_SITE.unmaskedIdNumber]);
    expect(gb11643Valid(DEMO_SITE.unmaskedIdNumber)).toBe(true);
    expect(gb11643Valid('350123198503121531')).toBe(false);
    expect(leak.text).toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);

    const masked = await get('/zwgk/xzcf/4005.html');
    expect(masked.text).toContain('350123********1234');
    expect(masked.text).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
    expect(masked.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('has the complete and the incomplete 办事指南', async () => {
    const elements = [
      '事项名称',
      '事项类型',
      '设定依据',
      '实施机构',
      '法定办结时限',
      '承诺办结时限',
      '结果名称',
      '结果样本',
      '收费标准',
      '收费依据',
      '申请材料',
      '办理流程',
      '办理形式',
      '审查标准',
      '通办范围',
      '预约办理',
      '网上支付',
      '物流快递',
      '办理地点',
      '办理时间',
      '咨询电话',
      '监督电话',
    ];
    const materials = [
      '材料名称',
      '材料类型',
      '材料样本',
      '电子表单',
      '来源渠道',
      '纸质材料份数和规格',
      '填报须知',
      '受理标准',
      '是否需电子材料',
    ];
    const rows = (html: string): Map<string, string> => {
      const doc = docOf(html);
      const map = new Map<string, string>();
      for (const label of Array.from(
        doc.querySelectorAll('table.bszn > tr > td.label, table.bszn > tbody > tr > td.label'),
      )) {
        map.set(normText(label.textContent), normText(label.nextElementSibling?.textContent));
      }
      return map;
    };
    const full = rows((await get('/bsfw/bszn/5001.html')).text);
    expect([...full.keys()]).toEqual(elements);
    for (const [k, v] of full) expect(v, k).not.toBe('');
    const fullDoc = docOf((await get('/bsfw/bszn/5001.html')).text);
    expect(
      Array.from(fullDoc.querySelectorAll('table.sqcl th'))
        .map((th) => normText(th.textContent))
        .slice(1),
    ).toEqual(materials);

    const partial = rows((await get('/bsfw/bszn/5002.html')).text);
    expect(elements.filter((e) => !partial.has(e))).toEqual(['网上支付', '物流快递', '监督电话']);
    expect([...partial].filter(([, v]) => v === '').map(([k]) => k)).toEqual(['收费依据']);
  });

  it('links the document and its 解读 both ways and marks validity', async () => {
    const doc = (await get('/zwgk/gfxwj/6001.html')).text;
    const jd = (await get('/zwgk/zcjd/7001.html')).text;
    expect(doc).toContain('/zwgk/zcjd/202611/t20261121_7001.html');
    expect(jd).toContain('/zwgk/gfxwj/202611/t20261121_6001.html');
    expect(doc).toContain('标　　题');
    expect(doc).toContain('索 引 号');
    expect(normText(docOf(doc).querySelector('.xxgk-meta')?.textContent)).toContain('有 效 性：有效');
    expect((await get('/zwgk/gfxwj/6002.html')).text).toContain('已废止');
  });

  it('has a blank column and an incomplete penalty', async () => {
    const blank = docOf((await get('/zwgk/phqgz/index.html')).text);
    expect(blank.querySelectorAll('ul.newslist li')).toHaveLength(0);
    expect(normText(blank.querySelector('.nodata')?.textContent)).toBe('暂无信息');
    const penalty = (await get('/zwgk/xzcf/4003.html')).text;
    expect(penalty).not.toContain('依据');
    expect(penalty).toContain('违法事实');
  });
});
