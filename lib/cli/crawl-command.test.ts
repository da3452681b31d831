// `gongkai crawl` against the patrol demo site (a real HTTP server on 127.0.0.1), compared with the truth written with
// its pages (demo-portal/patrol-truth.json); the audit file is written to disk and read back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import truth from '../../demo-portal/patrol-truth.json';
import { runCliCaptured } from '../../tests/helpers/run-cli';

const NOW = new Date('2026-11-28T04:00:00Z');
let server: DemoServer;
let dir: string;

beforeAll(async () => {
  server = await startDemoServer({ now: NOW, site: 'patrol' });
  dir = mkdtempSync(join(tmpdir(), 'gongkai-crawl-'));
});
afterAll(async () => {
  await server.close();
});

async function crawl(args: string[]) {
  const requested: Array<{ url: string; method: string }> = [];
  const fetcher: typeof fetch = (input, init) => {
    requested.push({ url: String(input), method: init?.method ?? 'GET' });
    return fetch(input, init);
  };
  return { ...(await runCliCaptured(['crawl', ...args], { fetcher, now: NOW })), requested };
}

describe('gongkai crawl on the patrol demo', () => {
  let run: Awaited<ReturnType<typeof crawl>>;
  let summary: {
    start: string;
    pages: number;
    skipped: { robots: number; offsite: number; limit: number };
    indicators: { ref: string };
    columns: Array<{ name: string; url: string; status: string; items: number; path: string[] }>;
    deadLinks: Array<{ url: string; status: number; foundOn: string[] }>;
    externalLinks: Array<{ url: string; verdict: string }>;
    tasks: Array<{ taskId: string; columns: string[]; status: string }>;
    vetoes: Array<{ id: string; triggered: boolean; evidence: string[] }>;
  };
  const output = () => join(dir, 'patrol.json');

  beforeAll(async () => {
    run = await crawl([`${server.origin}/`, '--delay', '0', '--json', '-o', output()]);
    summary = JSON.parse(run.out);
  }, 120_000);

  it('finds every column with the status its pages were written with', () => {
    expect(run.code).toBe(0);
    expect(summary.indicators.ref).toContain('国办秘函〔2019〕19号');
    const byPath = new Map(summary.columns.map((c) => [new URL(c.url).pathname, c]));
    for (const [name, want] of Object.entries(truth.columns) as Array<
      [string, { path: string; status?: string; items?: number }]
    >) {
      const got = byPath.get(want.path);
      expect(got, `${name} ${want.path}`).toBeDefined();
      expect(got!.name).toBe(name);
      if (want.status) expect(got!.status, name).toBe(want.status);
      if (want.items !== undefined) expect(got!.items, name).toBe(want.items);
    }
    // one column per list, however many URLs lead to it
    expect(summary.columns).toHaveLength(Object.keys(truth.columns).length);
  });

  it('reports the dead links with the pages they are on, and only those', () => {
    const dead = summary.deadLinks.map((d) => ({
      path: new URL(d.url).pathname,
      status: d.status,
      foundOn: d.foundOn.map((u) => new URL(u).pathname),
    }));
    expect(dead.map((d) => d.path).sort()).toEqual(truth.deadLinks.map((d) => d.path).sort());
    for (const want of truth.deadLinks) {
      const got = dead.find((d) => d.path === want.path)!;
      expect(got.status).toBe(want.status);
      for (const on of want.foundOn) expect(got.foundOn).toContain(on);
    }
    // the live attachment was checked with HEAD, and is not dead
    for (const ok of truth.okAttachments)
      expect(run.requested.some((r) => r.url.endsWith(ok) && r.method === 'HEAD')).toBe(true);
  });

  it('honours robots.txt and leaves other sites alone unless asked', () => {
    for (const path of truth.robotsDisallowed) expect(run.requested.some((r) => r.url.endsWith(path))).toBe(false);
    expect(summary.skipped.robots).toBeGreaterThanOrEqual(truth.robotsDisallowed.length);
    expect(run.requested.every((r) => r.url.startsWith(server.origin))).toBe(true);
    expect(summary.externalLinks.map((e) => e.url)).toEqual(truth.external);
    expect(summary.externalLinks.every((e) => e.verdict === 'not-checked')).toBe(true);
    // every page fetched once
    const gets = run.requested.filter((r) => r.method === 'GET').map((r) => r.url);
    expect(new Set(gets).size).toBe(gets.length);
  });

  it('decides the 19号 vetoes as the site was built, each with its evidence', () => {
    const vetoes = Object.fromEntries(summary.vetoes.map((v) => [v.id, v]));
    for (const [id, triggered] of Object.entries(truth.vetoes)) expect(vetoes[id]?.triggered, id).toBe(triggered);
    expect(vetoes['interaction-unanswered']!.evidence.join('\n')).toContain(truth.unansweredMessage);
    const guides = vetoes['service-guides-incomplete']!.evidence.join('\n');
    for (const path of truth.incompleteGuides) expect(guides).toContain(path);
    expect(guides).not.toContain('/bsfw/bszn/1.html');
    expect(vetoes['blank-columns']!.evidence).toHaveLength(4);
  });

  it('gives the plan view: tasks served by blank columns are findings', () => {
    const blank = summary.tasks.filter((t) => t.status === 'blank').flatMap((t) => t.columns);
    expect(blank).toContain('棚户区改造');
    const covered = summary.tasks.filter((t) => t.status === 'covered').flatMap((t) => t.columns);
    expect(covered).toContain('办事指南');
    expect(summary.tasks.some((t) => t.status === 'missing')).toBe(true);
  });

  it('writes the pages and the site results into the audit file', () => {
    const file = JSON.parse(readFileSync(output(), 'utf8'));
    expect(file.format).toBe('gongkai-audit');
    const pages = file.pages.map((p: { url: string }) => new URL(p.url).pathname);
    expect(pages).toContain('/');
    expect(pages).toContain('/zwgk/phqgz/');
    expect(pages).toContain('/bsfw/bszn/6.html');
    // the patrol's own record: start, when, the indicator set, every column, dead links with their pages, the task
    // view and the vetoes with their evidence
    expect(file.version).toBe(2);
    expect(file.sites).toHaveLength(1);
    const record = file.sites[0];
    expect(record).toMatchObject({
      auditId: file.audit.id,
      origin: server.origin,
      start: `${server.origin}/`,
      judgedAt: NOW.toISOString(),
      indicators: { id: 'gov-19-2019', version: '2019' },
      ended: 'complete',
    });
    expect(record.columns).toHaveLength(Object.keys(truth.columns).length);
    expect(record.columns.find((c: { name: string }) => c.name === '棚户区改造')).toMatchObject({
      status: 'blank',
      items: 0,
      path: expect.arrayContaining(['棚户区改造']),
    });
    expect(record.deadLinks.map((d: { url: string }) => new URL(d.url).pathname).sort()).toEqual(
      truth.deadLinks.map((d) => d.path).sort(),
    );
    expect(record.tasks.length).toBeGreaterThan(0);
    expect(record.vetoes.map((v: { id: string }) => v.id).sort()).toEqual(Object.keys(truth.vetoes).sort());
    expect(record.vetoes.find((v: { id: string }) => v.id === 'interaction-unanswered').evidence.join('\n')).toContain(
      truth.unansweredMessage,
    );
    const site = file.findings.filter((f: { checkId: string }) => f.checkId === 'site-veto');
    expect(site).toHaveLength(5);
    const dead = file.findings.filter((f: { checkId: string }) => f.checkId === 'dead-link');
    expect(dead).toHaveLength(truth.deadLinks.length);
    const columns = file.findings.filter((f: { checkId: string }) => f.checkId === 'column-status');
    expect(columns).toHaveLength(Object.keys(truth.columns).length);
    expect(columns.filter((f: { status: string }) => f.status === 'fail')).toHaveLength(
      Object.values(truth.columns).filter((c) => 'status' in c && ['stale', 'blank', 'undated'].includes(c.status!))
        .length,
    );
  });

  it('puts the verdict at the top of the HTML report, with the failing columns and the dead links', async () => {
    const html = join(dir, 'patrol.html');
    const exported = await runCliCaptured(['export', output(), '--format', 'html', '-o', html]);
    expect([exported.code, exported.err]).toEqual([0, '']);
    const text = readFileSync(html, 'utf8');
    const site = text.indexOf('<section class="site">');
    expect(site).toBeGreaterThan(0);
    expect(site).toBeLessThan(text.indexOf('<section class="category">'));
    const section = text.slice(site, text.indexOf('</section>', site));
    // the verdict first: how many vetoes are triggered, under the indicator set and its version
    const triggered = Object.values(truth.vetoes).filter(Boolean).length;
    expect(section).toContain(`data-triggered="${triggered}"`);
    expect(section.indexOf('class="verdict')).toBeLessThan(section.indexOf('data-veto='));
    expect(section).toContain('国办秘函〔2019〕19号');
    expect(section).toContain('2019 版');
    for (const id of Object.keys(truth.vetoes)) expect(section).toContain(`data-veto="${id}"`);
    expect(section).toContain(truth.unansweredMessage);
    for (const d of truth.deadLinks) expect(section).toContain(d.path);
    // every column that is not fresh, with its status in words; fresh ones are not listed
    const rows = [...section.matchAll(/<tr data-status="([a-z-]+)"><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)];
    const notFresh = Object.values(truth.columns).filter((c) => 'status' in c && c.status !== 'fresh').length;
    expect(rows.length).toBeGreaterThanOrEqual(notFresh);
    expect(rows.find((r) => r[2]!.endsWith('棚户区改造'))?.slice(1)).toEqual(['blank', expect.any(String), '空白栏目']);
    expect(rows.some((r) => r[2]!.endsWith('规划计划'))).toBe(false);
    expect(rows.every((r) => r[1] !== 'fresh')).toBe(true);
    // Each patrol result says what it is (全站巡检 · …), never the generic "自动检查" nor a status id.
    expect(text).toContain('全站巡检 · 单项否决指标');
    expect(text).not.toContain('自动检查');
    expect(text).not.toMatch(/：(?:blank|stale|fresh|undated|unknown|no-rule)（/);
  });

  it('exports the column statuses and link checks as their own Excel sheets', async () => {
    const xlsx = join(dir, 'patrol.xlsx');
    const exported = await runCliCaptured(['export', output(), '--format', 'xlsx', '-o', xlsx]);
    expect([exported.code, exported.err]).toEqual([0, '']);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const columns = book.getWorksheet('栏目更新情况');
    const links = book.getWorksheet('链接检查');
    expect(columns?.rowCount).toBe(1 + Object.keys(truth.columns).length);
    // one row per column: its path, newest date, item count and status in words, read from the site record
    const values = columns!.getSheetValues() as unknown as Array<Array<string | number> | undefined>;
    expect(values[1]).toEqual([
      undefined,
      '栏目路径',
      '栏目',
      '栏目类型',
      '最新信息日期',
      '最新信息',
      '信息条数',
      '更新情况',
      '更新时限',
      '页面说明',
      '网址',
    ]);
    const byUrl = new Map(values.slice(2).map((r) => [String(r![10]), r!]));
    const news = byUrl.get(`${server.origin}${truth.columns.工作动态.path}`)!;
    expect(news[6]).toBe(truth.columns.工作动态.items);
    expect(news[7]).toBe('按时更新');
    expect(byUrl.get(`${server.origin}${truth.columns.棚户区改造.path}`)![7]).toBe('空白栏目');
    // dead links with the pages they are on, then the links to other sites (listed, not checked)
    expect(links?.rowCount).toBe(1 + truth.deadLinks.length + truth.external.length);
    const text = JSON.stringify(links?.getSheetValues());
    for (const d of truth.deadLinks) expect(text).toContain(d.path);
    for (const d of truth.deadLinks) for (const on of d.foundOn) expect(text).toContain(`${server.origin}${on}`);
    expect(text).toContain('站外链接 · 未检查');
    const all = JSON.stringify(book.getWorksheet('问题清单')?.getSheetValues());
    expect(all).toContain('全站巡检 · 单项否决指标');
    expect(all).toContain('全站巡检 · 栏目更新情况');
    expect(all).not.toMatch(/：(?:blank|stale|fresh|undated|unknown|no-rule)（/);
    expect(`${all}${text}`).not.toContain('自动检查');
  });
});

describe('gongkai crawl --external', () => {
  it('checks the links to other sites too — their robots.txt first — and keeps them in the site record', async () => {
    // The demo's link to another site (http://www.gov.cn/) is answered by a second server on 127.0.0.1: no request
    // leaves the machine. Everything else goes to the patrol demo as it is.
    const other = await startDemoServer({ now: NOW });
    try {
      const requested: Array<{ url: string; method: string }> = [];
      const fetcher: typeof fetch = (input, init) => {
        const url = String(input);
        requested.push({ url, method: init?.method ?? 'GET' });
        const mapped = url.startsWith('http://www.gov.cn/') ? url.replace('http://www.gov.cn', other.origin) : url;
        return fetch(mapped, init);
      };
      const output = join(dir, 'external.json');
      const run = await runCliCaptured(
        ['crawl', `${server.origin}/`, '--delay', '0', '--external', '--json', '-o', output],
        {
          fetcher,
          now: NOW,
        },
      );
      expect([run.code, run.err]).toEqual([0, '']);
      const summary = JSON.parse(run.out);
      expect(summary.externalLinks.map((e: { url: string }) => e.url)).toEqual(truth.external);
      expect(summary.externalLinks.every((e: { verdict: string }) => e.verdict === 'ok')).toBe(true);
      const toOther = requested.filter((r) => r.url.startsWith('http://www.gov.cn/'));
      expect(toOther[0]!.url).toBe('http://www.gov.cn/robots.txt');
      expect(toOther.map((r) => `${r.method} ${r.url}`)).toContain('HEAD http://www.gov.cn/');
      // other sites are checked, never crawled: one HEAD (GET only if refused), no page of theirs read for links
      expect(toOther.filter((r) => r.method === 'GET' && r.url !== 'http://www.gov.cn/robots.txt')).toHaveLength(0);
      const file = JSON.parse(readFileSync(output, 'utf8'));
      expect(file.sites[0].externalLinks).toMatchObject([{ url: 'http://www.gov.cn/', verdict: 'ok', status: 200 }]);
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe('gongkai crawl --lang', () => {
  // The text summary names the indicator set, each 单项否决 indicator, its threshold and a column's default rule in the
  // language asked for; the audit file keeps the data's Chinese, and `export --lang en` says them in English too.
  it('prints the patrol’s names in English with --lang en, in Chinese by default', async () => {
    const file = join(dir, 'patrol-en.json');
    const en = await crawl([`${server.origin}/`, '--delay', '0', '--lang', 'en', '-o', file]);
    expect([en.code, en.err]).toEqual([0, '']);
    const lines = en.out.split('\n');
    expect(lines[0]).toBe(
      'Indicators for checking government websites and government new media (国办秘函〔2019〕19号) (version 2019)',
    );
    const vetoes = lines.filter((l) => l.startsWith('Veto '));
    expect(vetoes).toHaveLength(5);
    expect(vetoes).toContain('Veto blank-columns Blank columns: not triggered (≥ 5 (now 4))');
    expect(vetoes.find((l) => l.startsWith('Veto columns-not-updated'))).toMatch(
      /^Veto columns-not-updated Columns not updated: triggered \(① ≥ 5 \(now \d+\); ② ≥ 10 \(now \d+\)\)$/,
    );
    for (const line of vetoes) expect(line.replace(/19号/g, '')).not.toMatch(/[\u3400-\u9fff（）：；，]/);
    expect(
      lines.some((l) => l.includes('(Default limit (19号 sets no update limit for such columns) (366 days))')),
    ).toBe(true);
    const zh = await crawl([`${server.origin}/`, '--delay', '0', '-o', join(dir, 'patrol-zh.json')]);
    expect(zh.out).toContain('单项否决 blank-columns 空白栏目：未触发（≥ 5（现 4））');
    // the audit file keeps them in Chinese; the English export says them in English
    const record = JSON.parse(readFileSync(file, 'utf8')).sites[0];
    expect(record.vetoes.find((v: { id: string }) => v.id === 'blank-columns')).toMatchObject({
      name: '空白栏目',
      threshold: '≥ 5（现 4）',
    });
    const html = join(dir, 'patrol-en.html');
    expect((await runCliCaptured(['export', file, '--format', 'html', '--lang', 'en', '-o', html])).code).toBe(0);
    const report = readFileSync(html, 'utf8');
    expect(report).toContain('blank-columns Blank columns (≥ 5 (now 4))');
    expect(report).toContain('Veto blank-columns Blank columns: not triggered (≥ 5 (now 4))');
    expect(report).not.toContain('空白栏目（');
  }, 120_000);
});

describe('gongkai crawl: bad input exits 2 with one line', () => {
  it.each([
    ['not a web address', () => ['ftp://example/', '-o', join(dir, 'x.json')], /not a web address/],
    ['no output', () => [`${server.origin}/`], /-o/],
    ['a bad number', () => [`${server.origin}/`, '--max-pages', 'lots', '-o', join(dir, 'x.json')], /--max-pages/],
    ['not HTML', () => [`${server.origin}/files/gzdt-plan.pdf`, '-o', join(dir, 'x.json')], /not an HTML page/],
    ['refused by robots.txt', () => [`${server.origin}/private/drafts.html`, '-o', join(dir, 'x.json')], /robots/],
    ['unreachable', () => ['http://127.0.0.1:9/', '-o', join(dir, 'x.json')], /cannot|robots/],
  ])('%s', async (_, args, message) => {
    const run = await crawl(args());
    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toMatch(message);
  });
});
