/**
 * Backup and restore of the whole database (every table, screenshots' bytes included) with dexie-export-import.
 *
 * Decides: a backup is dexie-export-import's JSON (`formatName: 'dexie'`); a restore reads and checks the whole file
 * first (JSON, complete, a Dexie export, of this database's tables, of a schema version this build can read) and only
 * then replaces the database's content in one transaction (`importInto`, tables cleared first): a bad backup is refused
 * with the database untouched, and a restore that fails half-way is rolled back.
 * Does not decide: single audits (lib/export/audit-file.ts, merge.ts).
 * Needs the browser's `self` and `FileReader` (tests: node-globals.ts).
 */
import { exportDB, importInto } from 'dexie-export-import';
import { DB_VERSION, STORES, type GongkaiDb } from '../storage/db';

export type BackupErrorCode = 'notJson' | 'truncated' | 'foreign' | 'newerVersion' | 'invalid';

export const BACKUP_ERROR_KEYS: Readonly<Record<BackupErrorCode, string>> = {
  notJson: 'backupNotJson',
  truncated: 'backupTruncated',
  foreign: 'backupForeign',
  newerVersion: 'backupNewerVersion',
  invalid: 'backupInvalid',
};

export interface BackupError {
  code: BackupErrorCode;
  key: string;
  detail: string;
}

export type RestoreResult = { ok: true; tables: Record<string, number> } | { ok: false; error: BackupError };

const fail = (code: BackupErrorCode, detail: string): { ok: false; error: BackupError } => ({
  ok: false,
  error: { code, key: BACKUP_ERROR_KEYS[code], detail },
});

/** The whole database as a backup file (JSON in a Blob). */
export function backupDatabase(db: GongkaiDb): Promise<Blob> {
  return exportDB(db, { prettyJson: false });
}

const KNOWN_TABLES = new Set(STORES.flatMap((s) => Object.keys(s)));

/** Checks a backup file without writing anything; returns the row count of each table. */
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
  for (const [i, t] of (data.data as Array<{ tableName?: unknown; rows?: unknown }>).entries()) {
    if (!t || typeof t.tableName !== 'string' || !Array.isArray(t.rows)) return fail('invalid', `data.data.${i}`);
    if (!KNOWN_TABLES.has(t.tableName)) return fail('foreign', `table ${t.tableName}`);
    const declared = (data.tables as Array<{ name?: unknown; rowCount?: unknown }>).find(
      (x) => x?.name === t.tableName,
    );
    if (declared && typeof declared.rowCount === 'number' && declared.rowCount !== t.rows.length)
      return fail('truncated', `${t.tableName}: ${t.rows.length} of ${declared.rowCount} rows`);
    counts[t.tableName] = t.rows.length;
  }
  return { ok: true, tables: counts };
}

/** Replaces the database's content with a backup's, after checking all of it; a refused backup writes nothing. */
export async function restoreDatabase(db: GongkaiDb, blob: Blob): Promise<RestoreResult> {
  const checked = await checkBackup(blob);
  if (!checked.ok) return checked;
  await importInto(db, blob, {
    clearTablesBeforeImport: true,
    acceptNameDiff: true,
    acceptVersionDiff: true,
    acceptMissingTables: true,
    overwriteValues: true,
  });
  return checked;
}
