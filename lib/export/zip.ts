/**
 * The audit file with its screenshots, as one .zip (fflate): `audit.json` (audit-file.ts) and `screenshots/<id>.png`,
 * the stored images' bytes as they are.
 *
 * Decides: the zip's layout; that reading validates the whole zip before anything is returned (a corrupt zip, a zip
 * without audit.json, an audit.json that is not a valid audit file, a screenshot audit.json names that the zip lacks,
 * an entry that unpacks past its cap, a "screenshot" that is not a PNG/JPEG/WebP image — each a clear
 * `AuditFileError`); that only audit.json and the screenshots it names are inflated, with caps (`ZIP_LIMITS`), so a
 * zip bomb is refused without being unpacked (zip-entries.ts); that `readAuditBytes` takes either a zip or a bare
 * audit.json (told apart by the zip signature).
 * Does not decide: the JSON format (audit-file.ts), importing (lib/import/merge.ts).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
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
import { describeNotImage, imageKind } from './image-magic';
import { screenshotPath } from './screenshot-path';
import { MAX_RATIO, ZipReadError, readZipEntry, zipDirectory, type ZipEntryInfo } from './zip-entries';

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
    entries[screenshotPath(shot.id)] = [new Uint8Array(await shot.blob.arrayBuffer()), { level: 0 }];
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

/** How much a zip may unpack to (a zip bomb is refused at these, never inflated whole). */
export interface ZipLimits {
  /** audit.json, unpacked. */
  auditJson: number;
  /** One screenshot. */
  screenshot: number;
  /** All screenshots together. */
  screenshots: number;
}

const MiB = 1024 * 1024;
export const ZIP_LIMITS: Readonly<ZipLimits> = { auditJson: 256 * MiB, screenshot: 32 * MiB, screenshots: 1024 * MiB };

function zipProblem(error: unknown): { ok: false; error: AuditFileError } {
  if (error instanceof ZipReadError) {
    const p = error.problem;
    if (p.kind === 'tooLarge')
      return auditFileError(
        'zipTooLarge',
        p.reason === 'ratio'
          ? `${p.name}: unpacks to more than ${MAX_RATIO}× its compressed size`
          : `${p.name} > ${Math.round(p.limit / MiB)} MB${p.reason === 'declared' ? ' (declared)' : ''}`,
      );
    return auditFileError('zipCorrupt', p.detail);
  }
  return auditFileError('zipCorrupt', error instanceof Error ? error.message : String(error));
}

/**
 * Reads an audit .zip, validating all of it first: audit.json (at most `limits.auditJson` unpacked), then exactly the
 * screenshots it names, each at most its declared size and `limits.screenshot`, accepted by their bytes only (PNG,
 * JPEG, WebP — an SVG or HTML file is refused) and typed by them. Entries it does not name are never inflated.
 */
export function readAuditZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ReadAuditResult {
  let directory: Map<string, ZipEntryInfo>;
  let json: Uint8Array;
  try {
    directory = zipDirectory(bytes);
    const entry = directory.get(AUDIT_JSON);
    if (!entry) return auditFileError('zipNoAuditJson', AUDIT_JSON);
    json = readZipEntry(bytes, entry, limits.auditJson);
  } catch (error) {
    return zipProblem(error);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch (error) {
    return auditFileError('notJson', error instanceof Error ? error.message : String(error));
  }
  const parsed = parseAuditFile(text);
  if (!parsed.ok) return parsed;
  const images = new Map<string, Blob>();
  let total = 0;
  for (const shot of parsed.file.screenshots) {
    const entry = directory.get(shot.file);
    if (!entry) return auditFileError('zipMissingScreenshot', shot.file);
    total += shot.size;
    if (shot.size > limits.screenshot || total > limits.screenshots)
      return auditFileError('zipTooLarge', `${shot.file}: ${shot.size} bytes (declared)`);
    let image: Uint8Array;
    try {
      // Never more than the size audit.json declares for it.
      image = readZipEntry(bytes, entry, shot.size);
    } catch (error) {
      if (error instanceof ZipReadError && error.problem.kind === 'tooLarge')
        return auditFileError('zipMissingScreenshot', `${shot.file}: more than the ${shot.size} bytes expected`);
      return zipProblem(error);
    }
    if (image.length !== shot.size)
      return auditFileError('zipMissingScreenshot', `${shot.file}: ${image.length} bytes, expected ${shot.size}`);
    const kind = imageKind(image);
    if (!kind) return auditFileError('zipScreenshotNotImage', `${shot.file}: ${describeNotImage(image)}`);
    images.set(shot.id, new Blob([image as Uint8Array<ArrayBuffer>], { type: kind }));
  }
  return { ok: true, file: parsed.file, images };
}

/** A zip or a bare audit.json (UTF-8), told apart by the zip signature. */
export function readAuditBytes(bytes: Uint8Array): ReadAuditResult {
  if (isZip(bytes)) return readAuditZip(bytes);
  const parsed = parseAuditFile(new TextDecoder('utf-8').decode(bytes));
  return parsed.ok ? { ok: true, file: parsed.file, images: new Map() } : parsed;
}
