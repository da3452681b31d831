/**
 * Everything an export needs about one audit, read in one transaction: the audit, its plan, the pages visited, the
 * findings (optionally filtered by the caller first), the screenshots (with their images) and the site's pins.
 * Exporters (spreadsheet, CSV, JSON, report) are pure functions of this.
 */
import type { Plan } from '../plan/model';
import { findPlan } from '../storage/plans';
import type { Audit, ColumnPin, Finding, GongkaiDb, Screenshot, StoredPage } from '../storage/db';

export interface AuditData {
  audit: Audit;
  plan: Plan | null;
  pages: StoredPage[];
  findings: Finding[];
  screenshots: Screenshot[];
  pins: ColumnPin[];
}

export async function loadAuditData(
  db: GongkaiDb,
  auditId: string,
  options: { findings?: (f: Finding) => boolean } = {},
): Promise<AuditData> {
  return db.transaction('r', [db.audits, db.plans, db.pages, db.findings, db.screenshots, db.pins], async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) throw new Error(`no audit ${auditId}`);
    const plan = (await findPlan(db, audit.planId)) ?? null;
    const pages = await db.pages.where('auditId').equals(auditId).toArray();
    const all = await db.findings.where('auditId').equals(auditId).toArray();
    const findings = options.findings ? all.filter(options.findings) : all;
    const screenshots = await db.screenshots.where('auditId').equals(auditId).toArray();
    const pins = await db.pins.where('origin').equals(audit.origin).toArray();
    return { audit, plan, pages, findings, screenshots, pins };
  });
}
