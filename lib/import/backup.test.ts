import 'fake-indexeddb/auto';
import './node-globals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../storage/testing';
import { setInspectorName } from '../storage/settings';
import { backupDatabase, checkBackup, restoreDatabase } from './backup';
import { buildAudit, dumpDb } from './testing';

type Db = Awaited<ReturnType<typeof freshDb>>;
let original: Db;
let target: Db;
beforeEach(async () => {
  original = await freshDb('backup-original');
  target = await freshDb('backup-target');
  await setInspectorName(original, '林');
  await buildAudit(original);
});
afterEach(async () => {
  await original.dispose();
  await target.dispose();
});

describe('backup and restore', () => {
  it("restores a database equal to the original: audits, findings, counts, screenshots' bytes", async () => {
    const backup = await backupDatabase(original);
    const checked = await checkBackup(backup);
    expect(checked.ok && checked.tables).toMatchObject({ audits: 1, screenshots: 1, pins: 1 });
    // The target has data of its own: a restore replaces it.
    await buildAudit(target);
    const result = await restoreDatabase(target, backup);
    expect(result.ok).toBe(true);
    const restored = await dumpDb(target);
    expect(restored).toEqual(await dumpDb(original));
    const shot = (await target.screenshots.toArray())[0]!;
    expect(shot.blob).toBeInstanceOf(Blob);
    expect(shot.blob.type).toBe('image/png');
    expect(new Uint8Array(await shot.blob.arrayBuffer())).toEqual(new Uint8Array(3000).fill(7));
  });

  it('refuses a bad backup with the database untouched', async () => {
    const text = await (await backupDatabase(original)).text();
    const json = JSON.parse(text);
    await buildAudit(target);
    const before = await dumpDb(target);
    const cases: Array<[string, string]> = [
      ['notJson', '<html></html>'],
      ['truncated', text.slice(0, Math.floor(text.length * 0.6))],
      ['foreign', JSON.stringify({ format: 'gongkai-audit', version: 1 })],
      ['newerVersion', JSON.stringify({ ...json, data: { ...json.data, databaseVersion: 99 } })],
      [
        'foreign',
        JSON.stringify({
          ...json,
          data: { ...json.data, data: [...json.data.data, { tableName: 'evil', inbound: true, rows: [] }] },
        }),
      ],
      [
        'truncated',
        JSON.stringify({
          ...json,
          data: {
            ...json.data,
            data: json.data.data.map((t: { rows: unknown[] }) => ({ ...t, rows: t.rows.slice(1) })),
          },
        }),
      ],
    ];
    for (const [code, body] of cases) {
      const result = await restoreDatabase(target, new Blob([body], { type: 'application/json' }));
      expect(result.ok ? 'ok' : result.error.code, code).toBe(code);
    }
    expect(await dumpDb(target)).toEqual(before);
  });
});
