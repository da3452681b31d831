/**
 * The engine in the extension: on demo portal pages in real Chromium the panel shows the right column, the plan's
 * tasks with their units, and each element's status; clicking an element on the page flashes it, clicking a
 * missing one explains that there is nothing to show and how to fix the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../../demo-portal/pages';
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
  server = await startDemoServer({ now: new Date() });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(path: string) {
  const tab = await session.context.newPage();
  await tab.goto(server.origin + path);
  const panel = await openPanelFor(session, tab);
  return { tab, panel, shown: await readPanel(panel) };
}

describe('checks in the side panel', () => {
  it('a service guide missing three elements: column, task 15 with its units, and exactly those three missing', async () => {
    const { shown } = await open('/bsfw/bszn/5002.html');
    expect(shown.column).toBe('办事指南');
    expect(shown.pageKind).toBe('detail');
    expect(shown.tasks[0]).toBe('15');
    expect(shown.text).toContain('县行政服务中心');
    const guide = shown.results.find((r) => r.template === 'service-guide');
    expect(guide?.status).toBe('fail');
    const missing = Object.entries(guide!.elements)
      .filter(([, s]) => s === 'missing')
      .map(([name]) => name);
    expect(missing.sort()).toEqual(['物流快递', '监督电话', '网上支付'].sort());
    expect(guide!.elements.收费依据).toBe('empty');
    expect(guide!.elements.事项名称).toBe('present');
  });

  it('clicking a missing element explains instead of scrolling; clicking a present one flashes it on the page', async () => {
    const { tab, panel } = await open('/bsfw/bszn/5002.html');
    await panel.locator('[data-template="service-guide"] [data-element="监督电话"] button').click();
    const note = panel.locator('[data-template="service-guide"] [data-element="监督电话"] [data-field="reveal-note"]');
    await note.waitFor();
    expect(await note.textContent()).toContain('页面上找不到“监督电话”');
    await panel.locator('[data-template="service-guide"] [data-element="事项名称"] button').click();
    await tab.waitForSelector('gongkai-flash', { state: 'attached', timeout: 5_000 });
    expect(await tab.locator('gongkai-flash').count()).toBe(1);
  });

  it('a penalty decision with an unmasked ID number: privacy fails and the number is shown masked', async () => {
    const { shown } = await open('/zwgk/xzcf/4004.html');
    expect(shown.column).toBe('行政处罚');
    const privacy = shown.results.find((r) => r.check === 'privacy-leaks');
    expect(privacy?.status).toBe('fail');
    expect(shown.text).not.toContain(DEMO_SITE.unmaskedIdNumber);
    expect(shown.results.find((r) => r.template === 'penalty-result')?.status).toBe('pass');
  });

  it('a privacy failure shows the kind, the masked number and a button that flashes it on the page', async () => {
    const { tab, panel } = await open('/zwgk/xzcf/4004.html');
    const row = panel.locator('[data-check="privacy-leaks"] [data-field="evidence"] li').first();
    expect(await row.locator('.evidence-kind').textContent()).toBe('身份证号');
    const masked = `${DEMO_SITE.unmaskedIdNumber.slice(0, 6)}********${DEMO_SITE.unmaskedIdNumber.slice(-4)}`;
    expect(await row.locator('.evidence-value').textContent()).toBe(masked);
    await row.locator('[data-action="locate-evidence"]').click();
    await tab.waitForSelector('gongkai-flash', { state: 'attached', timeout: 5_000 });
  });

  it('a number labelled 公民身份号码 with a wrong check digit is for review, never a silent pass', async () => {
    const page = await (await fetch(`${server.origin}/zwgk/xzcf/4004.html`)).text();
    const typo = DEMO_SITE.unmaskedIdNumber.slice(0, 17) + (DEMO_SITE.unmaskedIdNumber.endsWith('1') ? '2' : '1');
    expect(page).toContain(DEMO_SITE.unmaskedIdNumber);
    const url = `${server.origin}/zwgk/xzcf/4099.html`;
    await session.context.route(url, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: page.replace(DEMO_SITE.unmaskedIdNumber, typo) }),
    );
    const { panel, shown } = await open('/zwgk/xzcf/4099.html');
    expect(shown.results.find((r) => r.check === 'privacy-leaks')?.status).toBe('needs-review');
    expect(shown.text).not.toContain(typo);
    expect(await panel.locator('[data-check="privacy-leaks"] .evidence-kind').first().textContent()).toBe(
      '身份证号（校验位不符）',
    );
  });

  it('a blank column fails freshness; a monthly column is matched to its task', async () => {
    const blank = await open('/zwgk/phqgz/index.html');
    expect(blank.shown.pageKind).toBe('list');
    expect(blank.shown.tasks).toContain('45');
    expect(blank.shown.results.find((r) => r.check === 'column-freshness')?.status).toBe('fail');
    const monthly = await open('/zwgk/czsz/index.html');
    expect(monthly.shown.column).toBe('财政收支');
    expect(monthly.shown.tasks[0]).toBe('2');
    expect(monthly.shown.results.find((r) => r.check === 'column-freshness')?.status).toBe('pass');
  });

  it('a news column matches no task rather than a wrong one', async () => {
    const { shown } = await open('/xwzx/gzdt/1101.html');
    expect(shown.column).toBe('工作动态');
    expect(shown.tasks).toEqual([]);
    expect(shown.text).toContain('方案中没有与此栏目相符的任务');
  });

  it('the traditional-character page is matched through the normaliser', async () => {
    const { shown } = await open('/zwgk/sjjggk/2401.html');
    expect(shown.tasks).toEqual(['4']);
  });
});

describe('frames', () => {
  it('reads a same-origin frame as part of the page, reports the one it cannot read, and flashes inside the frame', async () => {
    const { tab, panel, shown } = await open('/zwgk/kjxx/index.html');
    const penalty = shown.results.find((r) => r.template === 'penalty-result');
    expect(penalty?.status).toBe('pass');
    expect(Object.values(penalty!.elements)).toEqual(['present', 'present', 'present', 'present']);
    await panel.locator('.page-details summary').click();
    expect(await panel.locator('[data-field="frames"]').textContent()).toBe('共 2 个框架，已读取 1 个');
    expect(await panel.locator('.page-details').textContent()).toContain('/zwgk/kjxx/notice.html');
    await panel.locator('[data-template="penalty-result"] details summary').click();
    await panel.locator('[data-template="penalty-result"] [data-element="违法事实"] button').click();
    const frame = tab.frame({ url: /content\.html$/ });
    expect(frame).not.toBeNull();
    await frame!.waitForSelector('gongkai-flash', { state: 'attached', timeout: 5_000 });
  });
});

describe('templates picked by hand', () => {
  it('a news article checked against the penalty template on request, for that page only', async () => {
    const { tab, panel, shown } = await open('/xwzx/gzdt/1101.html');
    expect(shown.results.some((r) => r.template === 'penalty-result')).toBe(false);
    await panel.locator('[data-field="template-picker"] summary').click();
    await panel.locator('[data-field="template-picker"] input[value="penalty-result"]').check();
    const after = await readPanel(panel);
    const penalty = after.results.find((r) => r.template === 'penalty-result');
    expect(penalty?.status).toBe('fail');
    expect(Object.values(penalty!.elements)).toEqual(['missing', 'missing', 'missing', 'missing']);

    // The next page in the same tab is not checked against it (no false "missing element" failures there)…
    await tab.goto(`${server.origin}/xwzx/gzdt/1102.html`);
    const next = await waitForPanelState(panel, (p) => p.url?.endsWith('/1102.html') === true && p.results.length > 0);
    expect(next.results.some((r) => r.template === 'penalty-result')).toBe(false);
    expect(await panel.locator('[data-field="template-picker"]').getAttribute('data-picked')).toBe('');
    // …and the page it was picked on still is, and says so.
    await tab.goto(`${server.origin}/xwzx/gzdt/1101.html`);
    const back = await waitForPanelState(panel, (p) => p.results.some((r) => r.template === 'penalty-result'));
    expect(back.url).toMatch(/\/1101\.html$/);
    expect(await panel.locator('[data-field="template-picker"]').getAttribute('open')).not.toBeNull();
  });
});

describe('highlights on the page', () => {
  it('outlines the elements in a shadow root without moving the page, lists the missing ones, and removes everything cleanly', async () => {
    const { tab, panel } = await open('/bsfw/bszn/5002.html');
    const layout = () =>
      tab.evaluate(() =>
        Array.from(document.querySelectorAll('h1, table, .footer'))
          .map((el) => {
            const r = el.getBoundingClientRect();
            return [r.x, r.y, r.width, r.height].map(Math.round).join(',');
          })
          .join('|'),
      );
    const before = await layout();
    await panel.locator('[data-action="toggle-highlights"]').click();
    const status = panel.locator('[data-field="highlight-status"]');
    await status.waitFor();
    expect(Number(await status.getAttribute('data-found'))).toBeGreaterThan(15);
    expect(await status.textContent()).toContain('缺失 4 项');
    expect(await tab.locator('gongkai-overlay').count()).toBe(1);
    expect(await layout()).toBe(before);
    await panel.locator('[data-action="toggle-highlights"]').click();
    await tab.waitForFunction(() => document.querySelector('gongkai-overlay') === null, undefined, {
      timeout: 5_000,
      polling: 100,
    });
    expect(await layout()).toBe(before);
  });
});
