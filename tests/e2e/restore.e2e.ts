/**
 * Restore in real Chromium, through the options page: an audit is recorded on the demo portal (findings, a
 * screenshot), backed up (the file downloaded and read back), and broken backups are restored — a findings row without
 * its id, a screenshot whose bytes are an SVG. Each is refused with a message in the user's words and every table of
 * the extension's IndexedDB is exactly as before, also after a reload. The intact backup then restores.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

let server: DemoServer;
let session: ExtensionSession;
const files = mkdtempSync(join(tmpdir(), 'gongkai-restore-'));

beforeAll(async () => {
  server = await startDemoServer();
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Every object store of the extension's database, every row, Blobs as their type and bytes (in the page). */
function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const req = indexedDB.open('gongkai-inspector');
      req.onsuccess = () => done(req.result);
      req.onerror = () => fail(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((done, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(req.error);
      });
      out[name] = await Promise.all(
        rows.map(async (row) => {
          const r = row as Record<string, unknown>;
          if (r.blob instanceof Blob)
            return { ...r, blob: { type: r.blob.type, bytes: Array.from(new Uint8Array(await r.blob.arrayBuffer())) } };
          return r;
        }),
      );
    }
    db.close();
    return JSON.stringify(out);
  });
}

type Backup = { data: { data: Array<{ tableName: string; rows: Array<Record<string, unknown>> }> } };

describe('restore through the options page', () => {
  let options: Page;
  let backupFile: string;

  it('records an audit with findings and a screenshot, and backs it up', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/zwgk/czsz/index.html`);
    const panel = await openPanelFor(session, tab);
    await panel.locator('[data-action="start-audit"]').click();
    await panel.locator('[data-field="recorded"]').waitFor();
    await panel.locator('[data-action="capture"]').click();
    await panel.waitForFunction(
      () => document.querySelector('[data-field="screenshots"]')?.getAttribute('data-count') === '1',
      undefined,
      { polling: 200, timeout: 15_000 },
    );
    // Nothing else writes while the database is compared.
    await panel.close();
    await tab.close();
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const download = options.waitForEvent('download', { timeout: 30_000 });
    await options.locator('[data-action="backup"]').click();
    backupFile = join(files, 'backup.json');
    await (await download).saveAs(backupFile);
    const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as Backup;
    const rows = (name: string) => backup.data.data.find((t) => t.tableName === name)!.rows;
    expect(rows('findings').length).toBeGreaterThan(2);
    expect(rows('screenshots')).toHaveLength(1);
  });

  const broken: Array<[string, (rows: (name: string) => Array<Record<string, unknown>>) => void, RegExp]> = [
    ['a findings row without its id', (rows) => delete rows('findings')[1]!.id, /第 2 条发现记录缺少“id”/],
    [
      'a screenshot whose bytes are an SVG',
      (rows) => {
        const blob = rows('screenshots')[0]!.blob as { data: string };
        blob.data = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
          'base64',
        );
      },
      /截图不是图片（SVG）/,
    ],
  ];

  for (const [what, breakIt, message] of broken) {
    it(`refuses a backup with ${what}: a message, and every table as it was, also after a reload`, async () => {
      const before = await dumpDatabase(options);
      expect(JSON.parse(before).findings.length).toBeGreaterThan(2);
      const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as Backup;
      breakIt((name) => backup.data.data.find((t) => t.tableName === name)!.rows);
      const file = join(files, 'broken.json');
      writeFileSync(file, JSON.stringify(backup));
      options.once('dialog', (dialog) => void dialog.accept());
      await options.locator('[data-action="restore"]').setInputFiles(file);
      const status = options.locator('[data-field="audit-files-status"]');
      await status.waitFor();
      const text = (await status.textContent()) ?? '';
      expect(text).toMatch(message);
      expect(text).toContain('数据库未改动');
      expect(await status.getAttribute('role')).toBe('alert');
      expect(await dumpDatabase(options)).toBe(before);
      await options.reload();
      await options.locator('[data-field="audit-files"]').waitFor();
      expect(await dumpDatabase(options)).toBe(before);
    });
  }

  it('restores the intact backup and says what it restored', async () => {
    const before = await dumpDatabase(options);
    options.once('dialog', (dialog) => void dialog.accept());
    await options.locator('[data-action="restore"]').setInputFiles(backupFile);
    const status = options.locator('[data-field="audit-files-status"]');
    await options.waitForFunction(
      () => document.querySelector('[data-field="audit-files-status"]')?.textContent?.includes('已从备份恢复'),
      undefined,
      { polling: 100 },
    );
    expect(await status.textContent()).toMatch(/1 个审计，[1-9]\d* 条发现/);
    // The same records (restored rows are written field by field in the schema's order).
    expect(JSON.parse(await dumpDatabase(options))).toEqual(JSON.parse(before));
  });
});
