/**
 * Exports and imports in real Chromium: a page whose labels and text are hostile is checked and recorded, then the
 * audit leaves the browser as CSV, Excel, JSON (+ screenshots zip) and a printable HTML report — files are written and
 * read back — with nothing executable left; the JSON comes back into another browser profile through the options page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

const HOSTILE = `<!doctype html><html><head><meta charset="utf-8"><title>&lt;script&gt;alert(1)&lt;/script&gt;行政处罚决定书</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xzcf/">行政处罚</a></div>
<h1>罗源县某局行政处罚决定书</h1><p>发布时间：2026-11-20</p>
<table>
<tr><td>当事人</td><td>=HYPERLINK("http://evil.example","点我")</td></tr>
<tr><td>案由</td><td>&lt;img src=x onerror=alert(1)&gt;@SUM(A1)</td></tr>
<tr><td>处罚依据</td><td><script>window.__pwned = true</script>+1-1</td></tr>
</table></body></html>`;

let portal: Server;
let origin: string;
let session: ExtensionSession;
const downloads = mkdtempSync(join(tmpdir(), 'gongkai-exports-'));

beforeAll(async () => {
  portal = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(HOSTILE);
  });
  await new Promise<void>((done) => portal.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await new Promise((done) => portal?.close(done));
});

async function exportAs(panel: Page, format: string): Promise<string> {
  const download = panel.waitForEvent('download', { timeout: 30_000 });
  await panel.locator(`[data-export="${format}"]`).click();
  const file = join(downloads, `audit.${format}`);
  await (await download).saveAs(file);
  return file;
}

describe('exports', () => {
  let panel: Page;

  it('records a hostile page into an audit', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${origin}/xzcf/1.html`);
    panel = await openPanelFor(session, tab);
    await panel.locator('[data-action="start-audit"]').click();
    await panel.locator('[data-field="recorded"]').waitFor();
    // An inspector's note that a spreadsheet would run as a formula.
    // A passed result is one line: its verdict and note open on demand.
    await panel.locator('[data-check="privacy-leaks"] [data-action="open-verdict"]').click();
    const note = panel.locator('[data-check="privacy-leaks"] textarea');
    await note.fill('=HYPERLINK("http://evil.example","x")');
    await note.blur();
    await panel.waitForFunction(
      () =>
        (
          document.querySelector('[data-check="privacy-leaks"] textarea') as HTMLTextAreaElement | null
        )?.value.startsWith('=HYPERLINK'),
      undefined,
      { polling: 100 },
    );
    await panel.locator('[data-tab="findings"]').click();
    await panel.locator('[data-field="export"]').waitFor();
  });

  it('CSV: UTF-8 with BOM, Chinese intact, formulas neutralised', async () => {
    const text = readFileSync(await exportAs(panel, 'csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('行政处罚');
    // No cell starts with = + - @ (the note is written as '=HYPERLINK…, inert text).
    expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(text).toContain(`'=HYPERLINK`);
  });

  it('Excel: the three sheets, read back with the library, no live formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs(panel, 'xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['问题清单', '任务汇总', '整改清单']);
    const list = workbook.getWorksheet('问题清单')!;
    expect(list.rowCount).toBeGreaterThan(1);
    list.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });

  it('HTML report: opens offline in Chromium with nothing executable from page text', async () => {
    const file = await exportAs(panel, 'html');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    const page = await session.context.newPage();
    await page.goto(`file://${file}`);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('body').innerText()).toContain('<script>alert(1)</script>');
    await page.screenshot({ path: join(downloads, 'report.png'), fullPage: true });
  });

  it('JSON comes back into another profile through the options page, previewed then merged', async () => {
    const file = await exportAs(panel, 'json');
    const other = await launchWithExtension();
    try {
      const options = await other.context.newPage();
      await options.goto(`chrome-extension://${other.extensionId}/options.html`);
      await options.locator('[data-action="import-audit"]').setInputFiles(file);
      await options.locator('[data-field="import-preview"]').waitFor();
      expect(await options.locator('[data-field="import-preview"]').textContent()).toMatch(/新增 [1-9]\d* 条/);
      await options.locator('[data-action="merge"]').click();
      expect(await options.locator('[data-field="audit-files-status"]').textContent()).toContain('已导入为新的审计');
      // A foreign file is refused and nothing changes.
      const foreign = join(downloads, 'foreign.json');
      writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
      await options.locator('[data-action="import-audit"]').setInputFiles(foreign);
      expect(await options.locator('[data-field="audit-files-status"]').textContent()).toContain('未导入');
    } finally {
      await other.close();
    }
  });
});
