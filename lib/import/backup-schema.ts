/**
 * The schema of every row of a backup, one per table — the same record schemas as the audit file
 * (lib/export/audit-file.ts) for audits, pages, findings, pins, site records and screenshots' metadata, so a row a restore accepts is
 * a row an import would accept too.
 *
 * Decides: which tables a backup carries rows for and what each row must be; that `taskCounts` rows are not taken
 * from the file at all (they are recounted from the findings and pages, task-counts.ts).
 * Does not decide: the backup's envelope (dexie-export-import's JSON, backup.ts).
 */
import { z } from 'zod';
import {
  AuditSchema,
  FindingSchema,
  PageSchema,
  PinSchema,
  ScreenshotEntrySchema,
  SiteRecordSchema,
} from '../export/audit-file';
import { WARNING_CODES } from '../plan/errors';
import { Plan } from '../plan/model';
import type { Screenshot, Setting, StoredPlan } from '../storage/db';

const PlanWarningSchema = z.object({
  severity: z.literal('warning'),
  code: z.enum(WARNING_CODES),
  key: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  line: z.number().int().optional(),
  row: z.number().int().optional(),
  message: z.string(),
  messageZh: z.string(),
});

export const StoredPlanSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  region: z.string(),
  year: z.number().int().nullable(),
  taskCount: z.number().int().nonnegative(),
  importedAt: z.string().min(1),
  origin: z.object({ kind: z.enum(['text', 'file', 'page']), name: z.string() }),
  plan: Plan,
  warnings: z.array(PlanWarningSchema),
});

export const SettingSchema = z.object({ key: z.string().min(1), value: z.unknown() });

export const StoredScreenshotSchema = ScreenshotEntrySchema.omit({ type: true, size: true, file: true }).extend({
  blob: z.instanceof(Blob),
});

/** Row schemas by table; `taskCounts` is absent on purpose (recounted). */
export const BACKUP_ROW_SCHEMAS = {
  plans: StoredPlanSchema,
  settings: SettingSchema,
  audits: AuditSchema,
  pages: PageSchema,
  findings: FindingSchema,
  screenshots: StoredScreenshotSchema,
  pins: PinSchema,
  sites: SiteRecordSchema,
} as const;

export type BackupTable = keyof typeof BACKUP_ROW_SCHEMAS;
export const BACKUP_TABLES = Object.keys(BACKUP_ROW_SCHEMAS) as BackupTable[];

// Kept in step with lib/storage/db.ts: a field added there without its schema fails tsc here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesStorage: [
  Same<z.infer<typeof StoredPlanSchema>, StoredPlan>,
  Same<z.infer<typeof StoredScreenshotSchema>, Screenshot>,
  Same<Pick<z.infer<typeof SettingSchema>, 'key'>, Pick<Setting, 'key'>>,
] = [true, true, true];
void schemaMatchesStorage;
