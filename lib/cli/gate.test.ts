/** The publishing gate: exit codes, the summary table, and JUnit XML with the structure CI systems read. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { summaryTable } from './gate';
import { runCliCaptured } from '../../tests/helpers/run-cli';

const GATE = resolve(import.meta.dirname, 'fixtures/gate');
const COMPLETE = join(GATE, 'penalty-complete.html');
const LEAKING = join(GATE, 'penalty-leaking.html');

const run = (...argv: string[]) => runCliCaptured([...argv, '--now', '2026-11-28']);

describe('gongkai check as a publishing gate', () => {
  it('exits 0 when every page passes the gate, 1 when one fails', async () => {
    expect((await run('check', COMPLETE, '--fail-on', 'any')).code).toBe(0);
    expect((await run('check', LEAKING, '--fail-on', 'any')).code).toBe(1);
    expect((await run('check', GATE, '--fail-on', 'privacy')).code).toBe(1);
    expect((await run('check', GATE, '--fail-on', 'empty')).code).toBe(0);
    expect((await run('check', GATE)).code).toBe(0);
  });

  it('takes a directory and prints a summary table', async () => {
    const { out } = await run('check', GATE, '--fail-on', 'missing,privacy');
    const table = out.slice(out.lastIndexOf('页面') - 3);
    expect(table).toMatch(/✓\s+\S*penalty-complete\.html\s+0\s+0\s+0\s+0/);
    expect(table).toMatch(/✗\s+\S*penalty-leaking\.html\s+1\s+0\s+1\s+0/);
    expect(out).toContain('1 passed, 1 failed');
  });

  it('refuses an unknown gate or format with one line', async () => {
    const bad = await run('check', GATE, '--fail-on', 'typos');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('gongkai: unknown --fail-on: typos (missing, empty, privacy, any)');
    expect((await run('check', GATE, '--format', 'pdf')).code).toBe(2);
  });

  it('writes JUnit XML: one test case per page, failures with what to fix, the ID masked', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gongkai-junit-')), 'report.xml');
    const { code } = await run('check', GATE, '--fail-on', 'any', '--format', 'junit', '--output', file);
    expect(code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
    const suites = doc.querySelector('testsuites')!;
    expect(suites.getAttribute('tests')).toBe('2');
    expect(suites.getAttribute('failures')).toBe('1');
    const cases = Array.from(doc.querySelectorAll('testsuite > testcase'));
    expect(cases.map((c) => c.getAttribute('name')!.split('/').pop())).toEqual([
      'penalty-complete.html',
      'penalty-leaking.html',
    ]);
    expect(cases[0]!.querySelector('failure')).toBeNull();
    const failure = cases[1]!.querySelector('failure')!;
    expect(failure.getAttribute('message')).toContain('需修改');
    expect(failure.textContent).toContain('缺少“处罚依据”');
    expect(failure.textContent).toContain('350123********1530');
    expect(text).not.toContain('350123198503121530');
  });

  it('adds the self-check to the JSON of each page', async () => {
    const json = JSON.parse((await run('check', LEAKING, '--json')).out);
    expect(json.selfCheck.publishable).toBe(false);
    expect(json.selfCheck.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['missing', 'privacy']);
  });
});

describe('the summary table at volume', () => {
  it('lists 300,000 pages without overflowing the call stack', () => {
    const pages = Array.from({ length: 300_000 }, (_, i) => ({
      source: `site/page-${i}.html`,
      title: '',
      verdict: { publishable: true, items: [] },
    }));
    const table = summaryTable(pages, ['privacy'], (key) => key);
    expect(table.split('\n')).toHaveLength(300_003);
    expect(table).toContain('site/page-299999.html');
    expect(table.endsWith('300000 passed, 0 failed')).toBe(true);
  });
});
