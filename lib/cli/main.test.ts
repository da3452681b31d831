/** The command line: stable JSON, human output, encodings, and exit 2 with one line on bad input. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../tests/helpers/run-cli';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let gbkFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  gbkFile = join(dir, 'penalty-gbk.html');
  writeFileSync(
    gbkFile,
    iconv.encode(readFileSync(join(import.meta.dirname, 'fixtures/penalty-gbk-source.html'), 'utf8'), 'gbk'),
  );
});

const run = (...argv: string[]) => runCliCaptured(argv, { now: new Date('2026-11-28T04:00:00Z') });

describe('gongkai match', () => {
  it('returns the tasks the product would show, best first, in the documented shape', async () => {
    const { code, out } = await run('match', '财政收支', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['query', 'normalized', 'matches', 'noTask']);
    expect(json.matches[0]).toMatchObject({ taskId: 'luoyuan-2017/t2', no: '2' });
    expect(Object.keys(json.matches[0])).toEqual(['taskId', 'no', 'title', 'score', 'reasons']);
    expect(json.matches[0].reasons.length).toBeGreaterThan(0);
  });

  it('takes a breadcrumb and traditional characters', async () => {
    const json = JSON.parse((await run('match', '首頁 > 政務公開 > 審計結果公開', '--json')).out);
    expect(json.normalized).toBe('审计结果公开');
    expect(json.matches.map((m: { no: string }) => m.no)).toEqual(['4']);
  });

  it('returns [] when nothing fits', async () => {
    expect(JSON.parse((await run('match', '工作动态', '--json')).out).matches).toEqual([]);
  });
});

describe('gongkai check', () => {
  it('checks a GBK file: charset from the meta tag, synonyms matched, JSON in the documented shape', async () => {
    const { code, out } = await run('check', gbkFile, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.title).toContain('罗源县市场监督管理局行政处罚决定书');
    expect(json.column).toEqual({ name: '行政处罚', source: 'breadcrumb', path: ['首页', '政务公开', '行政处罚'] });
    expect(json.pageKind).toBe('detail');
    const penalty = json.results.find((r: { templateId?: string }) => r.templateId === 'penalty-result');
    expect(penalty.status).toBe('pass');
    expect(penalty.elements.map((e: { status: string }) => e.status)).toEqual([
      'present',
      'present',
      'present',
      'present',
    ]);
    for (const r of json.results)
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['checkId', 'status', 'message']));
  });

  it('prints a human report by default', async () => {
    const { code, out } = await run('check', gbkFile);
    expect(code).toBe(0);
    expect(out).toContain('栏目: 行政处罚');
    expect(out).toContain('15. 規範公開辦事指南事項');
  });

  it('runs a hand-picked template and honours --now', async () => {
    const json = JSON.parse(
      (await run('check', gbkFile, '--template', 'gov-info-metadata', '--now', '2026-11-01', '--json')).out,
    );
    const metadata = json.results.find((r: { checkId: string }) => r.checkId === 'metadata-block');
    expect(metadata.status).toBe('fail');
    expect(metadata.details.join(' ')).toContain('日期在未来');
  });

  it.each([
    [['check', 'no-such-file.html'], 'no such file'],
    [['check', join(ROOT, 'package.json')], 'is not an HTML page'],
    [['check', 'x.html', '--plan', 'nowhere'], 'unknown plan'],
    [
      ['check', join(ROOT, 'lib/cli/fixtures/penalty-gbk-source.html'), '--template', 'no-such-template'],
      'unknown template',
    ],
    [['check', join(ROOT, 'lib/cli/fixtures/penalty-gbk-source.html'), '--now', '2026-13-01'], '--now must be a date'],
    [
      ['check', join(ROOT, 'lib/cli/fixtures/penalty-gbk-source.html'), '--now='],
      '--now must be a date YYYY-MM-DD, not ""',
    ],
    [
      ['check', join(ROOT, 'lib/cli/fixtures/penalty-gbk-source.html'), '--output', '/nonexistent-folder/r.txt'],
      'cannot write /nonexistent-folder/r.txt: the folder does not exist',
    ],
    [['check', join(ROOT, 'lib/cli/fixtures/penalty-gbk-source.html'), '--output', ROOT], 'it is a folder'],
    [['audit', '--frobnicate'], "Unknown option '--frobnicate' — gongkai audit --help"],
    [['frobnicate'], 'unknown command'],
  ])('%j exits 2 with one line', async (argv, text) => {
    const { code, err, out } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(text);
    expect(err.split('\n')).toHaveLength(1);
    expect(out).toBe('');
  });
});

describe('gongkai check: how the page was decoded', () => {
  it('reports the encoding and why, in JSON and in the text output', async () => {
    const page = Buffer.from(
      `<html><head><meta charset="utf-8"><title>罗源县财政收支</title></head><body>${'<p>政务公开工作要点</p>'.repeat(5)}</body></html>`,
    );
    const stray = join(dir, 'stray-bytes.html');
    writeFileSync(stray, Buffer.concat([page, Buffer.alloc(9, 0xfe)]));
    const json = JSON.parse((await run('check', stray, '--json')).out);
    expect(json.title).toBe('罗源县财政收支');
    expect(json.decoding).toEqual({ charset: 'UTF-8', source: 'meta', overruled: null, invalid: 9 });
    expect((await run('check', stray)).out).toContain(
      '编码: UTF-8（页面 meta 声明；9 处字节无法按此编码读取，显示为 �）',
    );
    expect((await run('check', gbkFile, '--lang', 'en')).out).toContain('Encoding: GBK (declared in a meta tag)');
  });
});

describe('gongkai match --plan <an HTML plan page>', () => {
  it('reads the plan table of the demo portal’s plan page with the same HTML loader as pages', async () => {
    const page = join(ROOT, 'demo-portal/site/zwgk/ghjh/1801.html');
    const { code, out } = await run('match', '财政收支', '--plan', page, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).matches[0]).toMatchObject({ no: '2', title: '按月公開全縣財政收支情況' });
  });
});

describe('gongkai <command> --help', () => {
  it.each(['match', 'check', 'audit', 'export'])('%s --help prints its usage, exit 0', async (command) => {
    const { code, out, err } = await run(command, '--help');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain(`gongkai ${command} `);
    expect(out).not.toContain('Unknown option');
  });
});

describe('the installed bin', () => {
  it('runs through npx-style invocation and sets the exit code', () => {
    const ok = execFileSync(process.execPath, [join(ROOT, 'scripts/gongkai.mjs'), 'match', '征地信息', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(ok).matches[0].no).toBe('46');
    const bad = spawnSync(process.execPath, [join(ROOT, 'scripts/gongkai.mjs'), 'check', 'missing.html'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('gongkai: no such file: missing.html');
  });

  it('records an audit in its own process — outside the test runner, which installs an in-memory IndexedDB for every test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bin-audit-'));
    const page = join(import.meta.dirname, '../checks/fixtures/template-elements/guide-complete.html');
    const out = join(dir, 'audit.json');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/gongkai.mjs'), 'audit', page, '--site', 'http://www.luoyuan.gov.cn', '-o', out],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.pages).toHaveLength(1);
    expect(file.findings.length).toBeGreaterThan(0);
  });

  it('ends quietly when the reader of its output stops early (`gongkai plan … | head -1`)', async () => {
    const plan = join(ROOT, 'seeds/luoyuan-2017/source.txt');
    const child = spawn(process.execPath, [join(ROOT, 'scripts/gongkai.mjs'), 'plan', plan], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
