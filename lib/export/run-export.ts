/**
 * One export of an audit (or of some of its findings) in a chosen format, with progress reported by phase. Runs in a
 * worker (export.worker.ts) so the panel never freezes; the same function serves the command line's tests.
 */
import type { Language } from '../i18n-catalog';
import type { GongkaiDb } from '../storage/db';
import { loadAuditData } from './audit-data';
import { auditFileJson, toAuditFile } from './audit-file';
import { exportCsv } from './csv';
import { exportXlsx } from './xlsx';
import { auditZip } from './zip';
import { EXPORT_MIME, type ExportFormat } from './formats';

export { EXPORT_FORMATS, type ExportFormat } from './formats';

export interface ExportOutput {
  bytes: Uint8Array;
  mime: string;
  extension: string;
}

export type ExportPhase = 'load' | 'build' | 'write' | 'done';

export async function runExport(
  db: GongkaiDb,
  auditId: string,
  format: ExportFormat,
  lang: Language,
  options: { findingIds?: ReadonlySet<string>; progress?: (phase: ExportPhase, count: number) => void } = {},
): Promise<ExportOutput> {
  const progress = options.progress ?? (() => undefined);
  progress('load', 0);
  const ids = options.findingIds;
  const data = await loadAuditData(db, auditId, ids ? { findings: (f) => ids.has(f.id) } : {});
  progress('build', data.findings.length);
  const text = new TextEncoder();
  let bytes: Uint8Array;
  switch (format) {
    case 'xlsx':
      bytes = await exportXlsx(data, lang);
      break;
    case 'csv':
      bytes = text.encode(exportCsv(data, lang));
      break;
    case 'json':
      bytes = text.encode(auditFileJson(toAuditFile(data)));
      break;
    case 'zip':
      bytes = await auditZip(data);
      break;
    case 'html': {
      const { exportHtmlReport } = await import('./html-report');
      bytes = text.encode(await exportHtmlReport(data, lang));
      break;
    }
  }
  progress('write', data.findings.length);
  progress('done', data.findings.length);
  return { bytes, mime: EXPORT_MIME[format], extension: format };
}
