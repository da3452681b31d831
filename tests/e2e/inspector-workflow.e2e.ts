/**
 * The inspector's workflow in real Chromium: start an audit, visit three columns (automatic findings are recorded),
 * answer manual checklist items with notes, give a verdict, attach a screenshot, pin a column — then close the browser,
 * relaunch it with the same profile, and find everything still there with the same coverage counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

let server: DemoServer;
let session: ExtensionSession;
const profile = mkdtempSync(join(tmpdir(), 'gongkai-workflow-'));

beforeAll(async () => {
  server = await startDemoServer();
  session = await launchWithExtension({ userDataDir: profile });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function visit(path: string): Promise<{ tab: Page; panel: Page }> {
  const tab = await session.context.newPage();
  await tab.goto(server.origin + path);
  const panel = await openPanelFor(session, tab);
  return { tab, panel };
}

async function recorded(panel: Page): Promise<void> {
  await panel.locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
}

async function coverageCounts(panel: Page): Promise<Record<string, string>> {
  await panel.locator('[data-tab="coverage"]').click();
  await panel.locator('[data-field="coverage"]').waitFor();
  const counts = await panel
    .locator('[data-coverage]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-coverage'), e.getAttribute('data-count')])),
    );
  return counts as Record<string, string>;
}

const snapshotOfState: { coverage?: Record<string, string>; total?: string; auditName?: string } = {};

describe('an audit across pages and sessions', () => {
  it('starts an audit on the first page and records its automatic findings', async () => {
    const { panel } = await visit('/zwgk/czsz/index.html');
    await panel.locator('[data-action="start-audit"]').click();
    await panel.locator('[data-field="audit-name"]').waitFor();
    snapshotOfState.auditName = (await panel.locator('[data-field="audit-name"]').textContent()) ?? '';
    expect(snapshotOfState.auditName).toContain('中国罗源湾');
    await recorded(panel);
  });

  it('records two more columns, takes manual answers with notes, a verdict and a screenshot', async () => {
    const guide = await visit('/bsfw/bszn/5002.html');
    await recorded(guide.panel);
    const firstClause = guide.panel.locator('[data-manual-task="15"] [data-clause]').first();
    await firstClause.locator('[data-verdict-option="FAIL"]').click();
    await guide.panel.waitForFunction(
      () => document.querySelector('[data-manual-task="15"] [data-clause]')?.getAttribute('data-verdict') === 'FAIL',
      undefined,
      { polling: 100 },
    );
    const note = firstClause.locator('textarea');
    await note.fill('结果样本未提供，需补充');
    await note.blur();
    // Keyboard: focus the second clause and press P.
    const second = guide.panel.locator('[data-manual-task="15"] [data-clause]').nth(1);
    await second.focus();
    await second.press('p');
    await guide.panel.waitForFunction(
      () =>
        document.querySelectorAll('[data-manual-task="15"] [data-clause]')[1]?.getAttribute('data-verdict') === 'PASS',
      undefined,
      { polling: 100 },
    );
    // A person's verdict on an automatic result (the machine's status stays beside it), by the keyboard.
    await guide.panel.locator('[data-check="privacy-leaks"]').focus();
    await guide.panel.locator('[data-check="privacy-leaks"]').press('p');
    await guide.panel.waitForFunction(
      () =>
        document.querySelector('[data-check="privacy-leaks"] [data-field="verdict"]')?.getAttribute('data-verdict') ===
        'PASS',
      undefined,
      { polling: 100 },
    );

    // Follow-up of the guide's failure: severity and rectification.
    const guideResult = guide.panel.locator('[data-template="service-guide"]');
    await guideResult.locator('[data-field="severity"]').selectOption('high');
    await guide.panel.waitForFunction(
      () =>
        (document.querySelector('[data-template="service-guide"] [data-field="severity"]') as HTMLSelectElement | null)
          ?.value === 'high',
      undefined,
      { polling: 100 },
    );
    await guideResult.locator('[data-field="rectify"]').selectOption('fixing');
    await guide.panel.waitForFunction(
      () =>
        (document.querySelector('[data-template="service-guide"] [data-field="rectify"]') as HTMLSelectElement | null)
          ?.value === 'fixing',
      undefined,
      { polling: 100 },
    );

    await guide.panel.locator('[data-action="capture"]').click();
    await guide.panel.waitForFunction(
      () => document.querySelector('[data-field="screenshots"]')?.getAttribute('data-count') === '1',
      undefined,
      { polling: 200, timeout: 15_000 },
    );

    const penalty = await visit('/zwgk/xzcf/4004.html');
    await recorded(penalty.panel);
  });

  it('pins a news column to a task and the matcher follows the pin', async () => {
    const { panel } = await visit('/xwzx/gzdt/1101.html');
    expect((await readPanel(panel)).tasks).toEqual([]);
    await panel.locator('[data-field="pin"] select').selectOption('luoyuan-2017/t57');
    const shown = await waitForPanelState(panel, (p) => p.tasks.includes('57'));
    expect(shown.tasks).toEqual(['57']);
    await recorded(panel);
  });

  it('shows coverage of the whole plan and a filterable findings list', async () => {
    const { panel } = await visit('/zwgk/czsz/index.html');
    await recorded(panel);
    const counts = await coverageCounts(panel);
    const sum = Object.values(counts).reduce((n, c) => n + Number(c), 0);
    expect(sum).toBe(61);
    // The visited pages matched tasks 2 (财政收支), 15 (办事指南 and 行政处罚), 39 and 42 (行政处罚: the food-and-drug
    // and the capital-market tasks whose requirements ask for penalty decisions) and 57 (the pinned news column).
    expect(Number(counts['not-visited'])).toBe(61 - 5);
    snapshotOfState.coverage = counts;
    expect(await panel.locator('[data-cov-task="15"]').getAttribute('data-status')).toBe('has-failures');
    await panel
      .locator('details.cov-group', { has: panel.locator('[data-cov-task="15"]') })
      .locator('summary')
      .click();
    await panel.locator('[data-cov-task="15"] button').click();
    await panel.locator('[data-field="findings"]').waitFor();
    await panel.waitForFunction(
      () => Number(document.querySelector('[data-field="findings"]')?.getAttribute('data-total')) > 0,
      undefined,
      { polling: 100 },
    );
    snapshotOfState.total = (await panel.locator('[data-field="findings"]').getAttribute('data-total')) ?? '';
    await panel.locator('input[type="search"]').fill('结果样本未提供');
    await panel.waitForFunction(
      () => document.querySelector('[data-field="findings"]')?.getAttribute('data-total') === '1',
      undefined,
      { polling: 100 },
    );
    // The capture on the guide page is evidence for its open problems: they can be found by "has a screenshot".
    await panel.locator('input[type="search"]').fill('');
    await panel.getByLabel('有截图').check();
    await panel.waitForFunction(
      () => Number(document.querySelector('[data-field="findings"]')?.getAttribute('data-total')) > 0,
      undefined,
      { polling: 100 },
    );
  });

  it('keeps everything when the browser is closed and opened again with the same profile', async () => {
    await session.close();
    session = await launchWithExtension({ userDataDir: profile });
    const { panel } = await visit('/bsfw/bszn/5002.html');
    await recorded(panel);
    expect(await panel.locator('[data-field="audit-name"]').textContent()).toBe(snapshotOfState.auditName);
    const firstClause = panel.locator('[data-manual-task="15"] [data-clause]').first();
    expect(await firstClause.getAttribute('data-verdict')).toBe('FAIL');
    expect(await firstClause.locator('textarea').inputValue()).toBe('结果样本未提供，需补充');
    expect(
      await panel.locator('[data-check="privacy-leaks"] [data-field="verdict"]').getAttribute('data-verdict'),
    ).toBe('PASS');
    expect(await panel.locator('[data-field="screenshots"]').getAttribute('data-count')).toBe('1');
    expect(await panel.locator('[data-template="service-guide"] [data-field="severity"]').inputValue()).toBe('high');
    expect(await panel.locator('[data-template="service-guide"] [data-field="rectify"]').inputValue()).toBe('fixing');
    expect(await coverageCounts(panel)).toEqual(snapshotOfState.coverage);
    const news = await visit('/xwzx/gzdt/1101.html');
    expect((await waitForPanelState(news.panel, (p) => p.tasks.length > 0)).tasks).toEqual(['57']);
  });
});
