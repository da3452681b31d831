/**
 * The extension's one IndexedDB database (Dexie), versioned. Everything the user makes stays here, on this machine.
 *
 * Decides: the tables, their indexes and the record shapes; how versions are declared.
 * Does not decide: what is written when (audits.ts, findings.ts, screenshots.ts, pins.ts, settings.ts, plans.ts) nor
 * how it is read for the panel (coverage.ts, findings-query.ts).
 *
 * Versions. `STORES` lists every released version's `stores()` declaration, oldest first, and the constructor
 * declares all of them so Dexie can upgrade a database written by any of them. A released entry is never edited:
 * a change is a new entry (plus an `upgrade` function in `UPGRADES` when existing records must be rewritten).
 *   1. plans, settings.
 *   2. audits, pages, findings, screenshots, pins, taskCounts (no upgrade: new tables only, v1 data kept as is).
 *   3. sites: a whole-site patrol's result per audit and site (no upgrade: a new table; audits patrolled before keep
 *      their site results as findings on the home page, which the exports still read when an audit has no record).
 * Adding version n: append `STORES[n]`, add `UPGRADES[n]` if needed, and in migrations.test.ts add the case of
 * version n (its fixture `fixtures/v<n>.json`, written by `npx tsx tests/helpers/dump-database.ts` once version
 * n is current) and adapt the case of version n-1 so it checks the upgrade. Each case writes a database of its
 * version with real data through a Dexie declaring only `STORES` 1…its version, then opens it with GongkaiDb. Keep
 * every older case and fixture: each one upgrades from its version all the way to the newest.
 *
 * Indexes (why each exists):
 *   audits       status (list active/archived), updatedAt (most recent first)
 *   pages        auditId, [auditId+url] (the page of a URL), [auditId+visitedAt] (pages by time)
 *   findings     auditId; [auditId+pageId] (a page's findings, re-check); [auditId+taskId] (task filter);
 *                [auditId+status] (status filter, problems-first order); [auditId+sortKey] (plan order);
 *                [auditId+updatedAt] (newest first); [auditId+hasNote], [auditId+hasScreenshot] (0/1 filters —
 *                booleans are not IndexedDB keys); [auditId+seq] (what changed since: the list cache's sync)
 *   screenshots  auditId, findingId, [auditId+capturedAt]
 *   pins         origin (a site's pins)
 *   taskCounts   primary key [auditId+taskKey]; auditId (the coverage query reads ≤ tasks+1 small rows)
 *   sites        auditId (an audit's patrol results, for its exports and its audit file)
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { CheckStatus, ElementResult, Message, PageKind } from '../checks/types';
import type { ColumnSource } from '../engine/column';
import type { Plan } from '../plan/model';
import type { PlanWarning } from '../plan/errors';
import type { Evidence } from '../snapshot/types';

export const DB_NAME = 'gongkai-inspector';

/** Every released schema, oldest first. Never edit a released entry; append a new one. */
export const STORES: ReadonlyArray<Readonly<Record<string, string | null>>> = [
  // version 1
  { plans: 'id, importedAt', settings: 'key' },
  // version 2
  {
    audits: 'id, status, updatedAt',
    pages: 'id, auditId, [auditId+url], [auditId+visitedAt]',
    findings:
      'id, auditId, [auditId+pageId], [auditId+taskId], [auditId+status], [auditId+sortKey], [auditId+updatedAt], [auditId+hasNote], [auditId+hasScreenshot], [auditId+seq]',
    screenshots: 'id, auditId, findingId, [auditId+capturedAt]',
    pins: 'id, origin',
    taskCounts: '[auditId+taskKey], auditId',
  },
  // version 3
  { sites: 'id, auditId' },
];

export const DB_VERSION = STORES.length;

/** Data rewrites run when upgrading to a version (by version number). None so far. */
const UPGRADES: Readonly<Record<number, (tx: Transaction) => Promise<void>>> = {};

/* ---------------------------------------------------------------------------------------------------------------
 * Version 1
 * ------------------------------------------------------------------------------------------------------------- */

export interface StoredPlan {
  id: string;
  title: string;
  region: string;
  year: number | null;
  taskCount: number;
  /** ISO time of the import. */
  importedAt: string;
  /** Where the plan came from: pasted text, a file (its name), or a portal page (its URL). */
  origin: { kind: 'text' | 'file' | 'page'; name: string };
  plan: Plan;
  warnings: PlanWarning[];
}

export interface Setting {
  key: string;
  value: unknown;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Version 2
 * ------------------------------------------------------------------------------------------------------------- */

export interface Audit {
  id: string;
  name: string;
  /** The audited site, as a URL origin: `http://www.luoyuan.gov.cn`. */
  origin: string;
  planId: string;
  /** Who created the audit (the inspector name in the settings at the time). */
  inspector: string;
  status: 'active' | 'archived';
  createdAt: string;
  updatedAt: string;
  /** Bumped on every write of the audit record itself (name, status). */
  rev: number;
  /** Bumped by every transaction that writes findings of the audit; each finding written carries the new value as
   * its `seq` (finding-commit.ts). Not part of `rev`: recording findings is no edit of the audit. */
  writeSeq: number;
  /** Bumped by every transaction that deletes findings of the audit. */
  deleteSeq: number;
}

/** A page visited during an audit (one record per audit and URL; re-checking updates it). */
export interface StoredPage {
  /** Stable: a hash of the audit id and the URL. */
  id: string;
  auditId: string;
  /** Without its #fragment. */
  url: string;
  title: string;
  column: { name: string | null; source: ColumnSource; path: string[] };
  pageKind: PageKind;
  /** 单位/网站名称 and 网站标识码 from the page's meta tags, when it has them. */
  siteName: string | null;
  siteIdCode: string | null;
  /** The unit the page says published it (来源 / 发布机构 …), when it says; absent on pages recorded before. */
  publisher?: string;
  /** Hash of the snapshot the findings were computed from: the same hash means the page did not change. */
  snapshotHash: string;
  /** The plan tasks matched to the page's column at the last visit, best first. */
  taskIds: string[];
  firstVisitedAt: string;
  visitedAt: string;
  visits: number;
  rev: number;
}

/** A person's verdict (Accessibility Insights' PASS / FAIL / UNKNOWN, plus N/A). */
export type Verdict = 'PASS' | 'FAIL' | 'N/A' | 'UNKNOWN';
export type Severity = 'high' | 'medium' | 'low';
/** 整改状态 / 整改期限. */
export interface Rectification {
  status: 'open' | 'fixing' | 'fixed';
  /** YYYY-MM-DD, or null when no deadline is set. */
  due: string | null;
}

/** A required element the page lacks (缺失要素): missing, or labelled with no value. */
export interface MissingElement {
  id: string;
  name: string;
  status: 'missing' | 'empty';
}

/** The fields a person edits; each is merged on its own when two panels edit the same finding. */
export interface FindingEdits {
  verdict: Verdict | null;
  note: string;
  severity: Severity | null;
  rectification: Rectification | null;
}
export type EditableField = keyof FindingEdits;
export const EDITABLE_FIELDS: readonly EditableField[] = ['verdict', 'note', 'severity', 'rectification'];

/** The machine's part of a finding (what the engine said). */
export interface MachineResult {
  status: CheckStatus;
  message: Message;
  details: Message[];
  missing: MissingElement[];
}

/** An earlier state kept when it was replaced: the machine's result changed, a person changed their verdict or note,
 * or an edit lost a conflict (kept so nothing typed is lost). */
export interface FindingVersion {
  cause: 'machine' | 'edit' | 'conflict';
  /** The finding's rev when this version was current (for a conflict: the rev the rejected edit was based on). */
  rev: number;
  at: string;
  by: string;
  machine?: MachineResult;
  edits?: Partial<FindingEdits>;
}

export interface Finding extends FindingEdits {
  /** Auto: a hash of audit + URL + check + template (+ element, item), so a re-check updates rather than duplicates.
   * Manual checklist answer: a hash of audit + URL + clause id. Free-form manual finding: a random UUID. */
  id: string;
  auditId: string;
  /** null for a checklist answer about the task as a whole (no page). */
  pageId: string | null;
  url: string;
  /** Page title (页面标题), copied from the page so lists and exports need no join. */
  title: string;
  /** The plan task the finding counts for; null for site-wide rules (page meta tags) or a page no task matched. */
  taskId: string | null;
  kind: 'auto' | 'manual';
  /** The check id for auto findings; `manual-checklist` or `manual` for a person's. */
  checkId: string;
  templateId?: string;
  elementId?: string;
  /** The checklist clause (task clause id) a manual answer is about. */
  itemId?: string;
  /** The engine's status; null for manual findings. */
  machineStatus: CheckStatus | null;
  /** The engine's message; null for manual findings. */
  message: Message | null;
  details: Message[];
  evidence: Evidence[];
  /** Per-element results of template and meta-tag checks, as the engine gave them. */
  elements: ElementResult[];
  /** 缺失要素: required elements missing or empty (derived from `elements`). */
  missing: MissingElement[];
  /** The effective status: from the verdict when a person gave one, else the machine's (manual without a verdict:
   * needs-review). Stored because it is indexed. */
  status: CheckStatus;
  hasNote: 0 | 1;
  screenshotIds: string[];
  hasScreenshot: 0 | 1;
  /** Who ran the check (auto) or wrote the finding (manual). */
  inspector: string;
  /** Who gave the current verdict, and when. */
  verdictBy: string | null;
  verdictAt: string | null;
  /** Who last changed any of the person's fields (verdict, note, severity, rectification). */
  editedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Revision, bumped on every write: a panel saves with the rev it read (optimistic concurrency). */
  rev: number;
  /** The rev at which each editable field last changed: two panels' edits of different fields merge. */
  fieldRevs: Partial<Record<EditableField, number>>;
  history: FindingVersion[];
  /** The audit's `writeSeq` of the transaction that last wrote this record. */
  seq: number;
  /** False when the finding is a generic check (no leak, metadata …) that says nothing specific about its task: the
   * task's coverage then does not count it as checked. Absent (records before it existed, a person's findings): true. */
  taskSpecific?: boolean;
  /** Plan order: task position, page URL, then check; indexed for the list's default order. */
  sortKey: string;
  /** Normalised text searched by the list (message args, evidence, missing elements, note, URL, title). */
  search: string;
}

export interface Screenshot {
  id: string;
  auditId: string;
  /** The finding it was taken for, if any. Which findings show it is `Finding.screenshotIds`. */
  findingId?: string;
  blob: Blob;
  url: string;
  capturedAt: string;
  width: number;
  height: number;
}

/** A column pinned to plan tasks on a site: the matcher then uses these tasks for the column. */
export interface ColumnPin {
  /** origin + '|' + normalised column name. */
  id: string;
  origin: string;
  /** The column name as the user saw it. */
  column: string;
  taskIds: string[];
  updatedAt: string;
}

/** Per audit and task, how many findings have each effective status, and how many pages matched the task.
 * Kept in the same transaction as every finding write (task-counts.ts); taskKey '' = findings of no task. */
export interface TaskCount {
  auditId: string;
  taskKey: string;
  pass: number;
  fail: number;
  review: number;
  na: number;
  pages: number;
  /** Of those, findings of generic checks (no leak, metadata …) that say nothing specific about the task, by status.
   * Absent in rows written before they were counted: such rows hold only task-specific findings (the old reading). */
  gpass?: number;
  gfail?: number;
  greview?: number;
  gna?: number;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Version 3
 * ------------------------------------------------------------------------------------------------------------- */

/** A column of a patrolled site, as the patrol judged it (lib/crawl/column-tree.ts). */
export interface SiteColumn {
  name: string;
  url: string;
  path: string[];
  /** The indicator set's column kind (news, notice …), null when the name is of no kind. */
  kind: string | null;
  kindLabel: string | null;
  /** Newest dated item (YYYY-MM-DD) and its title. */
  latest: string | null;
  latestTitle: string | null;
  items: number;
  status: 'fresh' | 'stale' | 'blank' | 'blank-explained' | 'undated' | 'unknown' | 'no-rule';
  ageDays: number | null;
  /** The time rule applied, as words (`国办秘函〔2019〕19号… 动态/要闻：14 天`), null when none. */
  rule: string | null;
  /** True when that rule is the indicator set's default (no 19号 limit, no plan period). */
  ruleIsDefault: boolean;
  /** The page's own word on why it is empty (备注说明 …). */
  explanation: string | null;
}

/** A link the patrol checked (or, for other sites, only listed). */
export interface SiteLink {
  url: string;
  verdict: 'ok' | 'dead' | 'suspected' | 'not-checked';
  /** HTTP status, 0 for a network error, time-out or no check. */
  status: number;
  detail: string;
  /** The first pages it was found on (at most 10) and how many in all. */
  foundOn: string[];
  foundCount: number;
}

/** The plan's view of the site: a task, the columns serving it, and whether any of them has content. */
export interface SiteTask {
  taskId: string;
  no: string;
  title: string;
  columns: Array<{ name: string; url: string; status: SiteColumn['status'] }>;
  status: 'covered' | 'blank' | 'missing';
}

/** One 单项否决 indicator as decided, with its evidence. */
export interface SiteVeto {
  id: string;
  name: string;
  triggered: boolean;
  /** False when the crawl saw nothing to judge by. */
  decided: boolean;
  threshold: string;
  source: string;
  evidence: string[];
}

/** A whole-site patrol's result: one record per audit and site — the latest patrol of the site replaces it. */
export interface SiteRecord {
  /** Stable: a hash of the audit id and the site's origin (ids.ts `siteRecordId`). */
  id: string;
  auditId: string;
  /** The patrolled site, as a URL origin. */
  origin: string;
  /** The start address. */
  start: string;
  /** When the patrol ended (ISO). */
  patrolledAt: string;
  /** The patrol's `now` (ISO): the day statuses were judged against. */
  judgedAt: string;
  inspector: string;
  indicators: { id: string; ref: string; version: string };
  ended: 'complete' | 'max-pages' | 'max-time' | 'stopped';
  pages: number;
  skipped: { robots: number; offsite: number; limit: number };
  columns: SiteColumn[];
  deadLinks: SiteLink[];
  suspectedLinks: SiteLink[];
  externalLinks: SiteLink[];
  tasks: SiteTask[];
  vetoes: SiteVeto[];
  /** What the crawl could not do or read (robots.txt unreachable, a page too large …). */
  notes: string[];
}

export class GongkaiDb extends Dexie {
  plans!: Table<StoredPlan, string>;
  settings!: Table<Setting, string>;
  audits!: Table<Audit, string>;
  pages!: Table<StoredPage, string>;
  findings!: Table<Finding, string>;
  screenshots!: Table<Screenshot, string>;
  pins!: Table<ColumnPin, string>;
  taskCounts!: Table<TaskCount, [string, string]>;
  sites!: Table<SiteRecord, string>;

  constructor(name = DB_NAME) {
    super(name);
    STORES.forEach((stores, i) => {
      const version = this.version(i + 1).stores({ ...stores });
      const upgrade = UPGRADES[i + 1];
      if (upgrade) version.upgrade(upgrade);
    });
  }
}

let shared: GongkaiDb | null = null;

/** The database of this extension (one instance per page). */
export function database(): GongkaiDb {
  shared ??= new GongkaiDb();
  return shared;
}
