/**
 * The extension's one IndexedDB database (Dexie), versioned. Everything the user makes stays here, on this machine.
 *
 * Decides: the tables, their indexes and how versions are declared. The records' shapes are records.ts's (zod
 * schemas, the types inferred from them), re-exported here as types.
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
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type {
  Audit,
  ColumnPin,
  EditableField,
  Finding,
  Screenshot,
  Setting,
  SiteRecord,
  StoredPage,
  StoredPlan,
  TaskCount,
} from './records';

export type * from './records';

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

/** The fields a person edits, each merged on its own (records.ts `FindingEdits`); kept here, not in records.ts, so
 * that writing a finding loads no schema library. */
export const EDITABLE_FIELDS = [
  'verdict',
  'note',
  'severity',
  'rectification',
] as const satisfies readonly EditableField[];
const everyEditableFieldListed: Exclude<EditableField, (typeof EDITABLE_FIELDS)[number]> extends never ? true : false =
  true;
void everyEditableFieldListed;

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

  /**
   * `dependencies` names the IndexedDB to use (the command line's in-memory fake-indexeddb), so that the database never
   * depends on which module happened to set a global first; the extension uses the browser's.
   */
  constructor(name = DB_NAME, dependencies?: DexieOptions) {
    super(name, dependencies);
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
