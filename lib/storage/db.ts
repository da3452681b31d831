/**
 * The extension's one IndexedDB database (Dexie), versioned. Everything the user makes stays here, on this machine.
 * Version 1: imported plans and settings. Later versions add audits, pages, findings and screenshots; each new
 * version keeps every earlier `version(n)` declaration so Dexie can upgrade a database written by any of them
 * (and a test upgrades one written by each earlier version).
 */
import Dexie, { type Table } from 'dexie';
import type { Plan } from '../plan/model';
import type { PlanWarning } from '../plan/errors';

export const DB_NAME = 'gongkai-inspector';

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

export class GongkaiDb extends Dexie {
  plans!: Table<StoredPlan, string>;
  settings!: Table<Setting, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({ plans: 'id, importedAt', settings: 'key' });
  }
}

let shared: GongkaiDb | null = null;

/** The database of this extension (one instance per page). */
export function database(): GongkaiDb {
  shared ??= new GongkaiDb();
  return shared;
}
