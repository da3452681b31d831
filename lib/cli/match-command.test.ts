/** `gongkai match --file`: one result per name (JSON Lines with --json), a reason for every "no task", bad input refused. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../tests/helpers/run-cli';

const run = (...argv: string[]) => runCliCaptured(argv);

describe('gongkai match --file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-match-'));
  const names = join(dir, 'names.txt');
  writeFileSync(names, '# columns of one county\n财政预决算\n\n首页 > 信息公开 > 人事信息\n某某特色栏目\r\n');

  it('prints one JSON object per name, in order, with tasks or the reason there are none', async () => {
    const { code, lines: out } = await run('match', '--file', names, '--json');
    expect(code).toBe(0);
    expect(out).toHaveLength(3);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['财政预决算', '首页 > 信息公开 > 人事信息', '某某特色栏目']);
    expect(lines[0].matches[0].no).toBe('26');
    expect(lines[0].noTask).toBeNull();
    expect(lines[1].matches).toEqual([]);
    expect(lines[1].noTask).toContain('人事信息');
    expect(lines[2].noTask).toContain('某某特色栏目');
  });

  it('prints one readable line per name without --json', async () => {
    const { lines: out } = await run('match', '--file', names, '--lang', 'en');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^财政预决算\t26 /);
    expect(out[1]).toMatch(/no task of this plan governs/);
  });

  it('refuses a missing file with one line', async () => {
    const { code, err } = await run('match', '--file', join(dir, 'nope.txt'));
    expect(code).toBe(2);
    expect(err).toMatch(/no such file/);
  });
});
