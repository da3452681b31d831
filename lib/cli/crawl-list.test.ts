// `gongkai crawl --list sites.txt [--shard i/n] -o folder/` against real HTTP servers on 127.0.0.1: two patrol demo
// sites and one address nobody answers. One audit file per site, one line per site, the exit code says whether any
// site failed, and the shards of a list take every site exactly once. The files merge with the ordinary import.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { parseAuditFile } from '../export/audit-file';
import { applyImport } from '../import/merge';
import { freshDb } from '../../tests/helpers/storage-testing';
import { runCliCaptured } from '../../tests/helpers/run-cli';
import { parseShard, shardOf } from './site-list';

const NOW = new Date('2026-11-28T04:00:00Z');
const DOWN = 'http://127.0.0.1:9/';
let a: DemoServer;
let b: DemoServer;
let dir: string;
let list: string;

beforeAll(async () => {
  a = await startDemoServer({ now: NOW, site: 'patrol' });
  b = await startDemoServer({ now: NOW, site: 'patrol' });
  dir = mkdtempSync(join(tmpdir(), 'gongkai-crawl-list-'));
  list = join(dir, 'sites.txt');
  writeFileSync(
    list,
    `\uFEFF# 全省政府网站清单（注释行和空行不算）\n${a.origin}/\n\n   ${b.origin}/   \n# 已关停\n${DOWN}\n`,
  );
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const crawl = (args: string[]) => runCliCaptured(['crawl', ...args], { now: NOW });

const host = (origin: string) => new URL(origin).host.replace(':', '_');

describe('gongkai crawl --list', () => {
  it('shard 1/2 takes the 1st and 3rd site: one file and one line per site, exit 1 for the site that failed', async () => {
    const folder = join(dir, 'shard-1');
    const run = await crawl(['--list', list, '--shard', '1/2', '--delay', '0', '-o', folder]);
    expect(run.code).toBe(1);
    expect(run.err).toBe('');
    expect(run.lines).toHaveLength(3);
    expect(run.lines[0]).toMatch(new RegExp(`^ok ${a.origin}/ → .*${host(a.origin)}\\.json：\\d+ 页（complete）`));
    expect(run.lines[0]).toContain('单项否决触发 3');
    expect(run.lines[1]).toMatch(new RegExp(`^failed ${DOWN}: `));
    expect(run.lines[2]).toBe(`shard 1/2: 2 of 3 sites, 1 crawled, 1 failed → ${folder}`);
    expect(readdirSync(folder)).toEqual([`${host(a.origin)}.json`]);
    const file = parseAuditFile(readFileSync(join(folder, `${host(a.origin)}.json`), 'utf8'));
    if (!file.ok) throw new Error(file.error.detail);
    expect(file.file.audit.origin).toBe(a.origin);
    expect(file.file.sites.map((s) => s.origin)).toEqual([a.origin]);
  }, 120_000);

  it('shard 2/2 takes the 2nd site only; with --json one object per line; exit 0 when every site was crawled', async () => {
    const folder = join(dir, 'shard-2');
    const run = await crawl(['--list', list, '--shard', '2/2', '--delay', '0', '--json', '-o', folder]);
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    const line = JSON.parse(run.lines[0]!);
    expect(line).toMatchObject({ start: `${b.origin}/`, ok: true, ended: 'complete', deadLinks: 2 });
    expect(line.vetoes.sort()).toEqual(['columns-not-updated', 'interaction-unanswered', 'service-guides-incomplete']);
    expect(readdirSync(folder)).toEqual([`${host(b.origin)}.json`]);

    // The files of both shards merge with the ordinary import: two audits, one per site, each with its site record.
    const db = await freshDb('crawl-list-import');
    try {
      for (const path of [join(dir, 'shard-1', `${host(a.origin)}.json`), join(folder, `${host(b.origin)}.json`)]) {
        const file = parseAuditFile(readFileSync(path, 'utf8'));
        if (!file.ok) throw new Error(file.error.detail);
        const result = await applyImport(db, file.file);
        expect(result.sites).toMatchObject({ new: 1, updated: 0, kept: 0 });
      }
      expect((await db.audits.toArray()).map((x) => x.origin).sort()).toEqual([a.origin, b.origin].sort());
      expect((await db.sites.toArray()).map((x) => x.origin).sort()).toEqual([a.origin, b.origin].sort());
    } finally {
      await db.dispose();
    }
  }, 120_000);

  it('the shard rule takes every site exactly once, in list order, whatever n', () => {
    const sites = Array.from({ length: 10 }, (_, i) => `http://s${i}.gov.cn/`);
    for (const n of [1, 2, 3, 4, 10, 12]) {
      const parts = Array.from({ length: n }, (_, i) => shardOf(sites, parseShard(`${i + 1}/${n}`)));
      expect(parts.flat().sort()).toEqual([...sites].sort());
      for (const part of parts) expect(part).toEqual(sites.filter((s) => part.includes(s)));
    }
    expect(shardOf(sites, parseShard('2/3'))).toEqual(['http://s1.gov.cn/', 'http://s4.gov.cn/', 'http://s7.gov.cn/']);
  });

  it.each([
    ['--shard without --list', () => [`${a.origin}/`, '--shard', '1/2', '-o', join(dir, 'x.json')], /--shard/],
    ['a shard past n', () => ['--list', list, '--shard', '3/2', '-o', join(dir, 'x')], /--shard must be i\/n/],
    ['a shard that is not i/n', () => ['--list', list, '--shard', 'half', '-o', join(dir, 'x')], /--shard/],
    ['a start address and a list', () => [`${a.origin}/`, '--list', list, '-o', join(dir, 'x')], /not both/],
    ['no folder', () => ['--list', list], /-o <folder>/],
    ['a file as the folder', () => ['--list', list, '-o', list], /is a file/],
    ['no such list', () => ['--list', join(dir, 'none.txt'), '-o', join(dir, 'x')], /no such file/],
    ['--name with a list', () => ['--list', list, '--name', 'x', '-o', join(dir, 'x')], /--name/],
  ])('bad input exits 2 with one line: %s', async (_, args, message) => {
    const run = await crawl(args());
    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toMatch(message);
  });

  it('an empty list is bad input', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '# nothing yet\n\n');
    const run = await crawl(['--list', empty, '-o', join(dir, 'empty')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/lists no site/);
  });
});
