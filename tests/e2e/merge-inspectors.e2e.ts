/**
 * Two inspectors audit the same site in two browser profiles (real Chromium, demo portal); one exports the audit file
 * and the other imports it through the options page: the preview says it merges into her own audit of the site, and
 * afterwards there is one audit with every finding once, each with its inspector's name (both names where both
 * checked the same thing).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

let server: DemoServer;
let lin: ExtensionSession;
let wang: ExtensionSession;
const files = mkdtempSync(join(tmpdir(), 'gongkai-merge-'));

beforeAll(async () => {
  server = await startDemoServer();
  lin = await launchWithExtension();
  wang = await launchWithExtension();
});

afterAll(async () => {
  await lin?.close();
  await wang?.close();
  await server?.close();
});

async function options(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

async function setName(session: ExtensionSession, name: string): Promise<void> {
  const page = await options(session);
  await page.locator('#inspector-name').fill(name);
  await page.locator('#inspector-name').press('Enter');
  await page.waitForFunction(
    async (expected) => {
      const db = await new Promise<IDBDatabase>((done) => {
        const req = indexedDB.open('gongkai-inspector');
        req.onsuccess = () => done(req.result);
      });
      const row = await new Promise<{ value?: unknown } | undefined>((done) => {
        const req = db.transaction('settings').objectStore('settings').get('inspectorName');
        req.onsuccess = () => done(req.result as { value?: unknown } | undefined);
      });
      db.close();
      return row?.value === expected;
    },
    name,
    { polling: 200 },
  );
  await page.close();
}

/** Checks the pages in one panel (starting the audit on the first) and returns the panel. */
async function audit(session: ExtensionSession, paths: string[]): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.goto(`${server.origin}${paths[0]}`);
  const panel = await openPanelFor(session, tab);
  await panel.locator('[data-action="start-audit"]').click();
  await panel.locator('[data-field="recorded"]').waitFor();
  for (const path of paths.slice(1)) {
    const next = await session.context.newPage();
    await next.goto(`${server.origin}${path}`);
    const p = await openPanelFor(session, next);
    await p.locator('[data-field="recorded"]').waitFor();
  }
  return panel;
}

type Row = {
  id: string;
  auditId: string;
  url: string;
  checkId: string;
  templateId?: string;
  itemId?: string;
  inspector: string;
};

function readTable(page: Page, table: string): Promise<Row[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((done) => {
      const req = indexedDB.open('gongkai-inspector');
      req.onsuccess = () => done(req.result);
    });
    const rows = await new Promise<unknown[]>((done) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => done(req.result);
    });
    db.close();
    return rows as never;
  }, table);
}

const key = (f: Row) => [f.url, f.checkId, f.templateId ?? '', f.itemId ?? ''].join('|');

describe('two inspectors, one site', () => {
  it('merges a colleague’s audit file into the audit of the same site: every finding once, both names', async () => {
    await setName(lin, '林');
    await setName(wang, '王');
    const linPanel = await audit(lin, ['/zwgk/czsz/index.html', '/zwgk/xzcf/4004.html']);
    await audit(wang, ['/zwgk/czsz/index.html']);

    await linPanel.locator('[data-tab="findings"]').click();
    await linPanel.locator('[data-field="export"]').waitFor();
    const download = linPanel.waitForEvent('download', { timeout: 30_000 });
    await linPanel.locator('[data-export="json"]').click();
    const file = join(files, 'lin.json');
    await (await download).saveAs(file);

    const page = await options(wang);
    const before = await readTable(page, 'findings');
    const [wangAudit] = await readTable(page, 'audits');
    await page.locator('[data-action="import-audit"]').setInputFiles(file);
    const preview = page.locator('[data-field="import-preview"]');
    await preview.waitFor();
    expect(await page.locator('[data-field="import-target"]').getAttribute('data-kind')).toBe('merge');
    expect(await preview.textContent()).toContain('将合并到本机的审计');
    expect(await preview.textContent()).toContain('检查人：林');
    await page.locator('[data-action="merge"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-field="audit-files-status"]')?.textContent?.includes('已合并到'),
      undefined,
      { polling: 100 },
    );
    expect(await page.locator('[data-field="audit-files-status"]').textContent()).toMatch(
      /已合并到“.+”：新增 [1-9]\d* 条，更新 \d+ 条，冲突 0 条/,
    );

    const audits = await readTable(page, 'audits');
    expect(audits.map((a) => a.id)).toEqual([(wangAudit as Row).id]);
    const findings = await readTable(page, 'findings');
    expect(findings.every((f) => f.auditId === (wangAudit as Row).id)).toBe(true);
    expect(new Set(findings.map(key)).size).toBe(findings.length);
    // Every finding 王 had and every finding 林 exported is there once.
    for (const f of before) expect(findings.some((g) => key(g) === key(f))).toBe(true);
    const names = new Set(findings.map((f) => f.inspector));
    expect([...names].sort()).toEqual(['林', '王、林']);
    // The page only 林 checked: 林's findings; the page both checked: both names.
    expect(findings.filter((f) => f.url.includes('/xzcf/')).every((f) => f.inspector === '林')).toBe(true);
    expect(findings.filter((f) => f.url.includes('/czsz/')).every((f) => f.inspector === '王、林')).toBe(true);
  });
});
