/**
 * Backup and restore of the whole database (every table, screenshots' bytes included), in dexie-export-import's JSON.
 *
 * Decides: a backup is dexie-export-import's JSON (`formatName: 'dexie'`). A restore never writes until the whole file
 * is read and every row of every table is checked: the envelope (JSON, complete, a Dexie export of this database's
 * tables, a schema version this build reads), each row against the same record schemas as audit files
 * (backup-schema.ts), ids unique, every page, finding and screenshot belonging to an audit of the backup, every
 * finding's page present, every screenshot's bytes a PNG, JPEG or WebP image. Only then are all tables cleared and
 * written inside ONE `rw` transaction over every table, with the per-task counts recounted from the findings and pages
 * (the file's own counts are not trusted). A refused backup, or a write that fails half-way (full disk…), leaves the
 * database exactly as it was.
 * The rows are decoded by dexie-export-import itself (its `filter` hands each decoded row over and writes nothing),
 * so Blobs and other encoded values come back as the library wrote them.
 * Does not decide: single audits (lib/export/audit-file.ts, merge.ts); the wording of refusals (the UI's messages).
 * Needs the browser's `self` and `FileReader` (tests: node-globals.ts).
 */
import { exportDB, importInto } from 'dexie-export-import';
import type { z } from 'zod';
import { describeNotImage, imageKind } from '../export/image-magic';
import { DB_VERSION, STORES, type GongkaiDb, type TaskCount } from '../storage/db';
import { siteRecordId } from '../storage/ids';
import { guardWrite } from '../storage/storage-error';
import { TaskTally } from '../storage/task-counts';
import { BACKUP_ROW_SCHEMAS, BACKUP_TABLES, type BackupTable } from './backup-schema';

export type BackupErrorCode =
  | 'notJson'
  | 'truncated'
  | 'foreign'
  | 'newerVersion'
  | 'invalid'
  | 'rowMissingField'
  | 'rowWrongField'
  | 'inconsistent'
  | 'screenshotNotImage';

/** Message keys (public/_locales); see `BackupError.args` for their arguments. */
export const BACKUP_ERROR_KEYS: Readonly<Record<BackupErrorCode, string>> = {
  notJson: 'backupNotJson',
  truncated: 'backupTruncated',
  foreign: 'backupForeign',
  newerVersion: 'backupNewerVersion',
  invalid: 'backupInvalid',
  rowMissingField: 'backupRowMissingField',
  rowWrongField: 'backupRowWrongField',
  inconsistent: 'backupInconsistent',
  screenshotNotImage: 'backupScreenshotNotImage',
};

export interface BackupError {
  code: BackupErrorCode;
  key: string;
  /** The table of the row at fault (row errors): the UI names it in words (`backupTable_<table>`). */
  table?: BackupTable;
  /** The message's arguments after the table's name: for row errors the 1-based row number, the field and why;
   * otherwise one detail. */
  args: string[];
  /** One English line for logs and tests. */
  detail: string;
}

export type RestoreResult = { ok: true; tables: Record<string, number> } | { ok: false; error: BackupError };

const fail = (
  code: BackupErrorCode,
  detail: string,
  args: string[] = [detail],
  table?: BackupTable,
): { ok: false; error: BackupError } => ({
  ok: false,
  error: { code, key: BACKUP_ERROR_KEYS[code], args, detail, ...(table ? { table } : {}) },
});

/** The whole database as a backup file (JSON in a Blob). */
export function backupDatabase(db: GongkaiDb): Promise<Blob> {
  return exportDB(db, { prettyJson: false });
}

const KNOWN_TABLES = new Set(STORES.flatMap((s) => Object.keys(s)));

/** Checks a backup file's envelope without writing anything; returns the row count of each table. */
export async function checkBackup(blob: Blob): Promise<RestoreResult> {
  const text = await blob.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^\s*\{/.test(text) && /end of (JSON|data)|unterminated|unexpected end/i.test(message))
      return fail('truncated', `${text.length} characters`);
    return fail('notJson', message);
  }
  const root = json as { formatName?: unknown; formatVersion?: unknown; data?: unknown } | null;
  if (!root || typeof root !== 'object' || root.formatName !== 'dexie') return fail('foreign', 'formatName');
  if (root.formatVersion !== 1) return fail('newerVersion', `dexie export format ${String(root.formatVersion)}`);
  const data = root.data as { databaseVersion?: unknown; tables?: unknown; data?: unknown } | undefined;
  if (!data || typeof data !== 'object') return fail('invalid', 'data');
  // Dexie stores its version ×10 in IndexedDB; exportDB writes db.verno (ours).
  if (typeof data.databaseVersion !== 'number') return fail('invalid', 'data.databaseVersion');
  if (data.databaseVersion > DB_VERSION)
    return fail('newerVersion', `database version ${data.databaseVersion} > ${DB_VERSION}`);
  if (!Array.isArray(data.tables) || !Array.isArray(data.data)) return fail('invalid', 'data.tables');
  const counts: Record<string, number> = {};
  for (const [i, t] of (data.data as Array<{ tableName?: unknown; rows?: unknown; inbound?: unknown }>).entries()) {
    if (!t || typeof t.tableName !== 'string' || !Array.isArray(t.rows)) return fail('invalid', `data.data.${i}`);
    if (!KNOWN_TABLES.has(t.tableName)) return fail('foreign', `table ${t.tableName}`);
    if (t.inbound !== true) return fail('foreign', `table ${t.tableName}: keys outside the rows`);
    if (t.tableName in counts) return fail('invalid', `table ${t.tableName} twice`);
    const declared = (data.tables as Array<{ name?: unknown; rowCount?: unknown }>).find(
      (x) => x?.name === t.tableName,
    );
    if (!declared) return fail('invalid', `data.tables: no ${t.tableName}`);
    if (typeof declared.rowCount === 'number' && declared.rowCount !== t.rows.length)
      return fail('truncated', `${t.tableName}: ${t.rows.length} of ${declared.rowCount} rows`);
    counts[t.tableName] = t.rows.length;
  }
  return { ok: true, tables: counts };
}

/** Every table's rows, each decoded by dexie-export-import and checked; nothing written. */
export type BackupRows = { [T in BackupTable]: Array<z.infer<(typeof BACKUP_ROW_SCHEMAS)[T]>> };

export type ReadBackupResult =
  | { ok: true; rows: BackupRows; tables: Record<string, number> }
  | { ok: false; error: BackupError };

/** Decodes the rows with dexie-export-import, writing nothing (`filter` keeps each row and answers false). */
async function decodeRows(db: GongkaiDb, blob: Blob): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  await importInto(db, blob, {
    acceptNameDiff: true,
    acceptVersionDiff: true,
    acceptMissingTables: true,
    noTransaction: true,
    filter: (table: string, value: unknown) => {
      (rows[table] ??= []).push(value);
      return false;
    },
  });
  return rows;
}

function rowError(table: BackupTable, index: number, issue: z.core.$ZodIssue): { ok: false; error: BackupError } {
  const field = issue.path.map(String).join('.') || '(row)';
  const missing = issue.code === 'invalid_type' && /received undefined|received null/.test(issue.message);
  const row = String(index + 1);
  return missing
    ? fail('rowMissingField', `${table}.${index}.${field}: missing`, [row, field], table)
    : fail('rowWrongField', `${table}.${index}.${field}: ${issue.message}`, [row, field, issue.message], table);
}

/** Reads and checks every row of a backup (see the header); writes nothing. */
export async function readBackup(db: GongkaiDb, blob: Blob): Promise<ReadBackupResult> {
  const checked = await checkBackup(blob);
  if (!checked.ok) return checked;
  let decoded: Record<string, unknown[]>;
  try {
    decoded = await decodeRows(db, blob);
  } catch (error) {
    return fail('invalid', error instanceof Error ? error.message : String(error));
  }
  const rows = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) {
    const schema = BACKUP_ROW_SCHEMAS[table];
    const out: unknown[] = [];
    for (const [i, row] of (decoded[table] ?? []).entries()) {
      const parsed = schema.safeParse(row);
      if (!parsed.success) return rowError(table, i, parsed.error.issues[0]!);
      out.push(parsed.data);
    }
    rows[table] = out;
  }
  const typed = rows as unknown as BackupRows;
  const problem = inconsistency(typed);
  if (problem) return fail('inconsistent', problem);
  for (const [i, shot] of typed.screenshots.entries()) {
    const bytes = new Uint8Array(await shot.blob.arrayBuffer());
    if (!imageKind(bytes)) {
      const what = describeNotImage(bytes);
      return fail('screenshotNotImage', `screenshots.${i}: ${what}`, [String(i + 1), what]);
    }
  }
  return { ok: true, rows: typed, tables: checked.tables };
}

/** What in schema-valid rows contradicts itself: duplicate ids, records of an audit or page the backup lacks. */
function inconsistency(rows: BackupRows): string | null {
  const ids = (table: BackupTable, list: ReadonlyArray<{ id?: string; key?: string }>): string | null => {
    const seen = new Set<string>();
    for (const [i, r] of list.entries()) {
      const id = r.id ?? r.key ?? '';
      if (seen.has(id)) return `${table}.${i}: duplicate ${id}`;
      seen.add(id);
    }
    return null;
  };
  for (const table of BACKUP_TABLES) {
    const dup = ids(table, rows[table] as ReadonlyArray<{ id?: string; key?: string }>);
    if (dup) return dup;
  }
  const audits = new Set(rows.audits.map((a) => a.id));
  const pages = new Map(rows.pages.map((p) => [p.id, p.auditId]));
  for (const [i, p] of rows.pages.entries())
    if (!audits.has(p.auditId)) return `pages.${i}.auditId: no audit ${p.auditId}`;
  for (const [i, f] of rows.findings.entries()) {
    if (!audits.has(f.auditId)) return `findings.${i}.auditId: no audit ${f.auditId}`;
    if (f.pageId !== null && pages.get(f.pageId) !== f.auditId) return `findings.${i}.pageId: no page ${f.pageId}`;
  }
  for (const [i, s] of rows.screenshots.entries())
    if (!audits.has(s.auditId)) return `screenshots.${i}.auditId: no audit ${s.auditId}`;
  for (const [i, s] of rows.sites.entries()) {
    if (!audits.has(s.auditId)) return `sites.${i}.auditId: no audit ${s.auditId}`;
    if (s.id !== siteRecordId(s.auditId, s.origin)) return `sites.${i}.id: not the id of its audit and site`;
  }
  return null;
}

/** The per-task counts of these findings and pages (task-counts.ts's one recount). */
export function countRows(rows: Pick<BackupRows, 'findings' | 'pages'>): TaskCount[] {
  const tally = new TaskTally();
  for (const f of rows.findings) tally.finding(f);
  for (const p of rows.pages) tally.page(p);
  return tally.counts();
}

/**
 * Replaces the database's content with a backup's, after checking all of it (see the header). A refused backup is an
 * `ok: false` result; a write that fails (full disk, database closed) throws a StorageError. Either way the database
 * is unchanged.
 */
export async function restoreDatabase(db: GongkaiDb, blob: Blob): Promise<RestoreResult> {
  const read = await readBackup(db, blob);
  if (!read.ok) return read;
  const { rows } = read;
  const counts = countRows(rows);
  await guardWrite(() =>
    db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
      await db.plans.bulkAdd(rows.plans);
      await db.settings.bulkAdd(rows.settings);
      await db.audits.bulkAdd(rows.audits);
      await db.pages.bulkAdd(rows.pages);
      await db.findings.bulkAdd(rows.findings);
      await db.screenshots.bulkAdd(rows.screenshots);
      await db.pins.bulkAdd(rows.pins);
      // A backup of a database before version 3 has no sites table: none restored.
      await db.sites.bulkAdd(rows.sites);
      await db.taskCounts.bulkAdd(counts);
    }),
  );
  return { ok: true, tables: { ...read.tables, taskCounts: counts.length } };
}
