/**
 * The whole-site patrol from the extension, in real Chromium against the patrol demo: started from its extension page,
 * progress shown, paused, the browser closed and relaunched with the same profile, resumed, finished — the verdict
 * and dead links shown, and the pages, site results and the patrol's site record stored in the audit (IndexedDB); the
 * links to other sites checked after the grant (the origins asked for recorded); then the audit exported from the
 * panel, the Excel sheets and the HTML report read back from the files; in the English interface the findings list
 * and the report name the indicators and their thresholds in English, and the report words the evidence in English.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import {
  launchWithExtension,
  openPanelFor,
  waitForPanelState,
  type ExtensionSession,
} from '../../scripts/lib/extension-harness';

let server: DemoServer;
let session: ExtensionSession;
const profile = mkdtempSync(join(tmpdir(), 'gongkai-patrol-'));

beforeAll(async () => {
  server = await startDemoServer({ site: 'patrol' });
  session = await launchWithExtension({ userDataDir: profile });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function openPatrolPage(query = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/patrol.html${query}`);
  await page.waitForSelector('main.patrol[data-ready="true"]');
  return page;
}

/** Pages and findings of the audits in the extension's database, read with the raw IndexedDB API. */
function readAudit(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{
        pages: string[];
        checks: string[];
        sites: Array<{
          origin: string;
          externalLinks: unknown[];
          columns: unknown[];
          deadLinks: unknown[];
          vetoes: Array<{ id: string; triggered: boolean }>;
        }>;
      }>((resolve, reject) => {
        const open = indexedDB.open('gongkai-inspector');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['pages', 'findings', 'sites'], 'readonly');
          const pages = tx.objectStore('pages').getAll();
          const findings = tx.objectStore('findings').getAll();
          const sites = tx.objectStore('sites').getAll();
          tx.oncomplete = () =>
            resolve({
              pages: pages.result.map((p: { url: string }) => new URL(p.url).pathname),
              checks: findings.result.map((f: { checkId: string; status: string }) => `${f.checkId}:${f.status}`),
              sites: sites.result,
            });
        };
      }),
  );
}

describe('patrol from the extension', () => {
  it('runs, pauses, survives a relaunch, resumes and records the site in the audit', async () => {
    let page = await openPatrolPage(`?start=${encodeURIComponent(`${server.origin}/`)}`);
    await page.locator('#patrol-delay').fill('100');
    await page.locator('#patrol-run').click();
    await page.waitForSelector('main.patrol[data-phase="running"]');
    await page.waitForFunction(() => {
      const m = /已完成 (\d+) 页/.exec(document.querySelector('#patrol-progress')?.textContent ?? '');
      return m !== null && Number(m[1]) >= 5;
    });
    await page.locator('#patrol-pause').click();
    await page.waitForSelector('main.patrol[data-phase="paused"]', { timeout: 30_000 });
    const pausedAt = Number(/已完成 (\d+) 页/.exec((await page.locator('#patrol-progress').textContent()) ?? '')?.[1]);
    expect(pausedAt).toBeGreaterThanOrEqual(5);

    // Close the browser, open it again with the same profile: the patrol is waiting to go on.
    await session.context.close();
    session = await launchWithExtension({ userDataDir: profile });
    page = await openPatrolPage();
    await page.waitForSelector('#patrol-resume');
    expect(await page.locator('#patrol-start').inputValue()).toBe(`${server.origin}/`);
    expect(await page.locator('#patrol-progress').textContent()).toContain(`已完成 ${pausedAt} 页`);
    await page.locator('#patrol-delay').fill('0');
    await page.locator('#patrol-resume').click();
    await page.waitForSelector('main.patrol[data-phase="done"]', { timeout: 120_000 });

    const result = page.locator('#patrol-result');
    expect(await result.locator('[data-veto="columns-not-updated"]').getAttribute('data-triggered')).toBe('true');
    expect(await result.locator('[data-veto="interaction-unanswered"]').getAttribute('data-triggered')).toBe('true');
    expect(await result.locator('[data-veto="blank-columns"]').getAttribute('data-triggered')).toBe('false');
    expect(await result.locator('tr[data-status="blank"]').count()).toBe(4);
    expect(await result.locator('tr[data-status="unknown"]').count()).toBe(1);
    const dead = await result.locator('.dead-links li').allTextContents();
    expect(dead.some((d) => d.includes('/files/missing-report.pdf') && d.includes('/xwzx/gzdt/1.html'))).toBe(true);
    expect(dead).toHaveLength(2);

    // Links to other sites: listed, not checked; checked once the user asks and grants access to exactly those sites.
    // (The demo build holds the access already, so the browser grants it at once; the request is recorded to see
    // what was asked. The other site is answered by the test, so nothing leaves the machine.)
    const external = page.locator('#patrol-external');
    expect(await external.locator('li[data-verdict="not-checked"]').allTextContents()).toEqual([
      expect.stringContaining('http://www.gov.cn/'),
    ]);
    const toOther: string[] = [];
    await session.context.route('http://www.gov.cn/**', (route) => {
      toOther.push(`${route.request().method()} ${route.request().url()}`);
      return route.request().url().endsWith('/robots.txt')
        ? route.fulfill({ status: 404, body: '' })
        : route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>gov.cn</body></html>' });
    });
    await page.evaluate(() => {
      type Ask = { origins?: string[] };
      const w = window as unknown as { asked: Ask[] };
      const { permissions } = (
        globalThis as unknown as { chrome: { permissions: { request: (asked: Ask) => Promise<boolean> } } }
      ).chrome;
      const request = permissions.request.bind(permissions);
      w.asked = [];
      permissions.request = (asked) => {
        w.asked.push(asked);
        return request(asked);
      };
    });
    await external.locator('#patrol-check-external').click();
    await page.waitForSelector('#patrol-external[data-state="checked"]', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([
      { origins: ['http://www.gov.cn/*'] },
    ]);
    expect(await external.locator('li[data-verdict="ok"]').count()).toBe(1);
    expect(toOther).toEqual(['GET http://www.gov.cn/robots.txt', 'HEAD http://www.gov.cn/']);

    const audit = await readAudit(page);
    expect(audit.pages).toContain('/');
    expect(audit.pages).toContain('/zwgk/phqgz/');
    expect(audit.pages).toContain('/bsfw/bszn/6.html');
    expect(audit.checks.filter((c) => c.startsWith('site-veto:'))).toHaveLength(5);
    expect(audit.checks).toContain('site-veto:fail');
    expect(audit.checks.filter((c) => c === 'dead-link:fail')).toHaveLength(2);
    // one column-status finding per column: the 4 blank, 6 stale and 1 undated columns fail
    expect(audit.checks.filter((c) => c.startsWith('column-status:'))).toHaveLength(17);
    expect(audit.checks.filter((c) => c === 'column-status:fail')).toHaveLength(11);
    // the patrol's own site record: every column, the dead links, the five vetoes
    expect(audit.sites).toHaveLength(1);
    expect(audit.sites[0]!.origin).toBe(server.origin);
    expect(audit.sites[0]!.columns).toHaveLength(17);
    expect(audit.sites[0]!.deadLinks).toHaveLength(2);
    expect(audit.sites[0]!.externalLinks).toMatchObject([{ url: 'http://www.gov.cn/', verdict: 'ok', status: 200 }]);
    expect(
      audit.sites[0]!.vetoes.filter((v) => v.triggered)
        .map((v) => v.id)
        .sort(),
    ).toEqual(['columns-not-updated', 'interaction-unanswered', 'service-guides-incomplete']);
    // nothing waits to be resumed any more
    const again = await openPatrolPage();
    expect(await again.locator('#patrol-resume').count()).toBe(0);
  });
  it('exports the patrolled audit from the panel: the Excel sheets and the report read the site record', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/xwzx/gzdt/`);
    const panel = await openPanelFor(session, tab);
    await panel.locator('[data-tab="findings"]').click();
    await panel.locator('[data-field="export"]').waitFor();
    const exportAs = async (format: string) => {
      const download = panel.waitForEvent('download', { timeout: 30_000 });
      await panel.locator(`[data-export="${format}"]`).click();
      const file = join(profile, `patrol.${format}`);
      await (await download).saveAs(file);
      return file;
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exportAs('xlsx'));
    const columns = book.getWorksheet('栏目更新情况')!;
    expect(columns.rowCount).toBe(1 + 17);
    const statuses = (columns.getSheetValues() as unknown as Array<Array<unknown> | undefined>)
      .slice(2)
      .map((r) => r![7]);
    expect(statuses.filter((x) => x === '空白栏目')).toHaveLength(4);
    const links = book.getWorksheet('链接检查')!;
    // two dead links, then the link to another site — checked after the grant above
    expect(links.rowCount).toBe(1 + 2 + 1);
    expect(JSON.stringify(links.getSheetValues())).toContain('站外链接 · 可以访问');
    const html = readFileSync(await exportAs('html'), 'utf8');
    const site = html.indexOf('<section class="site">');
    expect(site).toBeGreaterThan(0);
    expect(html.slice(site, site + 400)).toContain('data-triggered="3"');
    expect(html).toContain('blank-columns 空白栏目（≥ 5（现 4））');

    // In the English interface the patrol's names — the indicators, their thresholds, the indicator set — are English,
    // in the findings list and in the report, though the record keeps them in Chinese.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('#language').selectOption('en');
    await panel.bringToFront();
    await waitForPanelState(panel, (p) => p.text.includes('Findings'));
    await panel.locator('[data-tab="findings"]').click();
    await panel.locator('#list-h', { hasText: /^Findings/ }).waitFor();
    await panel.locator('input[type="search"]').fill('blank-columns');
    const row = panel.locator('.vrow-text', { hasText: 'blank-columns' });
    await row.first().waitFor();
    expect(await row.first().innerText()).toMatch(
      /^Veto blank-columns Blank columns: not triggered \(≥ 5 \(now 4\)\) — Indicators for checking government websites/,
    );
    const english = readFileSync(await exportAs('html'), 'utf8');
    expect(english).toContain('blank-columns Blank columns (≥ 5 (now 4))');
    expect(english).toContain(
      'Single-item veto: 3 triggered (Columns not updated, Poor response to the public, Service guides missing elements)',
    );
    expect(english).not.toContain('空白栏目（');
    // … and so are the product's words in the vetoes' evidence lines, the page text they quote as printed.
    expect(html).toMatch(/<li class="ev">留言 \d{4}-\d{2}-\d{2} 未答复（\d+ 天）/);
    expect(english).toMatch(/<li class="ev">Message of \d{4}-\d{2}-\d{2} unanswered \(\d+ days\)/);
    expect(english).toMatch(/<li class="ev">[^<]* lacks [^<]* http:/);
    expect(english.slice(english.indexOf('<section class="site">'))).not.toMatch(/未答复（\d+ 天）| 缺 /);
    await options.locator('#language').selectOption('auto');
    await options.close();
  });
});
