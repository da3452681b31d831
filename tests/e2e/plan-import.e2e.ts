/**
 * Plans in real Chromium: the options page refuses input that does not parse (and saves nothing), imports the plan
 * table published on a demo portal page (sent from the side panel), shows it for review, saves it and makes it the
 * active plan — and the side panel then checks against it. A plan file chosen from disk is parsed too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../lib/plan/parse-plan';
import { copiedForm } from '../real-plans/corpus';
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

async function optionsPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.waitForSelector('main[data-ready="true"]');
  return page;
}

/** The options tab the extension opened or focused (its URL may still be about:blank when the page event fires). */
async function newOptionsTab(): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = session.context
      .pages()
      .filter((p) => p.url().endsWith('/options.html'))
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the options page did not open');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const planIds = (page: Page) =>
  page
    .locator('[data-plan]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-plan'), e.getAttribute('data-active')]));

describe('plan import', () => {
  it('refuses prose with the parser’s message and saves nothing', async () => {
    const page = await optionsPage();
    await page
      .locator('#plan-text')
      .fill('这是一段普通的新闻稿，没有任何任务分解表。\n欢迎访问罗源县人民政府门户网站。');
    await page.getByRole('button', { name: '解析' }).click();
    const error = page.locator('[data-field="import-error"]');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toMatch(/^text\./);
    expect(await error.textContent()).toContain('未保存任何内容');
    expect(await planIds(page)).toEqual([['luoyuan-2017', 'true']]);
  });

  it('imports the plan table of a portal page from the side panel, after review, and the panel uses it', async () => {
    const html = readFileSync(resolve(ROOT, 'demo-portal/site/zwgk/ghjh/1801.html'), 'utf8');
    const expected = parsePlan(html, { parseHtml: (h) => parseHTML(h).document as unknown as Document });
    if (!expected.ok) throw new Error(expected.error.message);

    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/zwgk/ghjh/1801.html`);
    const panel = await openPanelFor(session, tab);
    await panel.locator('[data-action="import-plan"]').click();
    const options = await newOptionsTab();
    const review = options.locator('[data-field="import-review"]');
    await review.waitFor();
    expect(await options.locator('[data-field="review-tasks"]').textContent()).toBe(String(expected.plan.tasks.length));
    expect(await options.locator('[data-field="review-units"]').textContent()).toContain('县财政局');

    await options.getByRole('button', { name: '保存并设为当前方案' }).click();
    await options.locator('[data-field="import-saved"]').waitFor();
    // The plan list is a live read: it lists the saved plan, as the active one, once the database has told it.
    await options.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('[data-plan]')];
        return rows.length === 2 && rows.at(-1)?.getAttribute('data-active') === 'true';
      },
      undefined,
      { polling: 100, timeout: 10_000 },
    );
    const plans = await planIds(options);
    expect(plans).toHaveLength(2);
    expect(plans[1]![1]).toBe('true');

    // The side panel follows the switch without being reopened.
    await panel.waitForFunction(
      () => document.querySelector('[data-field="plan"]')?.getAttribute('data-plan-id') !== 'luoyuan-2017',
      undefined,
      { polling: 200, timeout: 10_000 },
    );
    expect(await panel.locator('[data-field="plan"]').getAttribute('data-plan-id')).toBe(plans[1]![0]);
  });

  it('parses a plan file chosen from disk (the seed text, mixed scripts) for review', async () => {
    const page = await optionsPage();
    await page
      .locator('[data-field="plan-import"] input[type="file"]')
      .setInputFiles(resolve(ROOT, 'seeds/luoyuan-2017/source.txt'));
    await page.locator('[data-field="import-review"]').waitFor();
    expect(await page.locator('[data-field="review-tasks"]').textContent()).toBe('61');
    expect(await page.locator('[data-field="review-categories"]').textContent()).toBe('6');
  });

  it('shows what each column of a real plan was taken as, and re-maps one by hand before saving', async () => {
    const html = readFileSync(resolve(ROOT, 'tests/real-plans/xuancheng-wl-2022/table.html'), 'utf8');
    const page = await optionsPage();
    await page.locator('#plan-text').fill(copiedForm(html));
    await page.getByRole('button', { name: '解析' }).click();
    await page.locator('[data-field="import-review"]').waitFor();
    expect(await page.locator('[data-field="review-tasks"]').textContent()).toBe('1');
    expect(await page.locator('[data-field="review-region"]').textContent()).toBe('宣城市');
    const mapping = page.locator('[data-field="column-mapping"] tr[data-column]');
    expect(
      await mapping.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-role'), r.getAttribute('data-used')])),
    ).toEqual([
      ['title', 'true'],
      ['requirements', 'true'],
      ['responsible', 'true'],
      ['ignore', 'false'],
      ['ignore', 'false'],
    ]);
    const unused = page.locator('[data-field="review-warnings"] li[data-code="columns.unused"]');
    expect(await unused.count()).toBe(2);
    expect(await unused.first().textContent()).toContain('完成情况');

    // 责任单位 → 牵头单位: the select is a plain form control (keyboard reachable); choose 牵头单位.
    const select = page.locator('[data-column="3"] select');
    await select.focus();
    await select.selectOption('lead');
    await page.waitForFunction(() => document.querySelector('[data-column="3"]')?.getAttribute('data-role') === 'lead');
    expect(await page.locator('[data-task="1"] [data-field="task-lead"]').textContent()).toContain('市政府各部门');
    expect(await page.locator('[data-task="1"] [data-field="task-responsible"]').textContent()).toBe('—');
    // 备注 kept as a note: its warning goes.
    await page.locator('[data-column="5"] select').selectOption('note');
    await page.waitForFunction(() => document.querySelector('[data-column="5"]')?.getAttribute('data-used') === 'true');
    expect(await unused.count()).toBe(1);

    await page.getByRole('button', { name: '保存并设为当前方案' }).click();
    await page.locator('[data-field="import-saved"]').waitFor();
    // The plan list is a live read: it shows the saved plan as the active one once the database has told it.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-plan]')].at(-1)?.getAttribute('data-active') === 'true',
      undefined,
      { polling: 100, timeout: 10_000 },
    );
    const plans = await planIds(page);
    expect(plans.at(-1)?.[1]).toBe('true');
  });
});
