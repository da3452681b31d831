/**
 * The command line on pages too large to read whole: it finishes, says in one line per part what it read
 * ("页面过大，只读取了前 10000 个列表项…"), gives the same in JSON, and the self-check does not call the page
 * publishable. Page text with direction controls is spelled out, never drawn raw in a terminal. An unexpected error
 * ends in one line and exit 2 — never a stack trace with exit 1, the code of a failed gate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datedRowsPage } from '../snapshot/bad-input/pages';
import { runCliCaptured } from '../../tests/helpers/run-cli';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-limits-'));
  writeFileSync(join(dir, 'long-list.html'), datedRowsPage(10_050));
  // A component whose closed shadow root is written in the page (declarative: its content is in the HTML), and the
  // body of the article in a frame, which the command line does not load.
  writeFileSync(
    join(dir, 'parts.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>罗源县政务公开</title></head><body>
      <gk-card><template shadowrootmode="closed"><p>联系人身份证号：350123198503151238</p></template></gk-card>
      <iframe src="zwgk/content_1.html"></iframe></body></html>`,
  );
});

const run = (...argv: string[]) => runCliCaptured(argv, { now: new Date('2026-11-28T04:00:00Z') });

describe('gongkai check on a page past the caps', () => {
  it('says how many list items it read, in text and in JSON, and the self-check is not publishable', async () => {
    const text = await run('check', join(dir, 'long-list.html'));
    expect(text.code).toBe(0);
    expect(text.out).toContain('页面过大，只读取了前 10000 个列表项，其余未检查');
    const json = JSON.parse((await run('check', join(dir, 'long-list.html'), '--json', '--lang', 'en')).out);
    expect(json.truncation).toContainEqual(
      expect.objectContaining({ part: 'list-items', kept: 10_000, message: expect.stringContaining('first 10000') }),
    );
    expect(json.selfCheck.publishable).toBe(false);
  }, 90_000); // two runs over 10,050 rows: slow on a loaded machine (no timing is asserted)

  it('spells out direction controls in page text and flags them', async () => {
    const hostile = resolve(import.meta.dirname, '../snapshot/bad-input/hostile-text.html');
    const { code, out } = await run('check', hostile);
    expect(code).toBe(0);
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('罗源县[U+202E]txt.exe[U+202C] 通知');
    expect(out).toContain('含方向控制字符');
  });
});

describe('gongkai check on the parts of a page it cannot read', () => {
  it('reads a closed shadow root written in the page, and names a frame it did not read, in text and JSON', async () => {
    const gate = await run('check', join(dir, 'parts.html'), '--fail-on', 'privacy');
    expect(gate.code).toBe(1);
    expect(gate.out).toContain('框架中的内容未读取：zwgk/content_1.html（命令行不加载框架，请单独检查该地址）');
    const json = JSON.parse((await run('check', join(dir, 'parts.html'), '--json')).out);
    expect(json.unread).toEqual({ frames: ['zwgk/content_1.html'], shadowRoots: [] });
    expect(json.results.find((r: { checkId: string }) => r.checkId === 'privacy-leaks').status).toBe('fail');
  });
});

describe('gongkai on an unexpected error', () => {
  it('prints one line and exits 2, not a stack trace with the gate-failure code', () => {
    const bin = resolve(import.meta.dirname, '../../scripts/gongkai.mjs');
    const page = resolve(import.meta.dirname, '../snapshot/bad-input/hostile-text.html');
    const run = spawnSync(process.execPath, [bin, 'check', page, '--output', join(dir, 'missing', 'dir', 'out.txt')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^gongkai: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
