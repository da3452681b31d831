/**
 * The county's local column names in real Chromium: an alias added in the options page is kept (IndexedDB, across a
 * reload) and changes what an open panel proposes at once; removing it brings back the honest "no task".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import {
  launchWithExtension,
  openPanelFor,
  readPanel,
  waitForPanelState,
  type ExtensionSession,
} from '../../scripts/lib/extension-harness';

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

describe('local column names', () => {
  it('an alias added in the options page reaches an open panel, survives a reload, and can be removed', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/xwzx/gzdt/1101.html`);
    const panel = await openPanelFor(session, tab);
    const before = await readPanel(panel);
    expect(before.column).toBe('工作动态');
    expect(before.tasks).toEqual([]);
    // The honest "no task" says why.
    expect(before.text).toContain('本计划没有任务管辖这类栏目');

    // This county posts its responses to public concern under 工作动态.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#alias-name').fill('工作动态');
    await options.locator('#alias-concept').selectOption('public-concern');
    await options.locator('[data-field="column-aliases"] button[type="submit"]').click();
    await options.locator('[data-alias="工作动态"]').waitFor();
    const after = await waitForPanelState(panel, (p) => p.tasks.length > 0);
    expect(after.tasks[0]).toBe('57');
    expect(after.text).toContain('本县栏目别名');

    await options.reload();
    await options.locator('[data-alias="工作动态"]').waitFor();
    await options.locator('[data-alias="工作动态"] button').press('Enter');
    await options.locator('[data-alias="工作动态"]').waitFor({ state: 'detached' });
    const removed = await waitForPanelState(panel, (p) => p.tasks.length === 0);
    expect(removed.tasks).toEqual([]);
  });
});
