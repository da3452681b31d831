/**
 * An audit is bound to the plan it was started with, in real Chromium: importing another plan and making it active in
 * the options page leaves the open audit's tasks, findings and coverage exactly as they were (no finding re-filed under
 * the other plan's tasks, no raw task ids in the list); the panel says which plan the audit uses; a new audit uses the
 * new active plan.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import {
  launchWithExtension,
  openPanelFor,
  readPanel,
  waitForPanelState,
  type ExtensionSession,
} from '../../scripts/lib/extension-harness';

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

async function visit(path: string): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.goto(server.origin + path);
  return openPanelFor(session, tab);
}

async function coverageCounts(panel: Page): Promise<Record<string, string>> {
  await panel.locator('[data-tab="coverage"]').click();
  await panel.locator('[data-field="coverage"]').waitFor();
  return (await panel
    .locator('[data-coverage]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-coverage'), e.getAttribute('data-count')])),
    )) as Record<string, string>;
}

async function findingRows(panel: Page): Promise<string[]> {
  await panel.locator('[data-tab="findings"]').click();
  await panel.waitForFunction(
    () => Number(document.querySelector('[data-field="findings"]')?.getAttribute('data-total')) > 0,
    undefined,
    { polling: 100 },
  );
  return panel.locator('[data-finding]').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
}

describe('an audit keeps its plan', () => {
  const before: { coverage?: Record<string, string>; rows?: string[] } = {};

  it('records an audit against the bundled plan', async () => {
    const panel = await visit('/zwgk/czsz/index.html');
    await panel.locator('[data-action="start-audit"]').click();
    await panel.locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
    expect(await panel.locator('[data-field="plan"]').getAttribute('data-plan-id')).toBe('luoyuan-2017');
    before.coverage = await coverageCounts(panel);
    before.rows = await findingRows(panel);
    expect(Number(before.coverage['not-visited'])).toBeLessThan(61);
  });

  it('switching the active plan leaves the audit’s tasks, findings and coverage untouched', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('main[data-ready="true"]');
    await options
      .locator('[data-field="plan-import"] input[type="file"]')
      .setInputFiles(resolve(ROOT, 'demo-portal/site/zwgk/ghjh/1801.html'));
    await options.locator('[data-field="import-review"]').waitFor();
    await options.getByRole('button', { name: '保存并设为当前方案' }).click();
    await options.locator('[data-field="import-saved"]').waitFor();
    // The plan list follows the database (a live read): the active mark moves a moment after the import says saved.
    const active = options.locator('[data-plan][data-active="true"]:not([data-plan="luoyuan-2017"])');
    await active.waitFor({ timeout: 10_000 }).catch(() => undefined);
    const newPlanId = await options.locator('[data-plan][data-active="true"]').getAttribute('data-plan');
    expect(newPlanId).not.toBe('luoyuan-2017');

    // The same page, checked again inside the audit: still the audit's plan, and the panel says why.
    const panel = await visit('/zwgk/czsz/index.html');
    await panel.locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
    expect(await panel.locator('[data-field="plan"]').getAttribute('data-plan-id')).toBe('luoyuan-2017');
    expect(await panel.locator('[data-field="audit-plan-note"]').textContent()).toContain('只用于新审计');
    expect((await readPanel(panel)).tasks).toContain('2');
    expect(await coverageCounts(panel)).toEqual(before.coverage);
    const rows = await findingRows(panel);
    expect(rows.sort()).toEqual([...before.rows!].sort());
    for (const row of rows) expect(row).not.toMatch(/\/t\d+/);

    // A new audit of the site uses the new active plan.
    await panel.locator('[data-tab="page"]').click();
    await panel.getByRole('button', { name: '归档' }).click();
    await panel.locator('[data-action="start-audit"]').click();
    await panel.locator('[data-field="audit-name"]').waitFor();
    await waitForPanelState(panel, () => true);
    await panel.waitForFunction(
      (id) => document.querySelector('[data-field="plan"]')?.getAttribute('data-plan-id') === id,
      newPlanId,
      { polling: 100, timeout: 10_000 },
    );
    expect(await panel.locator('[data-field="audit-plan-note"]').count()).toBe(0);
  });
});
