/**
 * What an audit says can be trusted, in real Chromium: the inspector's name is asked at the start and carried on every
 * finding; a task credited only with generic checks is 待人工核查, not 全部合格; a finding opens from the list, is
 * edited there and followed back to its page and element; the exported Excel and HTML report carry severity, 检查人,
 * units and 整改 status, with no check ids and no CSS selectors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

let server: DemoServer;
let session: ExtensionSession;
const downloads = mkdtempSync(join(tmpdir(), 'gongkai-trust-'));

beforeAll(async () => {
  server = await startDemoServer();
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function visit(path: string): Promise<{ tab: Page; panel: Page }> {
  const tab = await session.context.newPage();
  await tab.goto(server.origin + path);
  return { tab, panel: await openPanelFor(session, tab) };
}

async function exportAs(panel: Page, format: string): Promise<string> {
  const download = panel.waitForEvent('download', { timeout: 30_000 });
  await panel.locator(`[data-export="${format}"]`).click();
  const file = join(downloads, `audit.${format}`);
  await (await download).saveAs(file);
  return file;
}

const INSPECTOR = '林检查';
const CSS_PATH = /nth-of-type|body >|#[a-z][\w-]* >/;
const CHECK_IDS = /privacy-leaks|template-elements|metadata-block|column-freshness|page-meta-tags|validity-mark/;

describe('an audit people can trust', () => {
  let panel: Page;

  it('asks the inspector’s name when starting an audit', async () => {
    ({ panel } = await visit('/xwzx/gzdt/1101.html'));
    await panel.locator('[data-field="inspector-name"]').fill(INSPECTOR);
    await panel.locator('[data-action="start-audit"]').click();
    await panel.locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
    // Asked once: the next page does not ask again.
    const next = await visit('/zwgk/xzcf/4004.html');
    await next.panel.locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
    expect(await next.panel.locator('[data-field="inspector-name"]').count()).toBe(0);
    // Passed results are one line each: no verdict buttons or note box until asked for.
    expect(await next.panel.locator('[data-status="pass"] [data-action="open-verdict"]').count()).toBeGreaterThan(0);
    expect(await next.panel.locator('[data-status="pass"] [data-verdict-option]').count()).toBe(0);
    await next.panel.locator('[data-status="pass"] [data-action="open-verdict"]').first().click();
    expect(await next.panel.locator('[data-status="pass"] [data-verdict-option]').count()).toBe(4);
  });

  it('a task that only got generic checks is 待人工核查, not 全部合格', async () => {
    // The news article pinned to task 57: only "no leak" and not-applicable checks ran for it.
    await panel.locator('[data-field="pin"] select').selectOption('luoyuan-2017/t57');
    await panel.waitForFunction(() => document.querySelector('[data-task-no="57"]') !== null, undefined, {
      polling: 100,
    });
    await panel.locator('[data-tab="coverage"]').click();
    await panel.locator('[data-field="coverage"]').waitFor();
    await panel.waitForFunction(
      () => document.querySelector('[data-cov-task="57"]')?.getAttribute('data-status') === 'needs-manual',
      undefined,
      { polling: 100, timeout: 10_000 },
    );
    const text = await panel.locator('[data-field="coverage"]').innerText();
    expect(text).not.toContain('0 / 共 0');
  });

  it('opens a finding from the list, edits it there and follows it back to the page', async () => {
    await panel.locator('[data-tab="findings"]').click();
    await panel.locator('input[type="search"]').fill('350123');
    const leakRow = panel.locator('[data-action="open-finding"]', { hasText: /发现 \d+ 处未脱敏/ });
    await leakRow.waitFor();
    await leakRow.click();
    const detail = panel.locator('[data-field="finding-detail"]');
    await detail.waitFor();
    expect(await detail.locator('.evidence-kind').first().textContent()).toBe('身份证号');
    expect(await detail.locator('[data-field="finding-inspector"]').textContent()).toContain(INSPECTOR);
    await detail.locator('[data-field="severity"]').selectOption('high');
    await detail.locator('[data-field="rectify"]').selectOption('fixing');
    await detail.locator('[data-verdict-option="FAIL"]').click();
    await panel.waitForFunction(
      () =>
        document.querySelector('[data-field="finding-detail"] [data-field="verdict"]')?.getAttribute('data-verdict') ===
        'FAIL',
      undefined,
      { polling: 100 },
    );
    // Back to the list and in again: what was entered is kept.
    await panel.locator('[data-action="close-finding"]').click();
    await leakRow.click();
    expect(await detail.locator('[data-field="severity"]').inputValue()).toBe('high');
    expect(await detail.locator('[data-field="rectify"]').inputValue()).toBe('fixing');

    // To the page and the element.
    const opened = session.context.waitForEvent('page');
    await detail.locator('[data-action="open-finding-page"]').click();
    const page = await opened;
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${server.origin}/zwgk/xzcf/4004.html`);
    await page.waitForSelector('gongkai-flash', { state: 'attached', timeout: 10_000 });
    await panel.locator('[data-action="close-finding"]').click();
    await panel.locator('input[type="search"]').fill('');
  });

  it('the Excel file and the HTML report carry severity, inspector, units and 整改, and no ids or selectors', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs(panel, 'xlsx'));
    const list = workbook.getWorksheet('问题清单')!;
    const header = (list.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const rows: string[][] = [];
    list.eachRow((row, i) => i > 1 && rows.push((row.values as unknown[]).map((v) => String(v ?? ''))));
    const leak = rows.find((r) => r[col('检查项')]!.includes('未脱敏') && r[col('结论')] === '不合格')!;
    expect(leak[col('严重程度')]).toBe('高');
    expect(leak[col('整改状态')]).toBe('整改中');
    expect(leak[col('检查人')]).toContain(INSPECTOR);
    expect(leak[col('页面位置')]).toMatch(/表格第\d+行/);
    for (const r of rows) {
      expect(r[col('页面位置')]).not.toMatch(CSS_PATH);
      expect(r[col('检查项')]).not.toMatch(CHECK_IDS);
    }
    const rect = workbook.getWorksheet('整改清单')!;
    const rectText: string[] = [];
    rect.eachRow((row) => rectText.push((row.values as unknown[]).map((v) => String(v ?? '')).join(' ')));
    expect(rectText.join('\n')).toContain('归属规则');

    const html = readFileSync(await exportAs(panel, 'html'), 'utf8');
    const report = await session.context.newPage();
    await report.goto(`file://${join(downloads, 'audit.html')}`);
    const text = await report.locator('body').innerText();
    expect(text).toContain('严重程度：高');
    expect(text).toContain('整改状态：整改中');
    expect(text).toContain(INSPECTOR);
    expect(text).toContain('牵头单位：');
    expect(text).toMatch(/表格第\d+行“身份证号/);
    expect(html).not.toMatch(CSS_PATH);
    expect(text).not.toMatch(CHECK_IDS);
  });
});
