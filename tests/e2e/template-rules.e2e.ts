/**
 * A site rule for a hand-picked template, in real Chromium on the demo portal: picked on one news article, made a rule
 * for the pages under /xwzx/gzdt/, it checks the next article of that folder too and says so above the picker (the
 * rule, its address, a button to remove it); a page outside the folder is untouched; removed, the rule is gone from
 * every page — nothing applies silently.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import {
  launchWithExtension,
  openPanelFor,
  type readPanel,
  waitForPanelState,
  type ExtensionSession,
} from '../../scripts/lib/extension-harness';

let server: DemoServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startDemoServer({ now: new Date() });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

const hasPenalty = (p: Awaited<ReturnType<typeof readPanel>>) => p.results.some((r) => r.template === 'penalty-result');

async function go(tab: Page, panel: Page, path: string) {
  await tab.goto(server.origin + path);
  return waitForPanelState(panel, (p) => p.url?.endsWith(path) === true && p.state === 'ready' && p.results.length > 0);
}

describe('a per-site template rule', () => {
  it('is set from a pick, applies to the pages under its address, is shown there, and can be removed', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/xwzx/gzdt/1101.html`);
    const panel = await openPanelFor(session, tab);
    const first = await waitForPanelState(panel, (p) => p.state === 'ready' && p.results.length > 0);
    expect(hasPenalty(first)).toBe(false);
    const picker = panel.locator('[data-field="template-picker"]');
    await picker.locator('summary').click();
    await picker.locator('input[value="penalty-result"]').check();
    await waitForPanelState(panel, hasPenalty);

    // Made a rule for the folder (the form offers this page's folder).
    await picker.locator('[data-action="make-template-rule"][data-template="penalty-result"]').click();
    const prefix = picker.locator('[data-field="template-rule-prefix"]');
    expect(await prefix.inputValue()).toBe(`${server.origin}/xwzx/gzdt/`);
    await picker.locator('[data-action="save-template-rule"]').click();
    const rule = panel.locator('[data-field="template-rule"]');
    await rule.waitFor();
    expect(await rule.textContent()).toContain(`本站规则：${server.origin}/xwzx/gzdt/ 下的页面都按“`);

    // The next article of the folder: checked against it, and the panel says why.
    const next = await go(tab, panel, '/xwzx/gzdt/1102.html');
    expect(hasPenalty(next)).toBe(true);
    expect(await rule.getAttribute('data-prefix')).toBe(`${server.origin}/xwzx/gzdt/`);
    expect(await picker.locator('input[value="penalty-result"]').isDisabled()).toBe(true);

    // A page of another folder: no rule, no penalty check.
    const other = await go(tab, panel, '/xwzx/tzgg/1204.html');
    expect(hasPenalty(other)).toBe(false);
    expect(await rule.count()).toBe(0);

    // Removed from a page it applies to: gone there and on the rest of the folder.
    await go(tab, panel, '/xwzx/gzdt/1102.html');
    await rule.locator('[data-action="remove-template-rule"]').click();
    await waitForPanelState(panel, (p) => !hasPenalty(p));
    // The rule's line goes with the next render of the panel, which may follow the state it was read from.
    await rule.waitFor({ state: 'detached' });
    expect(await rule.count()).toBe(0);
    // The page it was picked on keeps its own pick (a pick belongs to its page).
    expect(hasPenalty(await go(tab, panel, '/xwzx/gzdt/1101.html'))).toBe(true);
  });
});
