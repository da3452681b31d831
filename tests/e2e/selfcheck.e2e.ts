/**
 * The webmaster's self-check in real Chromium: a CMS preview of a 办事指南 missing three elements gets 需修改 with exactly
 * those three; after the page is fixed and checked again it gets 可以发布; a pasted fragment with an unmasked 身份证号 is
 * caught and shown masked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

let demo: DemoServer;
let cms: Server;
let cmsOrigin: string;
let session: ExtensionSession;
let draft = '';
let fixed = '';
let serving = '';

const ROW = (label: string) => new RegExp(`\\s*<tr><td class="label">${label}</td>.*?</tr>`);

beforeAll(async () => {
  demo = await startDemoServer();
  // The complete demo guide, as a CMS would preview it: with 申请条件 (one of the national key categories) added.
  const complete = await (await fetch(`${demo.origin}/bsfw/bszn/5001.html`)).text();
  fixed = complete.replace(
    /(<tr><td class="label">办理地点<\/td>)/,
    '<tr><td class="label">申请条件</td><td>在本县登记的个体工商户经营者</td></tr>$1',
  );
  draft = fixed.replace(ROW('网上支付'), '').replace(ROW('物流快递'), '').replace(ROW('监督电话'), '');
  serving = draft;
  cms = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(serving);
  });
  await new Promise<void>((done) => cms.listen(0, '127.0.0.1', done));
  cmsOrigin = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`;
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
  await new Promise((done) => cms?.close(done));
});

async function selfCheckItems(panel: import('playwright-core').Page) {
  return panel
    .locator('[data-self-item]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-self-item'), e.getAttribute('data-name')]));
}

describe('self-check', () => {
  it('a preview missing three guide elements needs fixing, with exactly those three; fixed, it can be published', async () => {
    expect(draft.length).toBeLessThan(fixed.length);
    const tab = await session.context.newPage();
    await tab.goto(`${cmsOrigin}/cms/preview?id=5001`);
    const panel = await openPanelFor(session, tab);
    await panel.locator('[data-mode="self"]').click();
    const verdict = panel.locator('[data-field="self-verdict"]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-publishable')).toBe('false');
    expect(await panel.locator('.verdict-line').textContent()).toBe('需修改：共 3 处');
    expect((await selfCheckItems(panel)).sort()).toEqual([
      ['missing', '物流快递'],
      ['missing', '监督电话'],
      ['missing', '网上支付'],
    ]);
    expect(await panel.locator('[data-self-item="missing"]').first().textContent()).toContain('修改方法：');

    serving = fixed;
    await tab.reload();
    await panel.waitForFunction(
      () => document.querySelector('[data-field="self-verdict"]')?.getAttribute('data-publishable') === 'true',
      undefined,
      { polling: 200, timeout: 15_000 },
    );
    expect(await panel.locator('.verdict-line').textContent()).toBe('可以发布');
  });

  it('catches an unmasked ID number in a pasted fragment and shows it masked', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${demo.origin}/`);
    const panel = await openPanelFor(session, tab);
    await panel.locator('[data-mode="self"]').click();
    await panel.locator('[data-action="self-paste-mode"]').click();
    await panel
      .locator('#self-html')
      .fill(
        '<p>当事人：张某，公民身份号码 350123198503121530，住罗源县凤山镇。</p><p>违法事实：未经批准擅自占用林地。</p>',
      );
    await panel.locator('[data-action="self-run"]').click();
    await panel.locator('[data-self-item="privacy"]').waitFor();
    const text = (await panel.locator('[data-field="selfcheck"]').innerText()) ?? '';
    expect(text).toContain('350123********1530');
    expect(text).not.toContain('350123198503121530');
    expect(await panel.locator('[data-field="self-verdict"]').getAttribute('data-publishable')).toBe('false');
  });
});
