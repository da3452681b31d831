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
  writeFileSync(names, '# columns of one county\n财政预决算\n\n首页 > 信息公开 > 人事信息\n某某特色栏目\r\n稳岗就业\n');

  it('prints one JSON object per name, in order, with tasks or the reason there are none', async () => {
    const { code, lines: out } = await run('match', '--file', names, '--json');
    expect(code).toBe(0);
    expect(out).toHaveLength(4);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['财政预决算', '首页 > 信息公开 > 人事信息', '某某特色栏目', '稳岗就业']);
    expect(lines[0].matches[0].no).toBe('26');
    expect(lines[0].noTask).toBeNull();
    expect(lines[1].matches).toEqual([]);
    expect(lines[1].noTask).toContain('人事信息');
    expect(lines[2].noTask).toContain('某某特色栏目');
    // Tentative: tasks whose requirements only mention 就业, and the reason no task is about it.
    expect(lines[3].matches.map((m: { no: string }) => m.no)).toEqual(['22', '36']);
    expect(lines[3].noTask).toContain('稳岗就业');
  });

  it('prints one readable line per name without --json', async () => {
    const { lines: out } = await run('match', '--file', names, '--lang', 'en');
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(/^财政预决算\t26 /);
    expect(out[0]).not.toMatch(/—/);
    expect(out[1]).toMatch(/no task of this plan governs/);
    expect(out[3]).toMatch(/^稳岗就业\t22 .*\t— .*only mention it in their requirements/);
  });

  it('refuses a missing file with one line', async () => {
    const { code, err } = await run('match', '--file', join(dir, 'nope.txt'));
    expect(code).toBe(2);
    expect(err).toMatch(/no such file/);
  });
});
