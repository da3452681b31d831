/** Cells over Excel's 32,767-character limit: cut with a visible marker in the XLSX and CSV files (read back from
 * disk), the full text kept in the audit file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditData } from './audit-data';
import { auditFileJson, parseAuditFile, toAuditFile } from './audit-file';
import { CELL_LIMIT, CELL_TRUNCATED, FINDING_COLUMNS, safeCell } from './cells';
import { exportCsv } from './csv';
import { buildAudit, parseCsv } from '../../tests/helpers/export-fixture';
import { exportXlsx } from './xlsx';

let data: AuditData;
let dispose: () => Promise<void>;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-cell-limit-'));
// 60,000 characters, with an emoji (a surrogate pair) straddling the cut.
const LONG_NOTE = `=${'备'.repeat(CELL_LIMIT - CELL_TRUNCATED.length - 3)}😀${'注'.repeat(27_000)}`;
const NOTE_COLUMN = FINDING_COLUMNS.findIndex((c) => c.key === 'note');

beforeAll(async () => {
  ({ data, dispose } = await buildAudit(2));
  data = { ...data, findings: data.findings.map((f, i) => (i === 0 ? { ...f, note: LONG_NOTE } : f)) };
});
afterAll(async () => {
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

function expectCut(cell: string): void {
  expect(cell.length).toBeLessThanOrEqual(CELL_LIMIT);
  expect(cell.endsWith(CELL_TRUNCATED)).toBe(true);
  expect(cell.startsWith("'=备备")).toBe(true);
  // The emoji that straddled the cut is dropped whole: no half surrogate (nor its U+FFFD on disk) before the marker.
  expect(cell.slice(0, -CELL_TRUNCATED.length).slice(-2)).toBe('备备');
}

describe('cells over 32,767 characters', () => {
  it('safeCell leaves a cell of exactly the limit alone and cuts one character more', () => {
    expect(safeCell('x'.repeat(CELL_LIMIT))).toBe('x'.repeat(CELL_LIMIT));
    const cut = safeCell('x'.repeat(CELL_LIMIT + 1));
    expect(cut).toHaveLength(CELL_LIMIT);
    expect(cut.endsWith(CELL_TRUNCATED)).toBe(true);
  });

  it('XLSX read back from the file: the long note is cut with the marker, short cells are whole', async () => {
    const file = join(dir, 'audit.xlsx');
    writeFileSync(file, await exportXlsx(data, 'zh_CN'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(String(row.getCell(NOTE_COLUMN + 1).value ?? '')));
    expect(cells[0]).toBe('备注');
    const long = cells.filter((c) => c.length > 1000);
    expect(long).toHaveLength(1);
    expectCut(long[0]!);
    let longest = 0;
    sheet.eachRow((row) => row.eachCell((c) => (longest = Math.max(longest, String(c.value ?? '').length))));
    expect(longest).toBeLessThanOrEqual(CELL_LIMIT);
  });

  it('CSV read back from the file: the same cut', () => {
    const file = join(dir, 'audit.csv');
    writeFileSync(file, exportCsv(data, 'zh_CN'));
    const rows = parseCsv(readFileSync(file, 'utf8').slice(1));
    expect(rows[0]![NOTE_COLUMN]).toBe('备注');
    const long = rows.map((r) => r[NOTE_COLUMN]!).filter((c) => c.length > 1000);
    expect(long).toHaveLength(1);
    expectCut(long[0]!);
  });

  it('the audit file (JSON) keeps the whole note', () => {
    const parsed = parseAuditFile(auditFileJson(toAuditFile(data)));
    expect(parsed.ok && parsed.file.findings.find((f) => f.note.length > 1000)?.note).toBe(LONG_NOTE);
  });
});
