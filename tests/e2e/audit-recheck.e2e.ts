/**
 * "Re-check this audit against plan X" in real Chromium: an audit recorded against the bundled plan; another county's
 * plan imported in the options page; the audit re-checked against it from the options page's audit list — only after
 * reading and confirming what will happen. The result is a copy bound to the other plan, its findings filed under that
 * plan's tasks, said in one line and opened in the panel; the original audit is exactly as it was.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

const ROOT = resolve(import.meta.dirname, '../..');
let server: DemoServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startDemoServer();
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

type Row = { id: string; auditId: string; planId?: string; taskId?: string | null; taskIds?: string[]; name?: string };

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

async function visit(path: string): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.goto(server.origin + path);
  return openPanelFor(session, tab);
}

describe('re-checking an audit against another plan', () => {
  it('is a visible, confirmed action that makes a re-filed copy and leaves the audit as it was', async () => {
    const panel = await visit('/bsfw/bszn/5002.html');
    await panel.locator('[data-action="start-audit"]').click();
    await panel.locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
    await (await visit('/zwgk/xzcf/4004.html')).locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
    // Panels left open would check their pages again into the copy once it is the current audit (against its plan):
    // closed, so what is compared is the re-check alone.
    for (const page of session.context.pages()) await page.close();

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('main[data-ready="true"]');
    const [original] = await readTable(options, 'audits');
    const before = (await readTable(options, 'findings')).map((f) => `${f.id}|${f.taskId}`).sort();
    expect(before.length).toBeGreaterThan(0);

    // Another county's plan, imported (a real town's task table).
    await options
      .locator('[data-field="plan-import"] input[type="file"]')
      .setInputFiles(resolve(ROOT, 'tests/real-plans/bzqc-town/table.html'));
    await options.locator('[data-field="import-review"]').waitFor();
    await options.getByRole('button', { name: '保存并设为当前方案' }).click();
    await options.locator('[data-field="import-saved"]').waitFor();
    // The plan list is read again after the save message shows: wait for it to mark the new plan active.
    const active = options.locator('[data-plan][data-active="true"]:not([data-plan="luoyuan-2017"])');
    await active.waitFor();
    const planId = (await active.getAttribute('data-plan'))!;

    // The audit in the list, with its plan; choosing the other plan asks first and changes nothing yet.
    const row = options.locator(`[data-field="audits"] [data-audit="${original!.id}"]`);
    expect(await row.textContent()).toContain('方案：');
    await row.locator('[data-field="recheck-plan"]').selectOption(planId);
    await row.locator('[data-action="recheck"]').click();
    const confirm = row.locator('[data-field="recheck-confirm"]');
    expect(await confirm.textContent()).toContain('原审计保持不变');
    expect(await readTable(options, 'audits')).toHaveLength(1);
    await confirm.locator('[data-action="recheck-confirm"]').click();
    const status = options.locator('[data-field="recheck-status"]');
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      /^已创建“.+（按“.+”重新检查）”：2 个页面、\d+ 条发现，其中 [1-9]\d* 条归入新方案的任务/,
    );

    // The original: the same findings under the same tasks. The copy: the other plan's tasks.
    const audits = await readTable(options, 'audits');
    expect(audits).toHaveLength(2);
    const copy = audits.find((a) => a.id !== original!.id)!;
    expect(copy.planId).toBe(planId);
    const findings = await readTable(options, 'findings');
    expect(
      findings
        .filter((f) => f.auditId === original!.id)
        .map((f) => `${f.id}|${f.taskId}`)
        .sort(),
    ).toEqual(before);
    const copied = findings.filter((f) => f.auditId === copy.id);
    expect(copied).toHaveLength(before.length);
    const planTasks = await options.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((done) => {
        const req = indexedDB.open('gongkai-inspector');
        req.onsuccess = () => done(req.result);
      });
      const row = await new Promise<{ plan: { tasks: Array<{ id: string }> } }>((done) => {
        const req = db.transaction('plans').objectStore('plans').get(id);
        req.onsuccess = () => done(req.result);
      });
      db.close();
      return row.plan.tasks.map((t) => t.id);
    }, planId);
    for (const f of copied) if (f.taskId) expect(planTasks).toContain(f.taskId);
    expect(copied.some((f) => f.taskId)).toBe(true);

    // The panel opens the copy: the other plan, no raw ids in its list.
    const after = await visit('/bsfw/bszn/5002.html');
    await after.waitForFunction(
      (id) => document.querySelector('[data-field="plan"]')?.getAttribute('data-plan-id') === id,
      planId,
      { polling: 100, timeout: 10_000 },
    );
    expect(await after.locator('[data-field="audit"]').getAttribute('data-audit')).toBe(copy.id);
    await after.locator('[data-tab="findings"]').click();
    await after.waitForFunction(
      () => Number(document.querySelector('[data-field="findings"]')?.getAttribute('data-total')) > 0,
      undefined,
      { polling: 100 },
    );
    const rows = await after
      .locator('[data-finding]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
    for (const text of rows) expect(text).not.toMatch(/\/t\d+/);
  });
});
