/**
 * The export formats and their file types: what the panel offers (ExportPanel) without loading any exporter — the
 * exporters (exceljs among them) run in the export worker only. Decides nothing about how a format is built.
 */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'json', 'zip', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  zip: 'application/zip',
  html: 'text/html;charset=utf-8',
};
