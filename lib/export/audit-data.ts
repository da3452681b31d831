/**
 * Everything an export needs about one audit, read in one transaction: the audit, its plan, the pages visited, the
 * findings (optionally filtered by the caller first), the screenshots (with their images), the site's pins and the
 * audit's site records (whole-site patrol results).
 * Exporters (spreadsheet, CSV, JSON, report) are pure functions of this.
 */
import type { Plan } from '../plan/model';
import { findPlan } from '../storage/plans';
import type { Audit, ColumnPin, Finding, GongkaiDb, Screenshot, SiteRecord, StoredPage } from '../storage/db';
import { siteRecordsOf } from '../storage/sites';

export interface AuditData {
  audit: Audit;
  plan: Plan | null;
  pages: StoredPage[];
  findings: Finding[];
  screenshots: Screenshot[];
  pins: ColumnPin[];
  /** Whole-site patrol results, one per site (empty for an audit never patrolled, or patrolled before version 3). */
  sites: SiteRecord[];
}

export async function loadAuditData(
  db: GongkaiDb,
  auditId: string,
  options: { findings?: (f: Finding) => boolean } = {},
): Promise<AuditData> {
  const tables = [db.audits, db.plans, db.pages, db.findings, db.screenshots, db.pins, db.sites];
  return db.transaction('r', tables, async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) throw new Error(`no audit ${auditId}`);
    const plan = (await findPlan(db, audit.planId)) ?? null;
    const pages = await db.pages.where('auditId').equals(auditId).toArray();
    const all = await db.findings.where('auditId').equals(auditId).toArray();
    const findings = options.findings ? all.filter(options.findings) : all;
    const screenshots = await db.screenshots.where('auditId').equals(auditId).toArray();
    const pins = await db.pins.where('origin').equals(audit.origin).toArray();
    const sites = await siteRecordsOf(db, auditId);
    return { audit, plan, pages, findings, screenshots, pins, sites };
  });
}
