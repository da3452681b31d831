/** Settings in real Chromium: the interface language chosen in the options page applies to an open side panel at once (policy names too: a freshness rule in English); the plan's wording can be shown in simplified characters. */
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

describe('settings', () => {
  it('names the home page as such, not （未识别）', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/index.html`);
    const panel = await openPanelFor(session, tab);
    const shown = await readPanel(panel);
    expect(shown.pageKind).toBe('home');
    expect(shown.column).toBe('网站首页');
  });

  it('switches the interface language of an open panel, and back', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/zwgk/czsz/index.html`);
    const panel = await openPanelFor(session, tab);
    expect((await readPanel(panel)).text).toContain('适用的方案任务');
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#language').selectOption('en');
    await waitForPanelState(panel, (p) => p.text.includes('Plan tasks that apply'));
    // English without Chinese punctuation around its own words (unit names stay as the plan writes them).
    for (const selector of ['[data-field="column-source"]', '.units-label'])
      expect(await panel.locator(selector).first().innerText()).not.toMatch(/[：；，（）]/);
    // The freshness rule (task 2, published monthly) is named by its English name from seeds/policy, not by 按月.
    expect(await panel.locator('[data-check="column-freshness"] .result-message').innerText()).toMatch(
      /meets “2\. monthly”$/,
    );
    await options.waitForFunction(() => document.title.includes('Settings'), undefined, { polling: 100 });
    await options.locator('#language').selectOption('auto');
    await waitForPanelState(panel, (p) => p.text.includes('适用的方案任务'));
  });

  it('shows the plan’s mixed-script wording in simplified characters by default, as published on request', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/zwgk/czsz/index.html`);
    const panel = await openPanelFor(session, tab);
    const title = panel.locator('[data-task-no="2"] [data-field="task-title"]');
    expect(await title.textContent()).toBe('按月公开全县财政收支情况');
    await panel.locator('[data-action="simplified-wording"]').uncheck();
    expect(await title.textContent()).toBe('按月公開全縣財政收支情況');
    // The match is a degree people read, not a number.
    expect(await panel.locator('[data-task-no="2"] [data-field="task-match"]').textContent()).toMatch(
      /^匹配度：(高|中|低)/,
    );
  });
});
