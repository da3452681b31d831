/**
 * Page text with direction controls (U+202A–202E, U+2066–2069: `罗源县‮txt.exe‬` shows as `罗源县exe.txt`) in every
 * export: the HTML report draws it in bidi isolation (<bdi>) and flags it [含方向控制字符]; CSV and XLSX, which cannot
 * isolate, spell the controls out ([U+202E]) so a cell shows what it holds. The page is the bad-input corpus's hostile
 * page, through the real loader, snapshot, engine and recording path; the files are written and read back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPage } from '../engine/inspect-page';
import { snapshotFromHtml } from '../html/snapshot-from-html';
import { createAudit } from '../storage/audits';
import { recordPageReport, snapshotMeta, updateFinding } from '../storage/findings';
import { freshDb, NOW, plan, templateMap } from '../../tests/helpers/storage-testing';
import { loadAuditData, type AuditData } from './audit-data';
import { exportCsv } from './csv';
import { exportHtmlReport } from './html-report';
import { exportXlsx } from './xlsx';

const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_ALL = /[\u202a-\u202e\u2066-\u2069]/g;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bidi-'));
let data: AuditData;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const html = readFileSync(join(import.meta.dirname, '../snapshot/bad-input/hostile-text.html'), 'utf8');
  const url = 'http://www.luoyuan.gov.cn/zwgk/tzgg/202601/t20260105_1.html';
  const snapshot = snapshotFromHtml(html, url);
  const report = inspectPage(snapshot, { plan, templates: templateMap, now: NOW });
  const db = await freshDb('bidi-export');
  const audit = await createAudit(db, { name: '巡检', origin: 'http://www.luoyuan.gov.cn', planId: plan.id }, NOW);
  const recorded = await recordPageReport(db, audit.id, report, snapshotMeta(snapshot), '林', NOW);
  const first = recorded.findings[0]!;
  // A note typed (or pasted from the page) with an override in it.
  await updateFinding(db, first.id, { note: '见‮注备‬' }, first.rev, { inspector: '林', now: NOW });
  data = await loadAuditData(db, audit.id);
  dispose = () => db.dispose();
});
afterAll(async () => {
  await dispose?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('direction controls in exports', () => {
  it('the audit really holds page text with direction controls', () => {
    expect(data.pages[0]!.title).toMatch(CONTROLS);
    expect(data.findings.some((f) => f.title.match(CONTROLS) || f.note.match(CONTROLS))).toBe(true);
  });

  it('CSV: no control is written raw; each is spelled out', () => {
    const file = join(dir, 'audit.csv');
    writeFileSync(file, exportCsv(data, 'zh_CN'));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(CONTROLS);
    expect(text).toContain('罗源县[U+202E]txt.exe[U+202C] 通知');
    expect(text).toContain('见[U+202E]注备[U+202C]');
  });

  it('XLSX: no cell of any sheet holds a raw control; each is spelled out', async () => {
    const file = join(dir, 'audit.xlsx');
    writeFileSync(file, await exportXlsx(data, 'zh_CN'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        for (const v of (row.values as unknown[]).slice(1))
          cells.push(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
      }),
    );
    expect(cells.filter((c) => CONTROLS.test(c))).toEqual([]);
    expect(cells.some((c) => c.includes('罗源县[U+202E]txt.exe[U+202C] 通知'))).toBe(true);
  });

  it('HTML: every control sits inside a <bdi>, flagged beside it; the <title> spells them out', async () => {
    const file = join(dir, 'audit.html');
    writeFileSync(file, await exportHtmlReport(data, 'zh_CN', NOW));
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    expect(document.title).not.toMatch(CONTROLS);
    const walker = document.createTreeWalker(document.body, 4);
    let withControls = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      if (!CONTROLS.test(value)) continue;
      withControls += (value.match(CONTROLS_ALL) ?? []).length > 0 ? 1 : 0;
      const bdi = node.parentElement?.closest('bdi');
      expect(bdi, `not isolated: ${JSON.stringify(value)}`).not.toBeNull();
      expect(bdi!.nextElementSibling?.classList.contains('flag'), `not flagged: ${JSON.stringify(value)}`).toBe(true);
      expect(bdi!.nextElementSibling!.textContent).toBe('[含方向控制字符]');
    }
    expect(withControls).toBeGreaterThan(0);
  });
});
