/**
 * An audit's site records (a whole-site patrol's result per site): written when a patrol ends, read by the exports and
 * the audit file. Decides that the latest patrol of a site wins: a record older than the stored one (by `patrolledAt`)
 * is not written. Does not decide the record's content (lib/patrol/site-record.ts) nor how an import merges
 * (lib/import/merge.ts, the same rule).
 */
import type { GongkaiDb, SiteRecord } from './db';

/** Stores the record unless a later patrol of the same site is already stored; true when written. */
export async function saveSiteRecord(db: GongkaiDb, record: SiteRecord): Promise<boolean> {
  return db.transaction('rw', db.sites, async () => {
    const ours = await db.sites.get(record.id);
    if (ours && ours.patrolledAt > record.patrolledAt) return false;
    await db.sites.put(record);
    return true;
  });
}

/** The audit's site records, by origin. */
export async function siteRecordsOf(db: GongkaiDb, auditId: string): Promise<SiteRecord[]> {
  const rows = await db.sites.where('auditId').equals(auditId).toArray();
  return rows.sort((a, b) => a.origin.localeCompare(b.origin));
}
