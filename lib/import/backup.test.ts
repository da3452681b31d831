import 'fake-indexeddb/auto';
import './node-globals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFileJson, toAuditFile } from '../export/audit-file';
import { loadAuditData } from '../export/audit-data';
import { readTaskCounts, recountTaskCounts } from '../storage/task-counts';
import { freshDb } from '../../tests/helpers/storage-testing';
import { setInspectorName } from '../storage/settings';
import { backupDatabase, checkBackup, restoreDatabase } from './backup';
import { buildAudit, dumpDb, pngBytes } from '../../tests/helpers/import-testing';

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

type Row = Record<string, unknown>;
interface BackupJson {
  data: { data: Array<{ tableName: string; rows: Row[] }>; tables: Array<{ name: string; rowCount: number }> };
}

/** The original's backup as JSON, changed by `edit` (rows of a table by name), as a file again. */
async function edited(edit: (table: (name: string) => Row[], json: BackupJson) => void): Promise<Blob> {
  const json = JSON.parse(await (await backupDatabase(original)).text()) as BackupJson;
  edit((name) => json.data.data.find((t) => t.tableName === name)!.rows, json);
  // Rows added or removed are declared, so the file passes the envelope check.
  for (const t of json.data.data) json.data.tables.find((x) => x.name === t.tableName)!.rowCount = t.rows.length;
  return new Blob([JSON.stringify(json)], { type: 'application/json' });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

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
    expect(new Uint8Array(await shot.blob.arrayBuffer())).toEqual(pngBytes(3000));
  });

  it('recounts the per-task counts from the findings instead of trusting the file', async () => {
    const [audit] = await original.audits.toArray();
    const backup = await edited((rows) => {
      for (const c of rows('taskCounts')) c.fail = 99;
      rows('taskCounts').push({
        auditId: audit!.id,
        taskKey: 'luoyuan-2017/t9',
        pass: 5,
        fail: 0,
        review: 0,
        na: 0,
        pages: 0,
      });
    });
    const result = await restoreDatabase(target, backup);
    expect(result.ok).toBe(true);
    const stored = (await readTaskCounts(target, audit!.id)).sort((a, b) => a.taskKey.localeCompare(b.taskKey));
    expect(stored).toEqual(await recountTaskCounts(target, audit!.id));
    expect(stored).toEqual(
      (await readTaskCounts(original, audit!.id)).sort((a, b) => a.taskKey.localeCompare(b.taskKey)),
    );
  });

  it('refuses a bad backup envelope with the database untouched', async () => {
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

  describe('a backup that passes the envelope check but has one bad row changes nothing', () => {
    const cases: Array<[string, string, (table: (name: string) => Row[]) => void]> = [
      ['a finding without id', 'rowMissingField', (t) => delete t('findings')[3]!.id],
      ['a finding with a null id', 'rowMissingField', (t) => (t('findings')[3]!.id = null)],
      ['a finding with a field of the wrong type', 'rowWrongField', (t) => (t('findings')[2]!.rev = 'two')],
      ['an audit with an unknown status', 'rowWrongField', (t) => (t('audits')[0]!.status = 'deleted')],
      ['a pin without id', 'rowMissingField', (t) => delete t('pins')[0]!.id],
      ['a setting without key', 'rowMissingField', (t) => delete t('settings')[0]!.key],
      ['two findings with the same id', 'inconsistent', (t) => (t('findings')[1]!.id = t('findings')[0]!.id)],
      ['a finding of an audit not in the backup', 'inconsistent', (t) => (t('findings')[4]!.auditId = 'a-forged')],
      ['a finding of a page not in the backup', 'inconsistent', (t) => (t('findings')[0]!.pageId = 'p-none')],
      [
        'a screenshot that is an SVG',
        'screenshotNotImage',
        (t) => {
          const blob = t('screenshots')[0]!.blob as { type: string; data: string };
          blob.data = base64(
            new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          );
        },
      ],
      [
        'a screenshot of HTML bytes',
        'screenshotNotImage',
        (t) => {
          const blob = t('screenshots')[0]!.blob as { type: string; data: string };
          blob.data = base64(new TextEncoder().encode('<!doctype html><p>not an image'));
        },
      ],
      [
        'a screenshot whose bytes are broken',
        'invalid',
        (t) => {
          const blob = t('screenshots')[0]!.blob as { type: string; data: string };
          blob.data = '@@@ not base64 @@@';
        },
      ],
      ['a screenshot whose bytes are gone', 'rowMissingField', (t) => delete t('screenshots')[0]!.blob],
    ];
    for (const [what, code, edit] of cases) {
      it(what, async () => {
        await buildAudit(target);
        const before = await dumpDb(target);
        expect(before.findings!.length).toBeGreaterThan(0);
        const result = await restoreDatabase(target, await edited((t) => edit(t)));
        expect(result.ok ? 'ok' : result.error.code).toBe(code);
        expect(await dumpDb(target)).toEqual(before);
      });
    }
  });

  it('names the table, row and field of a bad row for the message', async () => {
    const result = await restoreDatabase(target, await edited((t) => delete t('findings')[3]!.id));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'rowMissingField', key: 'backupRowMissingField', table: 'findings' });
      expect(result.error.args).toEqual(['4', 'id']);
    }
  });

  it('a write that fails half-way is rolled back: every table as it was', async () => {
    await buildAudit(target);
    const before = await dumpDb(target);
    const backup = await backupDatabase(original);
    const real = target.screenshots.bulkAdd.bind(target.screenshots);
    target.screenshots.bulkAdd = (async () => {
      throw new Error('disk gone');
    }) as unknown as typeof real;
    await expect(restoreDatabase(target, backup)).rejects.toThrow(/disk gone/);
    target.screenshots.bulkAdd = real;
    expect(await dumpDb(target)).toEqual(before);
  });

  it('an audit file is not a backup: refused, nothing written', async () => {
    await buildAudit(target);
    const before = await dumpDb(target);
    const [a] = await original.audits.toArray();
    const file = auditFileJson(toAuditFile(await loadAuditData(original, a!.id)));
    const result = await restoreDatabase(target, new Blob([file]));
    expect(result.ok ? 'ok' : result.error.code).toBe('foreign');
    expect(await dumpDb(target)).toEqual(before);
  });
});
