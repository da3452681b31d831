/**
 * The audit file: a whole audit as one versioned, lossless JSON document (format described in AUDIT-FILE.md), written
 * by the extension's export and by `gongkai audit`, read back by the import (lib/import/merge.ts) and `gongkai export`.
 *
 * Decides: the document's shape (`AuditFile`) and its zod schema; what a reader refuses and how it says so
 * (`AuditFileError`: a code, a message key of public/_locales and a detail — the JSON path for schema violations);
 * that screenshots travel as metadata here and as bytes beside it (`screenshots/<id>.png` in the zip, zip.ts);
 * that a plan the build bundles travels by id and title only, any other plan in full.
 * Does not decide: the zip container (zip.ts), how an import merges (lib/import/merge.ts).
 *
 * Lossless: every stored field of the audit, its pages, findings (history, verdicts, notes, fieldRevs…), screenshots'
 * metadata, the site's pins and the audit's site records (version 2) is written as stored. The only field not written is `Screenshot.blob` (its bytes are
 * the zip entry); `type` and `size` of the blob are written instead.
 */
import { z } from 'zod';
import { Plan } from '../plan/model';
import { bundledPlans } from '../../seeds/index';
import {
  AuditSchema,
  FindingSchema,
  PageSchema,
  PinSchema,
  ScreenshotSchema,
  SiteRecordSchema,
} from '../storage/records';
import { siteRecordId } from '../storage/ids';
import type { AuditData } from './audit-data';
import { screenshotPath } from './screenshot-path';
import pkg from '../../package.json';

export const AUDIT_FILE_FORMAT = 'gongkai-audit';
/** Version 2 adds `sites` (whole-site patrol records); a version 1 file is read as having none. */
export const AUDIT_FILE_VERSION = 2;
export const AUDIT_FILE_VERSIONS_READ = [1, 2] as const;
export const GENERATOR = `gongkai-inspector ${pkg.version}`;

/* ---------------------------------------------------------------------------------------------------------------
 * Schema: the stored records' own schemas (lib/storage/records.ts), so the file carries exactly what is stored
 * ------------------------------------------------------------------------------------------------------------- */

const isoTime = z.string().min(1);

/** A screenshot's metadata: the stored record without its bytes, which are a zip entry. */
export const ScreenshotEntrySchema = ScreenshotSchema.omit({ blob: true }).extend({
  /** The image's MIME type (the Blob's `type`). */
  type: z.string(),
  /** The image's size in bytes. */
  size: z.number().int().nonnegative(),
  /** Where the bytes are in the zip: `screenshots/<id>.png`. */
  file: z.string(),
});

export const AuditFileSchema = z.object({
  format: z.literal(AUDIT_FILE_FORMAT),
  version: z.union([z.literal(1), z.literal(AUDIT_FILE_VERSION)]),
  exportedAt: isoTime,
  generator: z.string(),
  audit: AuditSchema,
  plan: z.object({ id: z.string(), title: z.string(), bundled: z.boolean(), definition: Plan.exactOptional() }),
  pages: z.array(PageSchema),
  findings: z.array(FindingSchema),
  pins: z.array(PinSchema),
  screenshots: z.array(ScreenshotEntrySchema),
  /** Absent in version 1 files: read as no site record. */
  sites: z.array(SiteRecordSchema).default([]),
});

export type AuditFile = z.infer<typeof AuditFileSchema>;
export type AuditFileScreenshot = z.infer<typeof ScreenshotEntrySchema>;

/* ---------------------------------------------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------------------------------------------- */

export { screenshotPath };

export interface ToAuditFileOptions {
  exportedAt?: Date;
  generator?: string;
}

/** The audit file of loaded audit data (see audit-data.ts). */
export function toAuditFile(data: AuditData, options: ToAuditFileOptions = {}): AuditFile {
  const bundled = data.plan !== null && bundledPlans.some((p) => p.id === data.plan!.id);
  return {
    format: AUDIT_FILE_FORMAT,
    version: AUDIT_FILE_VERSION,
    exportedAt: (options.exportedAt ?? new Date()).toISOString(),
    generator: options.generator ?? GENERATOR,
    audit: data.audit,
    plan: {
      id: data.audit.planId,
      title: data.plan?.title ?? '',
      bundled,
      ...(data.plan && !bundled ? { definition: data.plan } : {}),
    },
    pages: data.pages,
    findings: data.findings,
    pins: data.pins,
    screenshots: data.screenshots.map(({ blob, ...meta }) => ({
      ...meta,
      type: blob.type,
      size: blob.size,
      file: screenshotPath(meta.id),
    })),
    sites: data.sites,
  };
}

export function auditFileJson(file: AuditFile): string {
  return JSON.stringify(file, null, 1);
}

/* ---------------------------------------------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------------------------------------------- */

export type AuditFileErrorCode =
  | 'notJson'
  | 'truncated'
  | 'foreign'
  | 'newerVersion'
  | 'invalid'
  | 'inconsistent'
  | 'zipCorrupt'
  | 'zipNoAuditJson'
  | 'zipMissingScreenshot'
  | 'zipTooLarge'
  | 'zipScreenshotNotImage';

/** Message keys (public/_locales) of the errors; each takes the detail as $P1$. */
export const AUDIT_FILE_ERROR_KEYS: Readonly<Record<AuditFileErrorCode, string>> = {
  notJson: 'auditFileNotJson',
  truncated: 'auditFileTruncated',
  foreign: 'auditFileForeign',
  newerVersion: 'auditFileNewerVersion',
  invalid: 'auditFileInvalid',
  inconsistent: 'auditFileInconsistent',
  zipCorrupt: 'auditZipCorrupt',
  zipNoAuditJson: 'auditZipNoAuditJson',
  zipMissingScreenshot: 'auditZipMissingScreenshot',
  zipTooLarge: 'auditZipTooLarge',
  zipScreenshotNotImage: 'auditZipScreenshotNotImage',
};

export interface AuditFileError {
  code: AuditFileErrorCode;
  /** Message key; the message takes `detail` as its one argument. */
  key: string;
  detail: string;
}

export type ParseAuditFileResult = { ok: true; file: AuditFile } | { ok: false; error: AuditFileError };

export function auditFileError(code: AuditFileErrorCode, detail: string): { ok: false; error: AuditFileError } {
  return { ok: false, error: { code, key: AUDIT_FILE_ERROR_KEYS[code], detail } };
}

/** The error as one English line (for the command line and logs). */
export function describeAuditFileError(error: AuditFileError): string {
  const what: Record<AuditFileErrorCode, string> = {
    notJson: 'not a JSON file',
    truncated: 'the file is truncated',
    foreign: 'not a Gongkai Inspector audit file',
    newerVersion: 'written by a newer version of Gongkai Inspector',
    invalid: 'the audit file is damaged',
    inconsistent: 'the audit file contradicts itself',
    zipCorrupt: 'not a readable zip file',
    zipNoAuditJson: 'the zip has no audit.json',
    zipMissingScreenshot: 'a screenshot is missing from the zip',
    zipTooLarge: 'the zip unpacks to more than this program accepts (a zip bomb?)',
    zipScreenshotNotImage: 'a screenshot is not a PNG, JPEG or WebP image',
  };
  return `${what[error.code]}${error.detail ? ` (${error.detail})` : ''}`;
}

function looksTruncated(text: string, error: unknown): boolean {
  const trimmed = text.trim();
  if (!/^[{[]/.test(trimmed)) return false;
  const message = error instanceof Error ? error.message : String(error);
  if (/end of (JSON|data)|unterminated|unexpected end/i.test(message)) return true;
  const at = /position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= trimmed.length - 1;
}

/** Reads an audit file's text: parsed, recognised, version checked, validated against the schema and for consistency. */
export function parseAuditFile(text: string): ParseAuditFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (looksTruncated(text, error)) return auditFileError('truncated', `${text.length} characters`);
    return auditFileError('notJson', error instanceof Error ? error.message : String(error));
  }
  return parseAuditFileJson(json);
}

/** As `parseAuditFile`, for JSON already parsed. */
export function parseAuditFileJson(json: unknown): ParseAuditFileResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return auditFileError('foreign', 'no format');
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== AUDIT_FILE_FORMAT)
    return auditFileError('foreign', typeof head.format === 'string' ? `format ${head.format}` : 'no format');
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1)
    return auditFileError('invalid', 'version');
  if (head.version > AUDIT_FILE_VERSION)
    return auditFileError('newerVersion', `version ${head.version} > ${AUDIT_FILE_VERSION}`);
  const parsed = AuditFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return auditFileError('invalid', `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const problem = inconsistency(parsed.data);
  return problem ? auditFileError('inconsistent', problem) : { ok: true, file: parsed.data };
}

/** What in a schema-valid file contradicts itself (records of another audit, pins of another site, dangling or
 * duplicate ids). */
function inconsistency(file: AuditFile): string | null {
  const auditId = file.audit.id;
  if (file.plan.id !== file.audit.planId) return `plan.id ≠ audit.planId`;
  if (file.plan.definition && file.plan.definition.id !== file.plan.id) return 'plan.definition.id ≠ plan.id';
  const lists = {
    pages: file.pages,
    findings: file.findings,
    screenshots: file.screenshots,
    pins: file.pins,
    sites: file.sites,
  };
  for (const [kind, records] of Object.entries(lists)) {
    const seen = new Set<string>();
    for (const [i, { id }] of records.entries()) {
      if (seen.has(id)) return `${kind}.${i}.id: duplicate ${id}`;
      seen.add(id);
    }
  }
  const pages = new Set(file.pages.map((p) => p.id));
  for (const [i, p] of file.pages.entries()) if (p.auditId !== auditId) return `pages.${i}.auditId: not the audit's`;
  for (const [i, f] of file.findings.entries()) {
    if (f.auditId !== auditId) return `findings.${i}.auditId: not the audit's`;
    if (f.pageId !== null && !pages.has(f.pageId)) return `findings.${i}.pageId: no page ${f.pageId}`;
  }
  // Pins are per site: a file carries the pins of its audit's site only, so an import cannot rewrite another site's.
  for (const [i, p] of file.pins.entries())
    if (p.origin !== file.audit.origin) return `pins.${i}.origin: not the audit's site`;
  // A site record's id is its audit's and origin's: a forged id can never land on a record of another audit.
  for (const [i, s] of file.sites.entries()) {
    if (s.auditId !== auditId) return `sites.${i}.auditId: not the audit's`;
    if (s.id !== siteRecordId(s.auditId, s.origin)) return `sites.${i}.id: not the id of its audit and site`;
  }
  for (const [i, s] of file.screenshots.entries()) {
    if (s.auditId !== auditId) return `screenshots.${i}.auditId: not the audit's`;
    if (s.file !== screenshotPath(s.id)) return `screenshots.${i}.file: expected ${screenshotPath(s.id)}`;
  }
  return null;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Back to audit data (for the exporters)
 * ------------------------------------------------------------------------------------------------------------- */

/** The plan an audit file refers to: its definition, else the bundled plan of that id, else null. */
export function planOfAuditFile(file: AuditFile): Plan | null {
  return file.plan.definition ?? bundledPlans.find((p) => p.id === file.plan.id) ?? null;
}

/** Audit data from a file; screenshots whose bytes are not in `images` get an empty Blob of their type. */
export function auditDataFromFile(file: AuditFile, images: ReadonlyMap<string, Blob> = new Map()): AuditData {
  return {
    audit: file.audit,
    plan: planOfAuditFile(file),
    pages: file.pages,
    findings: file.findings,
    pins: file.pins,
    sites: file.sites,
    screenshots: file.screenshots.map(({ type, size: _size, file: _file, ...meta }) => ({
      ...meta,
      blob: images.get(meta.id) ?? new Blob([], { type }),
    })),
  };
}
