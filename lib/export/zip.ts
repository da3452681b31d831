/**
 * The audit file with its screenshots, as one .zip (fflate): `audit.json` (audit-file.ts) and `screenshots/<id>.png`,
 * the stored images' bytes as they are.
 *
 * Decides: the zip's layout; that reading validates the whole zip before anything is returned (a corrupt zip, a zip
 * without audit.json, an audit.json that is not a valid audit file, a screenshot audit.json names that the zip lacks —
 * each a clear `AuditFileError`); that entries the JSON does not name are ignored; that `readAuditBytes` takes either
 * a zip or a bare audit.json (told apart by the zip signature).
 * Does not decide: the JSON format (audit-file.ts), importing (lib/import/merge.ts).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { AuditData } from './audit-data';
import {
  auditFileError,
  auditFileJson,
  parseAuditFile,
  toAuditFile,
  type AuditFile,
  type AuditFileError,
  type ToAuditFileOptions,
} from './audit-file';

export const AUDIT_JSON = 'audit.json';

/** An audit file read back, with the images it names (by screenshot id); `images` is empty for a bare audit.json. */
export interface AuditBundle {
  file: AuditFile;
  images: Map<string, Blob>;
}

export type ReadAuditResult = ({ ok: true } & AuditBundle) | { ok: false; error: AuditFileError };

/** The .zip of an audit: audit.json plus every screenshot's bytes. */
export async function auditZip(data: AuditData, options: ToAuditFileOptions = {}): Promise<Uint8Array> {
  const file = toAuditFile(data, options);
  const entries: Zippable = { [AUDIT_JSON]: strToU8(auditFileJson(file)) };
  for (const shot of data.screenshots) {
    // Images are compressed already: stored, not deflated.
    entries[`screenshots/${shot.id}.png`] = [new Uint8Array(await shot.blob.arrayBuffer()), { level: 0 }];
  }
  return zipSync(entries, { level: 6 });
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    (bytes[3] === 0x04 || bytes[3] === 0x06)
  );
}

/** Reads an audit .zip, validating all of it first. */
export function readAuditZip(bytes: Uint8Array): ReadAuditResult {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    return auditFileError('zipCorrupt', error instanceof Error ? error.message : String(error));
  }
  const json = entries[AUDIT_JSON];
  if (!json) return auditFileError('zipNoAuditJson', AUDIT_JSON);
  let text: string;
  try {
    text = strFromU8(json);
  } catch (error) {
    return auditFileError('notJson', error instanceof Error ? error.message : String(error));
  }
  const parsed = parseAuditFile(text);
  if (!parsed.ok) return parsed;
  const images = new Map<string, Blob>();
  for (const shot of parsed.file.screenshots) {
    const image = entries[shot.file];
    if (!image) return auditFileError('zipMissingScreenshot', shot.file);
    if (image.length !== shot.size)
      return auditFileError('zipMissingScreenshot', `${shot.file}: ${image.length} bytes, expected ${shot.size}`);
    images.set(shot.id, new Blob([image as Uint8Array<ArrayBuffer>], { type: shot.type || 'image/png' }));
  }
  return { ok: true, file: parsed.file, images };
}

/** A zip or a bare audit.json (UTF-8), told apart by the zip signature. */
export function readAuditBytes(bytes: Uint8Array): ReadAuditResult {
  if (isZip(bytes)) return readAuditZip(bytes);
  const parsed = parseAuditFile(new TextDecoder('utf-8').decode(bytes));
  return parsed.ok ? { ok: true, file: parsed.file, images: new Map() } : parsed;
}
