/**
 * Two inspectors audit the same site in two browser profiles (real Chromium, demo portal); one exports the audit file
 * and the other imports it through the options page: the preview says it merges into her own audit of the site, and
 * afterwards there is one audit with every finding once, each with its inspector's name (both names where both
 * checked the same thing). Then the merged audit is exported from the panel as an Excel file and an HTML report,
 * written to files and read back: both carry what the inspectors entered (severity, 整改 status), who checked
 * (检查人, both names), the tasks' lead and responsible units — and no raw ids (plan task ids, check ids) nor CSS
 * selectors.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

let server: DemoServer;
let lin: ExtensionSession;
let wang: ExtensionSession;
const files = mkdtempSync(join(tmpdir(), 'gongkai-merge-'));

beforeAll(async () => {
  server = await startDemoServer();
  lin = await launchWithExtension();
  wang = await launchWithExtension();
});

afterAll(async () => {
  await lin?.close();
  await wang?.close();
  await server?.close();
});

async function options(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

async function setName(session: ExtensionSession, name: string): Promise<void> {
  const page = await options(session);
  await page.locator('#inspector-name').fill(name);
  await page.locator('#inspector-name').press('Enter');
  await page.waitForFunction(
    async (expected) => {
      const db = await new Promise<IDBDatabase>((done) => {
        const req = indexedDB.open('gongkai-inspector');
        req.onsuccess = () => done(req.result);
      });
      const row = await new Promise<{ value?: unknown } | undefined>((done) => {
        const req = db.transaction('settings').objectStore('settings').get('inspectorName');
        req.onsuccess = () => done(req.result as { value?: unknown } | undefined);
      });
      db.close();
      return row?.value === expected;
    },
    name,
    { polling: 200 },
  );
  await page.close();
}

/** Checks the pages in one panel (starting the audit on the first) and returns the panel. */
async function audit(session: ExtensionSession, paths: string[]): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.goto(`${server.origin}${paths[0]}`);
  const panel = await openPanelFor(session, tab);
  await panel.locator('[data-action="start-audit"]').click();
  await panel.locator('[data-field="recorded"]').waitFor();
  for (const path of paths.slice(1)) {
    const next = await session.context.newPage();
    await next.goto(`${server.origin}${path}`);
    const p = await openPanelFor(session, next);
    await p.locator('[data-field="recorded"]').waitFor();
  }
  return panel;
}

type Row = {
  id: string;
  auditId: string;
  url: string;
  checkId: string;
  templateId?: string;
  itemId?: string;
  inspector: string;
};

function readTable(page: Page, table: string): Promise<Row[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((done) => {
      const req = indexedDB.open('gongkai-inspector');
      req.onsuccess = () => done(req.result);
    });
    const rows = await new Promise<unknown[]>((done) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => done(req.result);
    });
    db.close();
    return rows as never;
  }, table);
}

const key = (f: Row) => [f.url, f.checkId, f.templateId ?? '', f.itemId ?? ''].join('|');

describe('two inspectors, one site', () => {
  it('merges a colleague’s audit file into the audit of the same site: every finding once, both names', async () => {
    await setName(lin, '林');
    await setName(wang, '王');
    const linPanel = await audit(lin, ['/zwgk/czsz/index.html', '/zwgk/xzcf/4004.html']);
    await audit(wang, ['/zwgk/czsz/index.html']);

    await linPanel.locator('[data-tab="findings"]').click();
    await linPanel.locator('[data-field="export"]').waitFor();
    // 林 grades the privacy leak she found on the penalty page and sets it for 整改.
    await linPanel.locator('input[type="search"]').fill('350123');
    const leakRow = linPanel.locator('[data-action="open-finding"]', { hasText: /发现 \d+ 处未脱敏/ });
    await leakRow.waitFor();
    await leakRow.click();
    const detail = linPanel.locator('[data-field="finding-detail"]');
    await detail.locator('[data-field="severity"]').selectOption('high');
    await detail.locator('[data-field="rectify"]').selectOption('fixing');
    await linPanel.waitForFunction(
      async () => {
        const db = await new Promise<IDBDatabase>((done) => {
          const req = indexedDB.open('gongkai-inspector');
          req.onsuccess = () => done(req.result);
        });
        const rows = await new Promise<Array<{ severity?: string; rectification?: { status?: string } }>>((done) => {
          const req = db.transaction('findings').objectStore('findings').getAll();
          req.onsuccess = () => done(req.result);
        });
        db.close();
        return rows.some((f) => f.severity === 'high' && f.rectification?.status === 'fixing');
      },
      undefined,
      { polling: 200 },
    );
    await linPanel.locator('[data-action="close-finding"]').click();
    await linPanel.locator('input[type="search"]').fill('');
    const download = linPanel.waitForEvent('download', { timeout: 30_000 });
    await linPanel.locator('[data-export="json"]').click();
    const file = join(files, 'lin.json');
    await (await download).saveAs(file);

    const page = await options(wang);
    const before = await readTable(page, 'findings');
    const [wangAudit] = await readTable(page, 'audits');
    await page.locator('[data-action="import-audit"]').setInputFiles(file);
    const preview = page.locator('[data-field="import-preview"]');
    await preview.waitFor();
    expect(await page.locator('[data-field="import-target"]').getAttribute('data-kind')).toBe('merge');
    expect(await preview.textContent()).toContain('将合并到本机的审计');
    expect(await preview.textContent()).toContain('检查人：林');
    await page.locator('[data-action="merge"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-field="audit-files-status"]')?.textContent?.includes('已合并到'),
      undefined,
      { polling: 100 },
    );
    expect(await page.locator('[data-field="audit-files-status"]').textContent()).toMatch(
      /已合并到“.+”：新增 [1-9]\d* 条，更新 \d+ 条，冲突 0 条/,
    );

    const audits = await readTable(page, 'audits');
    expect(audits.map((a) => a.id)).toEqual([(wangAudit as Row).id]);
    const findings = await readTable(page, 'findings');
    expect(findings.every((f) => f.auditId === (wangAudit as Row).id)).toBe(true);
    expect(new Set(findings.map(key)).size).toBe(findings.length);
    // Every finding 王 had and every finding 林 exported is there once.
    for (const f of before) expect(findings.some((g) => key(g) === key(f))).toBe(true);
    const names = new Set(findings.map((f) => f.inspector));
    expect([...names].sort()).toEqual(['林', '王、林']);
    // The page only 林 checked: 林's findings; the page both checked: both names.
    expect(findings.filter((f) => f.url.includes('/xzcf/')).every((f) => f.inspector === '林')).toBe(true);
    expect(findings.filter((f) => f.url.includes('/czsz/')).every((f) => f.inspector === '王、林')).toBe(true);
  });

  it('exports the merged audit as Excel and an HTML report that carry severity, inspectors, units and 整改, and no ids', async () => {
    // 王's panel, on a page of the site: its audit is the merged one.
    const tab = await wang.context.newPage();
    await tab.goto(`${server.origin}/zwgk/czsz/index.html`);
    const panel = await openPanelFor(wang, tab);
    await panel.locator('[data-tab="findings"]').click();
    await panel.locator('[data-field="export"]').waitFor();
    const exported = async (format: 'xlsx' | 'html') => {
      const download = panel.waitForEvent('download', { timeout: 30_000 });
      await panel.locator(`[data-export="${format}"]`).click();
      const file = join(files, `merged.${format}`);
      await (await download).saveAs(file);
      return file;
    };

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exported('xlsx'));
    const sheetRows = (name: string) => {
      const rows: string[][] = [];
      book.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => cellText(v))));
      return rows;
    };
    const [header, ...rows] = sheetRows('问题清单');
    const col = (name: string) => header!.indexOf(name);
    for (const name of ['严重程度', '检查人', '整改状态', '整改期限', '页面位置', '任务编号'])
      expect(col(name)).toBeGreaterThan(-1);
    const leak = rows.find((r) => r[col('检查项')]!.includes('未脱敏') && r[col('结论')] === '不合格')!;
    expect(leak, 'the graded leak is in the list').toBeDefined();
    expect(leak[col('严重程度')]).toBe('高');
    expect(leak[col('整改状态')]).toBe('整改中');
    expect(leak[col('检查人')]).toBe('林');
    const both = rows.filter((r) => r[col('URL')]!.includes('/zwgk/czsz/'));
    expect(both.length).toBeGreaterThan(0);
    for (const r of both) expect(r[col('检查人')]).toBe('王、林');
    // Each finding once in the list.
    const keys = rows.map((r) => [r[col('URL')], r[col('检查项')], r[col('页面位置')], r[col('证据摘录')]].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    const [taskHeader, ...taskRows] = sheetRows('任务汇总');
    const lead = taskHeader!.indexOf('牵头单位');
    const responsible = taskHeader!.indexOf('责任单位');
    expect(lead).toBeGreaterThan(-1);
    expect(responsible).toBeGreaterThan(-1);
    expect(taskRows.some((r) => r[lead]!.length > 0 && r[responsible]!.length > 0)).toBe(true);
    const rect = sheetRows('整改清单')
      .map((r) => r.join(' '))
      .join('\n');
    expect(rect).toContain('归属规则');
    expect(rect).toContain('整改中');

    const htmlFile = await exported('html');
    const html = readFileSync(htmlFile, 'utf8');
    const report = await wang.context.newPage();
    await report.goto(`file://${htmlFile}`);
    const text = await report.locator('body').innerText();
    expect(text).toMatch(/检查人：(王、林|林、王)\n/);
    expect(text).toContain('严重程度：高');
    expect(text).toContain('整改状态：整改中');
    expect(text).toContain('检查人：王、林');
    expect(text).toMatch(/牵头单位：[^—\s]/);
    expect(text).toMatch(/责任单位：[^—\s]/);

    // No raw ids, no selectors — in any sheet of the workbook, nor anywhere in the report.
    const everyCell: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        for (const v of (row.values as unknown[]).slice(1)) everyCell.push(cellText(v));
      }),
    );
    for (const [where, all] of [
      ['xlsx', everyCell.join('\n')],
      ['html', html],
    ] as const) {
      expect(all, where).not.toMatch(RAW_TASK_ID);
      expect(all, where).not.toMatch(CHECK_IDS);
      expect(all, where).not.toMatch(CSS_PATH);
    }
  });
});

/** Plan task ids as stored (luoyuan-2017/t57, plan-2026-…/t2): never shown to a reader. */
const RAW_TASK_ID = /\b(?:luoyuan-2017|plan-[\w-]+)\/t\d+/;
const CHECK_IDS =
  /\b(?:privacy-leaks|template-elements|metadata-block|column-freshness|page-meta-tags|validity-mark|interpretation-link|periodic-coverage|manual-checklist)\b/;
/** A CSS path as the snapshot's locators write them (`body > div:nth-of-type(2) > table …`, `#main > p`). */
const CSS_PATH =
  /nth-of-type|nth-child|\b(?:html|body|div|table|tbody|tr|td|th|p|span|ul|ol|li|section|main)\b[^\s<>"]*\s>\s|#[a-z][\w-]*\s>\s/i;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in (v as object))
    return (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text);
  return String(v);
}
