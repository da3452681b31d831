import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditData } from './audit-data';
import { findingRows, safeCell } from './cells';
import { BOM, exportCsv } from './csv';
import { HOSTILE, buildAudit, parseCsv } from '../../tests/helpers/export-fixture';
import { exportHtmlReport } from './html-report';
import { exportXlsx } from './xlsx';

let data: AuditData;
let dispose: () => Promise<void>;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-export-'));

beforeAll(async () => {
  ({ data, dispose } = await buildAudit());
});
afterAll(async () => {
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('safeCell', () => {
  it('neutralises formula-like cells with a leading quote and leaves others alone', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(safeCell(v)).toBe(`'${v}`);
    for (const v of ['合格', 'a=b', '', "'x"]) expect(safeCell(v)).toBe(v);
    expect(safeCell('a\u0000b\u0007c')).toBe('abc');
  });
});

describe('findingRows', () => {
  it('maps findings to the evaluator columns, in Chinese and in English', () => {
    const { header, rows } = findingRows(data, 'zh_CN');
    expect(header).toEqual([
      '单位/网站名称',
      '网站标识码',
      '栏目',
      '栏目路径',
      '页面标题',
      'URL',
      '任务编号',
      '任务名称',
      '检查项',
      '结论',
      '严重程度',
      '缺失要素',
      '证据摘录',
      '页面位置',
      '截图文件名',
      '截图时间',
      '检查人',
      '备注',
      '整改状态',
      '整改期限',
    ]);
    expect(rows).toHaveLength(data.findings.length);
    const evil = rows.find((r) => r[4] === HOSTILE.title)!;
    expect(evil.slice(0, 4)).toEqual(['中国罗源湾', '3501230001', '财政收支', '首页 > 政务公开 > 财政收支']);
    expect(evil[6]).toBe('1');
    expect(evil[9]).toBe('不合格');
    expect(evil[11]).toBe('发布机构');
    expect(evil[18]).toBe('待整改');
    expect(evil[19]).toBe('2026-12-31');
    const shot = rows.find((r) => r[14]!.startsWith('screenshots/'))!;
    expect(shot[14]).toMatch(/^screenshots\/s.+\.png$/);
    expect(shot[15]).toBe('2026-11-15 16:00:00');
    // No check id and no CSS path in any cell: checks by name, places as people read a page.
    for (const r of rows) {
      // (the fixture's synthetic messages are named after their checks: only the check's own name is looked at)
      expect(r[8]!.split('：')[0]).not.toMatch(
        /template-elements|privacy-leaks|metadata-block|column-freshness|page-meta/,
      );
      expect(r[13]).not.toMatch(/nth-of-type|>|#/);
    }
    expect(findingRows(data, 'en').header[9]).toBe('Result');
    expect(new Set(rows.map((r) => r[9]))).toEqual(new Set(['合格', '不合格', '需复核', '不适用']));
  });

  it('names a column read from a URL folder as the panel does: its English name in English', () => {
    // The page names its column nowhere but in its address (…/czyjs/): the engine reads it from seeds/policy.
    const folder = { name: '财政预决算', source: 'url' as const, path: [] };
    const urlData = { ...data, pages: data.pages.map((p) => ({ ...p, column: folder })) };
    const column = (lang: 'en' | 'zh_CN') => new Set(findingRows(urlData, lang).rows.map((r) => r[2]));
    expect(column('en')).toEqual(new Set(['Fiscal budgets and final accounts']));
    expect(column('zh_CN')).toEqual(new Set(['财政预决算']));
    // a column the page printed is shown as printed, in any language
    expect(findingRows(data, 'en').rows.find((r) => r[4] === HOSTILE.title)![2]).toBe('财政收支');
  });
});

describe('exportCsv', () => {
  it('writes UTF-8 with BOM, CRLF, RFC 4180 quoting, and parses back to the rows', () => {
    const csv = exportCsv(data, 'zh_CN');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const { header, rows } = findingRows(data, 'zh_CN');
    expect(parseCsv(csv.slice(1))).toEqual([header, ...rows]);
    expect(csv).toContain('""y""');
  });
});

describe('exportXlsx', () => {
  it('writes the three sheets with frozen headers and autofilters, read back with exceljs', async () => {
    const bytes = await exportXlsx(data, 'zh_CN');
    const file = join(dir, 'audit.xlsx');
    writeFileSync(file, bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['问题清单', '任务汇总', '整改清单']);
    const [findings, tasks, rect] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(findings.rowCount).toBe(data.findings.length + 1);
    expect(tasks.rowCount).toBe(data.plan!.tasks.length + 1);
    for (const s of [findings, tasks, rect]) {
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(s.autoFilter).toBeTruthy();
      expect(s.getRow(1).font?.bold).toBe(true);
    }
    expect(findings.getCell(1, 1).value).toBe('单位/网站名称');
    const { rows } = findingRows(data, 'zh_CN');
    const cells = (row: ExcelJS.Row) => Array.from({ length: 20 }, (_, i) => row.getCell(i + 1).value ?? '');
    expect(cells(findings.getRow(2))).toEqual(rows[0]);
    expect(findings.getRow(2).values).not.toContain(null);
    const statuses = new Set<string>();
    tasks.eachRow((r, i) => i > 1 && statuses.add(String(r.getCell(6).value)));
    for (const s of statuses)
      expect(['未检查', '已查看，无专项检查', '待人工核查', '检查中', '全部合格', '有问题']).toContain(s);
    expect(statuses.has('未检查')).toBe(true);
    // 整改清单: bold unit rows then failing findings only
    const failing = data.findings.filter((f) => f.status === 'fail').length;
    let unitRows = 0;
    let findingRowsCount = 0;
    rect.eachRow((r, i) => {
      if (i === 1) return;
      if (r.font?.bold) unitRows++;
      else {
        findingRowsCount++;
        expect(r.getCell(10).value).toBe('不合格');
      }
    });
    expect(unitRows).toBeGreaterThan(0);
    // Each failure once, under the one unit responsible for it (not copied to every unit of the task).
    expect(findingRowsCount).toBe(failing);
  });
});

describe('hostile content', () => {
  it('leaves nothing executable in CSV, XLSX or HTML', async () => {
    const csvRows = parseCsv(exportCsv(data, 'zh_CN').slice(1));
    const noteCol = 17;
    const notes = csvRows
      .slice(1)
      .map((r) => r[noteCol]!)
      .filter((n) => n.length > 0);
    expect(notes.sort()).toEqual(HOSTILE.notes.map((n) => `'${n}`).sort());
    expect(csvRows.some((r) => r[12] === `'${HOSTILE.tabEvidence}`)).toBe(true);
    for (const r of csvRows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(data, 'en')).buffer as ArrayBuffer);
    let seen = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') {
            expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
            if (cell.value.startsWith("'=HYPERLINK")) seen++;
          }
        }),
      );
    }
    expect(seen).toBeGreaterThan(0);

    const html = await exportHtmlReport(data, 'zh_CN');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html.replace(/&lt;[^<]*?&gt;/g, '')).not.toMatch(/onerror=/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('exportHtmlReport', () => {
  it('is self-contained, script-free and grouped category → task → page, with the coverage chart', async () => {
    const html = await exportHtmlReport(data, 'zh_CN', new Date('2026-11-16T00:00:00Z'));
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).toMatch(/<img alt="[^"]+" src="data:image\/png;base64,iVBORw0KGgo/);
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
    expect(html).toContain('@media print');
    expect(html).toContain('class="category"');
    expect(html).toContain('任务覆盖情况');
    for (const s of ['未检查', '检查中', '全部合格', '有问题']) expect(html).toContain(s);
    const first = data.plan!.categories[0]!;
    expect(html.indexOf(first.title)).toBeLessThan(
      html.indexOf(data.plan!.tasks.find((t) => t.category === first.id)!.title),
    );
    expect(await exportHtmlReport(data, 'en')).toContain('Task coverage');
    // Presentable: each screenshot once, places as people read them, checks by name, units of each task shown.
    const used = new Set(data.findings.flatMap((f) => f.screenshotIds));
    expect(used.size).toBeGreaterThan(0);
    expect(html.match(/<img /g)?.length).toBe(used.size);
    expect(html).not.toMatch(/nth-of-type|(?<!msg-)(template-elements|privacy-leaks|metadata-block)/);
    expect(html).toContain('牵头单位：');
    expect(html).toMatch(/另有 \d+ 项任务暂无检查记录/);
  });
});
