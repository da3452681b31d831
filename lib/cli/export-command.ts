/**
 * `gongkai export <audit.json|audit.zip> --format json|zip|csv|xlsx [--lang zh|en] -o <file>` — reads an audit file
 * (validated as the extension's import does) and writes it with the exporters. `json` writes the audit file again
 * (normalised), `zip` the zip (with the screenshots the input zip had). Bad input — a missing file, a corrupt,
 * truncated, foreign or newer-version audit file, an unknown format, an output that cannot be written — is a `CliInputError` (exit 2, one line).
 */
import { parseArgs } from 'node:util';
import { auditDataFromFile, auditFileJson, describeAuditFileError } from '../export/audit-file';
import { exportCsv } from '../export/csv';
import { exportXlsx } from '../export/xlsx';
import { exportHtmlReport } from '../export/html-report';
import { auditZip, readAuditBytes, ZIP_LIMITS } from '../export/zip';
import type { CommandIo } from './command-io';
import { CliInputError } from './load-page';
import { readLocalFile } from './read-local-file';
import { checkOutputFolder, writeOutput } from './write-output';
import { EXPORT_FORMATS } from '../export/formats';
import { OUTPUT, valued } from './command-args';

export async function exportCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...valued('format', 'lang'), ...OUTPUT },
  });
  if (positionals.length !== 1) throw new CliInputError('export needs one audit file (audit.json or .zip)');
  const format = values.format ?? guessFormat(values.output);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new CliInputError(`unknown format: ${format} (${EXPORT_FORMATS.join(', ')})`);
  if (!values.output) throw new CliInputError('export needs -o <file>');
  const lang = io.language(values.lang);
  await checkOutputFolder(values.output);
  const input = positionals[0]!;
  // The most an audit file can hold: its audit.json and all its screenshots, at the reader's limits.
  const read = readAuditBytes(await readLocalFile(input, ZIP_LIMITS.auditJson + ZIP_LIMITS.screenshots));
  if (!read.ok) throw new CliInputError(`${input}: ${describeAuditFileError(read.error)}`);
  const data = auditDataFromFile(read.file, read.images);
  let out: Uint8Array | string;
  if (format === 'json') out = `${auditFileJson(read.file)}\n`;
  else if (format === 'zip') {
    const lacking = read.file.screenshots.filter((s) => !read.images.has(s.id)).length;
    if (lacking > 0)
      throw new CliInputError(
        `${input} has no images for ${lacking} screenshot(s): export the zip from the extension, or use --format json`,
      );
    out = await auditZip(data, { exportedAt: new Date(read.file.exportedAt), generator: read.file.generator });
  } else if (format === 'csv') out = exportCsv(data, lang);
  else if (format === 'html') out = await exportHtmlReport(data, lang);
  else out = await exportXlsx(data, lang);
  await writeOutput(values.output, out);
  io.out(`${data.findings.length} findings → ${values.output}`);
  return 0;
}

function guessFormat(output: string | undefined): string {
  const ext = /\.([a-z0-9]+)$/i.exec(output ?? '')?.[1]?.toLowerCase();
  if (!ext) throw new CliInputError('export needs --format json|zip|csv|xlsx');
  return ext;
}
