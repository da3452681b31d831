/**
 * The audit a command line run builds (`gongkai audit`, `gongkai crawl`): a fresh in-memory IndexedDB
 * (fake-indexeddb) holding one new audit, recorded through the same path as the extension (the inspector's name in
 * the settings, a plan that is not bundled saved in full, createAudit), deleted when the run ends; and the audit file
 * written from it. Decides neither which pages are recorded nor what is printed: the commands do.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { type AuditData, loadAuditData } from '../export/audit-data';
import { auditFileJson, toAuditFile } from '../export/audit-file';
import { auditZip } from '../export/zip';
import type { Plan } from '../plan/model';
import { createAudit } from '../storage/audits';
import { type Audit, GongkaiDb } from '../storage/db';
import { saveImportedPlan } from '../storage/plans';
import { setInspectorName } from '../storage/settings';
import { bundledPlans } from '../../seeds/index';
import { writeOutput } from './write-output';

export interface CliAuditStart {
  /** The audit's name. */
  name: string;
  origin: string;
  plan: Plan;
  /** The file or id the plan came from (named on a stored imported plan). */
  planSource: string | undefined;
  inspector: string | undefined;
  now: Date;
}

/** The open database, its new audit, and the plan as stored (an imported plan under its stored id). */
export interface CliAudit {
  db: GongkaiDb;
  audit: Audit;
  plan: Plan;
}

let runs = 0;

/** Runs `build` on a fresh database holding the new audit; the database is deleted after, whatever happens. */
export async function withCliAudit<T>(start: CliAuditStart, build: (run: CliAudit) => Promise<T>): Promise<T> {
  // The in-memory IndexedDB is handed to the database, not set as a global: a command that loaded the storage modules
  // before this one (recording, findings) would otherwise have left Dexie without one.
  const db = new GongkaiDb(`gongkai-cli-${process.pid}-${runs++}`, { indexedDB, IDBKeyRange });
  try {
    await db.open();
    if (start.inspector) await setInspectorName(db, start.inspector);
    const { plan, now } = start;
    let planId = plan.id;
    if (!bundledPlans.some((p) => p === plan))
      planId = (await saveImportedPlan(db, plan, [], { kind: 'file', name: start.planSource ?? plan.id }, now)).id;
    const stored = planId === plan.id ? plan : { ...plan, id: planId };
    const audit = await createAudit(db, { name: start.name, origin: start.origin, planId }, now);
    return await build({ db, audit, plan: stored });
  } finally {
    db.close();
    await db.delete();
  }
}

/** Writes the audit file of `audit` to `output`: a .zip when the name says so (no screenshots here), else JSON. */
export async function writeAuditFile(run: CliAudit, output: string, exportedAt: Date): Promise<AuditData> {
  const data = await loadAuditData(run.db, run.audit.id);
  const bytes = /\.zip$/i.test(output)
    ? await auditZip(data, { exportedAt })
    : new TextEncoder().encode(`${auditFileJson(toAuditFile(data, { exportedAt }))}\n`);
  await writeOutput(output, bytes);
  return data;
}
