/** `gongkai audit` and `gongkai export`: an audit file the extension can import, read back by the exporters. */
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuditData } from '../export/audit-data';
import { parseAuditFile } from '../export/audit-file';
import { applyImport } from '../import/merge';
import { comparable } from '../../tests/helpers/import-testing';
import { readTaskCounts, recountTaskCounts } from '../storage/task-counts';
import { freshDb } from '../../tests/helpers/storage-testing';
import { runCliCaptured } from '../../tests/helpers/run-cli';

const GATE = resolve(import.meta.dirname, 'fixtures/gate');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'));
});

const run = (...argv: string[]) => runCliCaptured(argv, { now: new Date('2026-11-28T04:00:00Z') });

describe('gongkai audit', () => {
  it('checks every page and writes an audit file the extension imports as the same audit', async () => {
    const list = join(dir, 'pages.txt');
    writeFileSync(list, `# pages\n${join(GATE, 'penalty-leaking.html')}\n\n`);
    const output = join(dir, 'audit.json');
    const { code, out, err } = await run(
      'audit',
      join(GATE, 'penalty-complete.html'),
      '--list',
      list,
      '--site',
      'www.luoyuan.gov.cn',
      '--now',
      '2026-11-20',
      '--inspector',
      '市政务公开办',
      '-o',
      output,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^2 pages, \d+ findings/);
    const parsed = parseAuditFile(readFileSync(output, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const file = parsed.file;
    expect(file).toMatchObject({
      format: 'gongkai-audit',
      version: 2,
      exportedAt: '2026-11-20T04:00:00.000Z',
      plan: { id: 'luoyuan-2017', bundled: true },
    });
    expect(file.audit).toMatchObject({
      origin: 'http://www.luoyuan.gov.cn',
      inspector: '市政务公开办',
      name: 'www.luoyuan.gov.cn 2026-11-20',
    });
    expect(file.pages.map((p) => p.url.split('/').pop()).sort()).toEqual([
      'penalty-complete.html',
      'penalty-leaking.html',
    ]);
    expect(file.findings.some((f) => f.checkId === 'privacy-leaks' && f.status === 'fail')).toBe(true);

    const db = await freshDb('cli-audit-import');
    try {
      await applyImport(db, file);
      const imported = await loadAuditData(db, file.audit.id);
      expect(imported.findings).toHaveLength(file.findings.length);
      expect(await comparable(imported)).toEqual(
        await comparable({ ...imported, ...file, plan: imported.plan, screenshots: [] }),
      );
      expect((await readTaskCounts(db, file.audit.id)).sort((a, b) => a.taskKey.localeCompare(b.taskKey))).toEqual(
        await recountTaskCounts(db, file.audit.id),
      );
    } finally {
      await db.dispose();
    }
  });

  it('carries a plan given as a file in full', async () => {
    const output = join(dir, 'plan-file.json');
    const planFile = resolve(import.meta.dirname, '../../seeds/luoyuan-2017/plan.json');
    expect(
      (
        await run(
          'audit',
          join(GATE, 'penalty-complete.html'),
          '--plan',
          planFile,
          '--site',
          'www.luoyuan.gov.cn',
          '-o',
          output,
        )
      ).code,
    ).toBe(0);
    const parsed = parseAuditFile(readFileSync(output, 'utf8'));
    expect(parsed.ok && parsed.file.plan).toMatchObject({
      id: 'luoyuan-2017-2',
      bundled: false,
      definition: { id: 'luoyuan-2017-2' },
    });
    expect(parsed.ok && parsed.file.findings.some((f) => f.taskId?.startsWith('luoyuan-2017/'))).toBe(true);
  });

  it('writes a zip when -o ends in .zip', async () => {
    const output = join(dir, 'audit.zip');
    expect(
      (await run('audit', join(GATE, 'penalty-complete.html'), '--site', 'http://www.luoyuan.gov.cn', '-o', output))
        .code,
    ).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(output)))).toEqual(['audit.json']);
  });

  it.each([
    [['audit', join(GATE, 'penalty-complete.html')], 'needs -o'],
    [['audit', '-o', 'x.json'], 'needs HTML files'],
    [['audit', '__bare__', '-o', 'x.json'], 'needs --site'],
    [['audit', 'no-such.html', '--site', 'a.gov.cn', '-o', 'x.json'], 'no such file'],
    [['audit', '--list', 'no-such-list.txt', '-o', 'x.json'], 'no such file'],
    [
      ['audit', join(GATE, 'penalty-complete.html'), '--site', 'a.gov.cn', '--now', '2026-13-01', '-o', 'x.json'],
      '--now must be',
    ],
    [['audit', join(GATE, 'penalty-complete.html'), '--site', 'a.gov.cn', '--now=', '-o', 'x.json'], '--now must be'],
    [
      ['audit', join(GATE, 'penalty-complete.html'), '--site', 'a.gov.cn', '-o', '/nonexistent-folder/a.json'],
      'cannot write /nonexistent-folder/a.json: the folder does not exist',
    ],
    // The output's folder is checked before any page is loaded: the missing page is never reached.
    [['audit', 'no-such.html', '--site', 'a.gov.cn', '-o', '/nonexistent-folder/a.json'], 'cannot write'],
  ])('exit 2 with one line on bad input: %j', async (argv, message) => {
    const bare = writeTo('bare.html', '<html><head><title>无元数据</title></head><body><p>正文</p></body></html>');
    const { code, err } = await run(
      ...argv.map((a) => (a === '__bare__' ? bare : a === 'x.json' ? join(dir, 'x.json') : a)),
    );
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('takes URLs (fetched), the site from the first one', async () => {
    const html = readFileSync(join(GATE, 'penalty-complete.html'));
    const fetcher = (async (url: string) =>
      Object.defineProperty(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }), 'url', {
        value: url,
      })) as unknown as typeof fetch;
    const output = join(dir, 'urls.json');
    const urls = ['http://www.luoyuan.gov.cn/zwgk/xzcf/1.html', 'http://www.luoyuan.gov.cn/zwgk/xzcf/2.html'];
    const { code, err } = await runCliCaptured(['audit', ...urls, '-o', output], { fetcher });
    expect([code, err]).toEqual([0, '']);
    const parsed = parseAuditFile(readFileSync(output, 'utf8'));
    expect(parsed.ok && parsed.file.audit.origin).toBe('http://www.luoyuan.gov.cn');
    expect(parsed.ok && parsed.file.pages.map((p) => p.url).sort()).toEqual([
      'http://www.luoyuan.gov.cn/zwgk/xzcf/1.html',
      'http://www.luoyuan.gov.cn/zwgk/xzcf/2.html',
    ]);
  });
});

describe('gongkai audit of local files: addresses on the site, never paths of this machine', () => {
  it('records each file at its path under the folder given, on the --site', async () => {
    const output = join(dir, 'local.json');
    const { code, err } = await run('audit', GATE, '--site', 'http://www.luoyuan.gov.cn/', '-o', output);
    expect(err).toBe('');
    expect(code).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text).not.toContain('file://');
    expect(text).not.toContain(GATE);
    const parsed = parseAuditFile(text);
    expect(parsed.ok && parsed.file.pages.map((p) => p.url)).toContain(
      'http://www.luoyuan.gov.cn/penalty-complete.html',
    );
    expect(parsed.ok && parsed.file.pages.every((p) => p.url.startsWith('http://www.luoyuan.gov.cn/'))).toBe(true);
  });

  it('a single file is placed by its path from the current folder; links resolve on the site', async () => {
    const output = join(dir, 'single.json');
    const file = join('lib/cli/fixtures/gate', 'penalty-complete.html');
    expect(existsSync(file)).toBe(true);
    expect((await run('audit', file, '--site', 'www.luoyuan.gov.cn', '-o', output)).code).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text).not.toContain('file://');
    const parsed = parseAuditFile(text);
    expect(parsed.ok && parsed.file.pages[0]?.url).toBe(
      'http://www.luoyuan.gov.cn/lib/cli/fixtures/gate/penalty-complete.html',
    );
  });
});

describe('gongkai export', () => {
  let auditJson: string;
  beforeAll(async () => {
    auditJson = join(dir, 'for-export.json');
    expect(
      (await run('audit', join(GATE, 'penalty-leaking.html'), '--site', 'www.luoyuan.gov.cn', '-o', auditJson)).code,
    ).toBe(0);
  });

  it('writes json (the same file), zip, csv and xlsx', async () => {
    const json = join(dir, 'out.json');
    expect((await run('export', auditJson, '--format', 'json', '-o', json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(JSON.parse(readFileSync(auditJson, 'utf8')));
    const zip = join(dir, 'out.zip');
    expect((await run('export', auditJson, '-o', zip)).code).toBe(0);
    const zipped = unzipSync(readFileSync(zip));
    expect(JSON.parse(new TextDecoder().decode(zipped['audit.json']))).toEqual(
      JSON.parse(readFileSync(auditJson, 'utf8')),
    );
    const csv = join(dir, 'out.csv');
    const r = await run('export', zip, '--format', 'csv', '--lang', 'en', '-o', csv);
    expect(r.code).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readFileSync(csv, 'utf8').split('\r\n').length).toBeGreaterThan(2);
    const xlsx = join(dir, 'out.xlsx');
    expect((await run('export', auditJson, '--format', 'xlsx', '-o', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [
      'missing file',
      () => ['export', join(dir, 'nope.json'), '--format', 'csv', '-o', join(dir, 'x.csv')],
      'no such file',
    ],
    [
      'not JSON',
      () => ['export', join(GATE, 'penalty-complete.html'), '--format', 'csv', '-o', join(dir, 'x.csv')],
      'not a JSON file',
    ],
    ['foreign', () => [writeTo('foreign.json', '{"format":"other"}'), 'not a Gongkai Inspector audit file'], ''],
    ['newer', () => [writeTo('newer.json', '{"format":"gongkai-audit","version":7}'), 'newer version'], ''],
    ['truncated', () => [writeTo('cut.json', readFileSync(auditJson, 'utf8').slice(0, 400)), 'truncated'], ''],
    ['unknown format', () => ['export', auditJson, '--format', 'pdf', '-o', join(dir, 'x.pdf')], 'unknown format: pdf'],
    [
      'output folder missing',
      () => ['export', auditJson, '--format', 'csv', '-o', join(dir, 'no-folder', 'x.csv')],
      'x.csv: the folder does not exist',
    ],
  ])('exit 2 with one line: %s', async (_label, make, message) => {
    const made = make();
    const argv = message ? made : ['export', made[0]!, '--format', 'csv', '-o', join(dir, 'x.csv')];
    const expected = message || made[1]!;
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(expected);
    expect(err.split('\n')).toHaveLength(1);
  });
});

function writeTo(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

it('the fixtures exist', () => {
  expect(existsSync(join(GATE, 'penalty-complete.html'))).toBe(true);
});

describe('gongkai export --format html', () => {
  it('writes the printable report from an audit file, with no script in it', async () => {
    const { mkdtempSync, readFileSync: read } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: joinPath, resolve: resolvePath } = await import('node:path');
    const dir = mkdtempSync(joinPath(tmpdir(), 'gongkai-html-'));
    const page = resolvePath(import.meta.dirname, 'fixtures/gate/penalty-leaking.html');
    const audit = await runCliCaptured([
      'audit',
      page,
      '--site',
      'http://www.luoyuan.gov.cn',
      '--now',
      '2026-11-28',
      '-o',
      joinPath(dir, 'a.json'),
    ]);
    expect([audit.code, audit.err]).toEqual([0, '']);
    const report = await runCliCaptured([
      'export',
      joinPath(dir, 'a.json'),
      '--format',
      'html',
      '-o',
      joinPath(dir, 'r.html'),
    ]);
    expect([report.code, report.err]).toEqual([0, '']);
    const html = read(joinPath(dir, 'r.html'), 'utf8');
    expect(html).toContain('行政处罚');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('350123198503121530');
  });
});
