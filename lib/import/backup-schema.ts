/**
 * The schema of every row of a backup, one per table: the stored records' own schemas (lib/storage/records.ts), the
 * same the audit file reads, so a row a restore accepts is a row an import would accept too.
 *
 * Decides: which tables a backup carries rows for and what each row must be; that `taskCounts` rows are not taken
 * from the file at all (they are recounted from the findings and pages, task-counts.ts).
 * Does not decide: the backup's envelope (dexie-export-import's JSON, backup.ts).
 */
import {
  AuditSchema,
  FindingSchema,
  PageSchema,
  PinSchema,
  ScreenshotSchema,
  SettingSchema,
  SiteRecordSchema,
  StoredPlanSchema,
} from '../storage/records';

/** Row schemas by table; `taskCounts` is absent on purpose (recounted). */
export const BACKUP_ROW_SCHEMAS = {
  plans: StoredPlanSchema,
  settings: SettingSchema,
  audits: AuditSchema,
  pages: PageSchema,
  findings: FindingSchema,
  screenshots: ScreenshotSchema,
  pins: PinSchema,
  sites: SiteRecordSchema,
} as const;

export type BackupTable = keyof typeof BACKUP_ROW_SCHEMAS;
export const BACKUP_TABLES = Object.keys(BACKUP_ROW_SCHEMAS) as BackupTable[];
