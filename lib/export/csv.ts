/**
 * The findings as CSV for any spreadsheet or script: the columns of cells.ts, UTF-8 with a byte-order mark (so Excel
 * on a Chinese Windows reads it as UTF-8, not GBK), RFC 4180 quoting, CRLF line ends.
 *
 * Decides: a field is quoted when it holds a comma, a double quote, CR or LF (quotes doubled inside); every other
 * field is written bare; the file ends with a CRLF. Formula-like cells are already neutralised by cells.ts.
 * Built as one array join: 100,000 findings in well under the 3 s budget (scripts/bench-export.ts).
 * Does not decide: the columns or cell text (cells.ts).
 */
import type { Language } from '../i18n-catalog';
import type { AuditData } from './audit-data';
import { findingRows } from './cells';

export const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

export function exportCsv(data: AuditData, lang: Language): string {
  const { header, rows } = findingRows(data, lang);
  const lines: string[] = new Array<string>(rows.length + 1);
  lines[0] = csvLine(header);
  for (let i = 0; i < rows.length; i++) lines[i + 1] = csvLine(rows[i]!);
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
