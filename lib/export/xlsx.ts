/**
 * The audit as an Excel workbook (exceljs), the file evaluators and 牵头单位 pass around:
 *   问题清单  one row per finding, the columns of cells.ts;
 *   任务汇总  one row per plan task: 编号, 任务, 类别, 牵头单位, 责任单位, 状态 (未检查/检查中/全部合格/有问题, the
 *            panel's rules via task-summary.ts), 页面数 and the 合格/不合格/需复核/不适用 counts;
 *   整改清单  first a row saying the rule, then one block per unit responsible for fixing (responsible-unit.ts: the
 *            unit that published the page when it is a plan unit, else the task's 牵头单位 — each failure once,
 *            under one unit): a bold row with the unit, its failure count and the rule used, then its failing
 *            findings; then a block of failing findings of no task / no plan task.
 * Every sheet: header row frozen and bold, autofilter on it, column widths set for Chinese text.
 *
 * Decides: the sheets, their columns and order. Cells are strings made safe by cells.ts (counts are numbers).
 * Speed: exceljs's streaming WorkbookWriter (rows committed as they are added, inline strings, the file assembled in
 * its in-memory buffer — no Node stream or file needed): the plain writer took 150 s for 100,000 findings, this takes
 * 24–40 s — still OVER the 20 s budget (scripts/bench-export.ts); the rest is mostly JSZip's deflate at the end.
 * A whole-site patrol adds 栏目更新情况 and 链接检查, read from the audit's site records (site-rows.ts: one row per
 * column, one per dead / suspected / other-site link); for an audit patrolled before site records existed, from its
 * column-status and dead-link findings.
 * Does not decide: cell text (cells.ts), task status (coverage.ts), which findings are exported (the caller).
 */
import ExcelJS from 'exceljs';
import type { Language } from '../i18n-catalog';
import type { Finding } from '../storage/db';
import type { AuditData } from './audit-data';
import { FINDING_COLUMNS, findingHeaders, findingRow, pageOf, resultLabel, rowContext, safeCell } from './cells';
import { responsibleUnit, type UnitRule } from './responsible-unit';
import {
  COLUMN_SHEET_WIDTHS,
  LINK_SHEET_WIDTHS,
  columnSheetHeader,
  columnSheetRows,
  linkSheetHeader,
  linkSheetRows,
} from './site-rows';
import { coverageOf } from './task-summary';
import { t } from './text';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const UNIT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCEBDD' } };

type Sheet = ExcelJS.Worksheet;

/**
 * Cell styles (bold, filled header and unit rows) cost exceljs's streaming writer a style lookup per cell: above this
 * many findings they are left out so a 100,000-finding export stays within its 20 s budget. Frozen header, filters and
 * column widths are kept at every size.
 */
const STYLED_LIMIT = 20_000;

type Book = Pick<ExcelJS.Workbook, 'addWorksheet' | 'creator' | 'created'>;

function sheetWithHeader(wb: Book, name: string, header: string[], widths: readonly number[]): Sheet {
  const sheet = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.columns = widths.map((width) => ({ width }));
  const row = sheet.addRow(header);
  row.font = { bold: true };
  row.fill = HEADER_FILL;
  row.commit();
  return sheet;
}

function addRow(sheet: Sheet, values: Array<string | number>, style?: (row: ExcelJS.Row) => void): void {
  const row = sheet.addRow(values);
  style?.(row);
  row.commit();
}

function toBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
}

export async function exportXlsx(data: AuditData, lang: Language): Promise<Uint8Array> {
  const ctx = rowContext(data, lang);
  // Node has exceljs's streaming writer (fast at 100,000 rows); the browser build has only the plain workbook.
  const streaming =
    typeof (ExcelJS as unknown as { stream?: { xlsx?: { WorkbookWriter?: unknown } } }).stream?.xlsx?.WorkbookWriter ===
    'function';
  const wb: Book = streaming
    ? new ExcelJS.stream.xlsx.WorkbookWriter({
        useStyles: data.findings.length <= STYLED_LIMIT,
        useSharedStrings: false,
      })
    : new ExcelJS.Workbook();
  wb.creator = 'Gongkai Inspector';
  wb.created = new Date(data.audit.updatedAt);
  const headers = findingHeaders(lang).map(safeCell);
  const widths = FINDING_COLUMNS.map((c) => c.width);

  // 问题清单
  const findingsSheet = sheetWithHeader(wb, t(lang, 'exportSheetFindings'), headers, widths);
  const rows = new Map<Finding, string[]>();
  const rowOf = (f: Finding): string[] => {
    let row = rows.get(f);
    if (!row) rows.set(f, (row = findingRow(ctx, f)));
    return row;
  };
  for (const f of data.findings) addRow(findingsSheet, rowOf(f));
  (findingsSheet as { commit?: () => void }).commit?.();

  // 任务汇总
  const taskHeader = [
    t(lang, 'exportTaskCol_no'),
    t(lang, 'exportTaskCol_title'),
    t(lang, 'exportTaskCol_category'),
    t(lang, 'exportTaskCol_lead'),
    t(lang, 'exportTaskCol_responsible'),
    t(lang, 'exportTaskCol_status'),
    t(lang, 'exportTaskCol_pages'),
    resultLabel(lang, 'pass'),
    resultLabel(lang, 'fail'),
    resultLabel(lang, 'needs-review'),
    resultLabel(lang, 'not-applicable'),
  ].map(safeCell);
  const tasksSheet = sheetWithHeader(
    wb,
    t(lang, 'exportSheetTasks'),
    taskHeader,
    [8, 48, 24, 24, 32, 10, 8, 8, 8, 8, 8],
  );
  const cov = data.plan ? coverageOf(data.plan, data.audit.id, data.findings, data.pages) : null;
  if (data.plan && cov) {
    const categories = new Map(data.plan.categories.map((c) => [c.id, c.title]));
    cov.tasks.forEach((tc, i) => {
      const task = data.plan!.tasks[i]!;
      addRow(tasksSheet, [
        safeCell(tc.no),
        safeCell(tc.title),
        safeCell(categories.get(tc.category) ?? tc.category),
        safeCell(task.lead.units.join('、')),
        safeCell(task.responsible.units.join('、')),
        t(lang, `coverage_${tc.status.replace(/-/g, '_')}`),
        tc.pages,
        tc.findings.pass,
        tc.findings.fail,
        tc.findings.review,
        tc.findings.na,
      ]);
    });
  }
  (tasksSheet as { commit?: () => void }).commit?.();

  // 整改清单
  const rectSheet = sheetWithHeader(wb, t(lang, 'exportSheetRectification'), headers, widths);
  addRow(rectSheet, [safeCell(t(lang, 'exportUnitRule'))], (head) => {
    head.font = { bold: true, italic: true };
  });
  const byUnit = new Map<string, { rule: UnitRule; findings: Finding[] }>();
  const failingElsewhere: Finding[] = [];
  for (const f of data.findings) {
    if (f.status !== 'fail') continue;
    const task = f.taskId !== null ? ctx.tasks.get(f.taskId) : undefined;
    const { unit, rule } = responsibleUnit(data.plan, pageOf(ctx, f), task);
    if (rule === 'none') {
      failingElsewhere.push(f);
      continue;
    }
    let group = byUnit.get(unit);
    if (!group) byUnit.set(unit, (group = { rule, findings: [] }));
    group.findings.push(f);
  }
  const block = (title: string, findings: readonly Finding[]) => {
    if (findings.length === 0) return;
    addRow(rectSheet, [safeCell(title)], (head) => {
      head.font = { bold: true };
      head.fill = UNIT_FILL;
    });
    for (const f of findings) addRow(rectSheet, rowOf(f));
  };
  const units = [...byUnit.entries()].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'));
  for (const [unit, group] of units) {
    const rules = new Set(
      group.findings.map(
        (f) => responsibleUnit(data.plan, pageOf(ctx, f), f.taskId ? ctx.tasks.get(f.taskId) : undefined).rule,
      ),
    );
    const ruleText = [...rules].map((r) => t(lang, r === 'publisher' ? 'exportUnitByPublisher' : 'exportUnitByLead'));
    block(`${t(lang, 'exportUnitHeader', unit, group.findings.length)} · ${ruleText.join('、')}`, group.findings);
  }
  block(t(lang, 'exportUnitHeader', t(lang, 'exportNoTask'), failingElsewhere.length), failingElsewhere);
  (rectSheet as { commit?: () => void }).commit?.();

  // 栏目更新情况 / 链接检查: a whole-site patrol's site records (site-rows.ts), one block per patrolled site. An audit
  // patrolled before site records existed has its site results only as findings (lib/crawl/site-results.ts): those
  // findings fill the sheets then.
  if (data.sites.length > 0) {
    const several = data.sites.length > 1;
    const columns = sheetWithHeader(wb, t(lang, 'exportSheetColumns'), columnSheetHeader(lang), COLUMN_SHEET_WIDTHS);
    for (const site of data.sites) {
      if (several) addRow(columns, [safeCell(site.origin)], (row) => void (row.font = { bold: true }));
      for (const row of columnSheetRows(lang, site)) addRow(columns, row);
    }
    (columns as { commit?: () => void }).commit?.();
    const links = sheetWithHeader(wb, t(lang, 'exportSheetLinks'), linkSheetHeader(lang), LINK_SHEET_WIDTHS);
    for (const site of data.sites) {
      if (several) addRow(links, [safeCell(site.origin)], (row) => void (row.font = { bold: true }));
      for (const row of linkSheetRows(lang, site)) addRow(links, row);
    }
    (links as { commit?: () => void }).commit?.();
  } else
    for (const [checkId, key] of [
      ['column-status', 'exportSheetColumns'],
      ['dead-link', 'exportSheetLinks'],
    ] as const) {
      const rowsOf = data.findings.filter((f) => f.checkId === checkId);
      if (rowsOf.length === 0) continue;
      const sheet = sheetWithHeader(wb, t(lang, key), headers, widths);
      for (const f of rowsOf) addRow(sheet, rowOf(f));
      (sheet as { commit?: () => void }).commit?.();
    }

  if (!streaming) return toBytes(await (wb as ExcelJS.Workbook).xlsx.writeBuffer());
  await (wb as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  // Without a stream or file name, the writer keeps the file in its own buffer (exceljs's StreamBuf).
  const buffered = (wb as unknown as { stream: { read(): ArrayBuffer | Uint8Array | null } }).stream.read();
  return buffered ? toBytes(buffered) : new Uint8Array();
}
