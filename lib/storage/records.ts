/**
 * Every record the database stores, declared once: as a zod schema, with its TypeScript type `z.infer` of it. The
 * tables (db.ts), the audit file (lib/export/audit-file.ts) and the backup (lib/import/backup-schema.ts) all use these,
 * so a field added to a record is a field the audit file writes and a reader checks — it cannot be forgotten in one.
 *
 * Decides: each record's fields, which may be absent (`exactOptional`: the key is left out, never set to undefined),
 * and what a reader of a file accepts for each.
 * Does not decide: tables, indexes and versions (db.ts); the audit file's envelope and its screenshot entries
 * (audit-file.ts); the parts of a patrol's result (lib/crawl/patrol-records.ts), which the site record holds.
 *
 * A field added later must be optional here (`exactOptional`, and say what its absence means) unless an upgrade in
 * db.ts writes it into every older record: older databases, audit files and backups are read with these schemas.
 * The parts declared by the engine (messages, evidence, element results, plan warnings) are described here for
 * reading files and checked against their declarations at the end: a change there fails tsc here.
 */
import { z } from 'zod';
import type { CheckStatus, ElementResult, Message, PageKind } from '../checks/types';
import type { ColumnSource } from '../engine/column';
import { WARNING_CODES, type PlanWarning } from '../plan/errors';
import { Plan } from '../plan/model';
import type { Evidence, Locator } from '../snapshot/types';
import { SiteColumnSchema, SiteLinkSchema, SiteTaskSchema, SiteVetoSchema } from '../crawl/patrol-records';

const isoTime = z.string().min(1);
const id = z.string().min(1);
const int = z.number().int();
const count = int.nonnegative();
/** 0/1 flags: booleans are not IndexedDB keys. */
const flag = z.union([z.literal(0), z.literal(1)]);

/* ---------------------------------------------------------------------------------------------------------------
 * Parts declared by the engine and the plan model, as stored
 * ------------------------------------------------------------------------------------------------------------- */

const MessageSchema = z.object({ key: z.string(), args: z.array(z.string()) });
const LocatorSchema = z.object({ frame: z.array(int), path: z.string() });
const EvidenceSchema = z.object({ text: z.string(), locator: LocatorSchema });
const CheckStatusSchema = z.enum(['pass', 'fail', 'needs-review', 'not-applicable']);
const PageKindSchema = z.enum(['home', 'list', 'detail', 'other']);
const ColumnSourceSchema = z.enum(['meta', 'breadcrumb', 'title', 'url', 'none']);
const ElementResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['present', 'empty', 'missing']),
  required: z.boolean(),
  label: z.string().exactOptional(),
  value: z.string().exactOptional(),
  locator: LocatorSchema.exactOptional(),
  kindProblem: MessageSchema.exactOptional(),
});
const PlanWarningSchema = z.object({
  severity: z.literal('warning'),
  code: z.enum(WARNING_CODES),
  key: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  line: int.exactOptional(),
  row: int.exactOptional(),
  message: z.string(),
  messageZh: z.string(),
});

/* ---------------------------------------------------------------------------------------------------------------
 * Version 1: plans, settings
 * ------------------------------------------------------------------------------------------------------------- */

export const StoredPlanSchema = z.object({
  id,
  title: z.string(),
  region: z.string(),
  year: int.nullable(),
  taskCount: count,
  /** ISO time of the import. */
  importedAt: isoTime,
  /** Where the plan came from: pasted text, a file (its name), or a portal page (its URL). */
  origin: z.object({ kind: z.enum(['text', 'file', 'page']), name: z.string() }),
  plan: Plan,
  warnings: z.array(PlanWarningSchema),
});
export type StoredPlan = z.infer<typeof StoredPlanSchema>;

/** A setting; what each key holds is settings.ts's (read with a default, so any stored value is safe). */
export const SettingSchema = z.object({ key: id, value: z.unknown() });
export type Setting = z.infer<typeof SettingSchema>;

/* ---------------------------------------------------------------------------------------------------------------
 * Version 2: audits, pages, findings, screenshots, pins, per-task counts
 * ------------------------------------------------------------------------------------------------------------- */

export const AuditSchema = z.object({
  id,
  name: z.string(),
  /** The audited site, as a URL origin: `http://www.luoyuan.gov.cn`. */
  origin: z.string(),
  planId: z.string(),
  /** Who created the audit (the inspector name in the settings at the time). */
  inspector: z.string(),
  status: z.enum(['active', 'archived']),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** Bumped on every write of the audit record itself (name, status). */
  rev: int,
  /** Bumped by every transaction that writes findings of the audit; each finding written carries the new value as
   * its `seq` (finding-commit.ts). Not part of `rev`: recording findings is no edit of the audit. */
  writeSeq: int,
  /** Bumped by every transaction that deletes findings of the audit. */
  deleteSeq: int,
});
export type Audit = z.infer<typeof AuditSchema>;

/** A page visited during an audit (one record per audit and URL; re-checking updates it). */
export const PageSchema = z.object({
  /** Stable: a hash of the audit id and the URL. */
  id,
  auditId: z.string(),
  /** Without its #fragment. */
  url: z.string(),
  title: z.string(),
  column: z.object({ name: z.string().nullable(), source: ColumnSourceSchema, path: z.array(z.string()) }),
  pageKind: PageKindSchema,
  /** 单位/网站名称 and 网站标识码 from the page's meta tags, when it has them. */
  siteName: z.string().nullable(),
  siteIdCode: z.string().nullable(),
  /** The unit the page says published it (来源 / 发布机构 …), when it says; absent on pages recorded before. */
  publisher: z.string().exactOptional(),
  /** Hash of the snapshot the findings were computed from: the same hash means the page did not change. */
  snapshotHash: z.string(),
  /** The plan tasks matched to the page's column at the last visit, best first. */
  taskIds: z.array(z.string()),
  firstVisitedAt: isoTime,
  visitedAt: isoTime,
  visits: int,
  rev: int,
});
export type StoredPage = z.infer<typeof PageSchema>;

/** A person's verdict (Accessibility Insights' PASS / FAIL / UNKNOWN, plus N/A). */
const VerdictSchema = z.enum(['PASS', 'FAIL', 'N/A', 'UNKNOWN']);
export type Verdict = z.infer<typeof VerdictSchema>;
const SeveritySchema = z.enum(['high', 'medium', 'low']);
export type Severity = z.infer<typeof SeveritySchema>;
/** 整改状态 / 整改期限. */
const RectificationSchema = z.object({
  status: z.enum(['open', 'fixing', 'fixed']),
  /** YYYY-MM-DD, or null when no deadline is set. */
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});
export type Rectification = z.infer<typeof RectificationSchema>;

/** A required element the page lacks (缺失要素): missing, or labelled with no value. */
const MissingElementSchema = z.object({ id: z.string(), name: z.string(), status: z.enum(['missing', 'empty']) });
export type MissingElement = z.infer<typeof MissingElementSchema>;

/** The fields a person edits; each is merged on its own when two panels edit the same finding. */
const FindingEditsSchema = z.object({
  verdict: VerdictSchema.nullable(),
  note: z.string(),
  severity: SeveritySchema.nullable(),
  rectification: RectificationSchema.nullable(),
});
export type FindingEdits = z.infer<typeof FindingEditsSchema>;
export type EditableField = keyof FindingEdits;

/** Of each editable field, the part of an earlier version that was kept (a field left out did not change). */
const SomeEditsSchema = z.object({
  verdict: FindingEditsSchema.shape.verdict.exactOptional(),
  note: FindingEditsSchema.shape.note.exactOptional(),
  severity: FindingEditsSchema.shape.severity.exactOptional(),
  rectification: FindingEditsSchema.shape.rectification.exactOptional(),
});

/** The machine's part of a finding (what the engine said). */
const MachineResultSchema = z.object({
  status: CheckStatusSchema,
  message: MessageSchema,
  details: z.array(MessageSchema),
  missing: z.array(MissingElementSchema),
});
export type MachineResult = z.infer<typeof MachineResultSchema>;

/** An earlier state kept when it was replaced: the machine's result changed, a person changed their verdict or note,
 * or an edit lost a conflict (kept so nothing typed is lost). */
const FindingVersionSchema = z.object({
  cause: z.enum(['machine', 'edit', 'conflict']),
  /** The finding's rev when this version was current (for a conflict: the rev the rejected edit was based on). */
  rev: int,
  at: isoTime,
  by: z.string(),
  machine: MachineResultSchema.exactOptional(),
  edits: SomeEditsSchema.exactOptional(),
});
export type FindingVersion = z.infer<typeof FindingVersionSchema>;

export const FindingSchema = z.object({
  /** Auto: a hash of audit + URL + check + template (+ element, item), so a re-check updates rather than duplicates.
   * Manual checklist answer: a hash of audit + URL + clause id. Free-form manual finding: a random UUID. */
  id,
  auditId: z.string(),
  /** null for a checklist answer about the task as a whole (no page). */
  pageId: z.string().nullable(),
  url: z.string(),
  /** Page title (页面标题), copied from the page so lists and exports need no join. */
  title: z.string(),
  /** The plan task the finding counts for; null for site-wide rules (page meta tags) or a page no task matched. */
  taskId: z.string().nullable(),
  kind: z.enum(['auto', 'manual']),
  /** The check id for auto findings; `manual-checklist` or `manual` for a person's. */
  checkId: z.string(),
  templateId: z.string().exactOptional(),
  elementId: z.string().exactOptional(),
  /** The checklist clause (task clause id) a manual answer is about. */
  itemId: z.string().exactOptional(),
  /** The engine's status; null for manual findings. */
  machineStatus: CheckStatusSchema.nullable(),
  /** The engine's message; null for manual findings. */
  message: MessageSchema.nullable(),
  details: z.array(MessageSchema),
  evidence: z.array(EvidenceSchema),
  /** Per-element results of template and meta-tag checks, as the engine gave them. */
  elements: z.array(ElementResultSchema),
  /** 缺失要素: required elements missing or empty (derived from `elements`). */
  missing: z.array(MissingElementSchema),
  /** The effective status: from the verdict when a person gave one, else the machine's (manual without a verdict:
   * needs-review). Stored because it is indexed. */
  status: CheckStatusSchema,
  hasNote: flag,
  screenshotIds: z.array(z.string()),
  hasScreenshot: flag,
  /** Who ran the check (auto) or wrote the finding (manual). */
  inspector: z.string(),
  /** Who gave the current verdict, and when. */
  verdictBy: z.string().nullable(),
  verdictAt: z.string().nullable(),
  /** Who last changed any of the person's fields (verdict, note, severity, rectification). */
  editedBy: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** Revision, bumped on every write: a panel saves with the rev it read (optimistic concurrency). */
  rev: int,
  /** The rev at which each editable field last changed: two panels' edits of different fields merge. */
  fieldRevs: z.object({
    verdict: int.exactOptional(),
    note: int.exactOptional(),
    severity: int.exactOptional(),
    rectification: int.exactOptional(),
  }),
  history: z.array(FindingVersionSchema),
  /** The audit's `writeSeq` of the transaction that last wrote this record. */
  seq: int,
  /** False when the finding is a generic check (no leak, metadata …) that says nothing specific about its task: the
   * task's coverage then does not count it as checked. Absent (records before it existed, a person's findings): true. */
  taskSpecific: z.boolean().exactOptional(),
  /** Plan order: task position, page URL, then check; indexed for the list's default order. */
  sortKey: z.string(),
  /** Normalised text searched by the list (message args, evidence, missing elements, note, URL, title). */
  search: z.string(),
  ...FindingEditsSchema.shape,
});
export type Finding = z.infer<typeof FindingSchema>;

export const ScreenshotSchema = z.object({
  /** Also the file name of its bytes in an audit zip (`screenshots/<id>.png`), hence the letters allowed. */
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'a screenshot id is letters, digits, - and _'),
  auditId: z.string(),
  /** The finding it was taken for, if any. Which findings show it is `Finding.screenshotIds`. */
  findingId: z.string().exactOptional(),
  blob: z.instanceof(Blob),
  url: z.string(),
  capturedAt: isoTime,
  width: z.number(),
  height: z.number(),
});
export type Screenshot = z.infer<typeof ScreenshotSchema>;

/** A column pinned to plan tasks on a site: the matcher then uses these tasks for the column. */
export const PinSchema = z.object({
  /** origin + '|' + normalised column name. */
  id,
  origin: z.string(),
  /** The column name as the user saw it. */
  column: z.string(),
  taskIds: z.array(z.string()),
  updatedAt: isoTime,
});
export type ColumnPin = z.infer<typeof PinSchema>;

/** Per audit and task, how many findings have each effective status, and how many pages matched the task.
 * Kept in the same transaction as every finding write (task-counts.ts); taskKey '' = findings of no task. Never read
 * from a file: a restore or an import recounts them. */
export const TaskCountSchema = z.object({
  auditId: z.string(),
  taskKey: z.string(),
  pass: count,
  fail: count,
  review: count,
  na: count,
  pages: count,
  /** Of those, findings of generic checks (no leak, metadata …) that say nothing specific about the task, by status.
   * Absent in rows written before they were counted: such rows hold only task-specific findings (the old reading). */
  gpass: count.exactOptional(),
  gfail: count.exactOptional(),
  greview: count.exactOptional(),
  gna: count.exactOptional(),
});
export type TaskCount = z.infer<typeof TaskCountSchema>;

/* ---------------------------------------------------------------------------------------------------------------
 * Version 3: site records
 * ------------------------------------------------------------------------------------------------------------- */

/** A whole-site patrol's result: one record per audit and site — the latest patrol of the site replaces it. */
export const SiteRecordSchema = z.object({
  /** Stable: a hash of the audit id and the site's origin (ids.ts `siteRecordId`). */
  id,
  auditId: z.string(),
  /** The patrolled site, as a URL origin. */
  origin: z.string(),
  /** The start address. */
  start: z.string(),
  /** When the patrol ended (ISO). */
  patrolledAt: isoTime,
  /** The patrol's `now` (ISO): the day statuses were judged against. */
  judgedAt: isoTime,
  inspector: z.string(),
  indicators: z.object({ id: z.string(), ref: z.string(), version: z.string() }),
  ended: z.enum(['complete', 'max-pages', 'max-time', 'stopped']),
  pages: count,
  skipped: z.object({ robots: count, offsite: count, limit: count }),
  columns: z.array(SiteColumnSchema),
  deadLinks: z.array(SiteLinkSchema),
  suspectedLinks: z.array(SiteLinkSchema),
  externalLinks: z.array(SiteLinkSchema),
  tasks: z.array(SiteTaskSchema),
  vetoes: z.array(SiteVetoSchema),
  /** What the crawl could not do or read (robots.txt unreachable, a page too large …). */
  notes: z.array(z.string()),
});
export type SiteRecord = z.infer<typeof SiteRecordSchema>;
export type { SiteColumn, SiteLink, SiteTask, SiteVeto } from '../crawl/patrol-records';

/* ---------------------------------------------------------------------------------------------------------------
 * The engine's parts as described here are exactly as declared there (a change there fails tsc here)
 * ------------------------------------------------------------------------------------------------------------- */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const enginePartsMatch: [
  Same<z.infer<typeof MessageSchema>, Message>,
  Same<z.infer<typeof LocatorSchema>, Locator>,
  Same<z.infer<typeof EvidenceSchema>, Evidence>,
  Same<z.infer<typeof CheckStatusSchema>, CheckStatus>,
  Same<z.infer<typeof PageKindSchema>, PageKind>,
  Same<z.infer<typeof ColumnSourceSchema>, ColumnSource>,
  Same<z.infer<typeof ElementResultSchema>, ElementResult>,
  Same<z.infer<typeof PlanWarningSchema>, PlanWarning>,
] = [true, true, true, true, true, true, true, true];
void enginePartsMatch;
