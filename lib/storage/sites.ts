/**
 * An audit's site records (a whole-site patrol's result per site): written when a patrol ends, read by the exports and
 * the audit file; links to other sites checked later update it. Decides that the latest patrol of a site wins: a record older than the stored one (by `patrolledAt`)
 * is not written. Does not decide the record's content (lib/patrol/site-record.ts) nor how an import merges
 * (lib/import/merge.ts, the same rule).
 */
import type { GongkaiDb, SiteLink, SiteRecord } from './db';

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

/** A later check of the record's links to other sites (same patrol): their verdicts replaced; the record returned. */
export async function updateExternalLinks(
  db: GongkaiDb,
  id: string,
  checked: ReadonlyArray<{ url: string; verdict: SiteLink['verdict']; status: number; detail: string }>,
): Promise<SiteRecord> {
  return db.transaction('rw', db.sites, async () => {
    const record = await db.sites.get(id);
    if (!record) throw new Error(`no site record ${id}`);
    const by = new Map(checked.map((c) => [c.url, c]));
    const next: SiteRecord = {
      ...record,
      externalLinks: record.externalLinks.map((l) => {
        const c = by.get(l.url);
        return c ? { ...l, verdict: c.verdict, status: c.status, detail: c.detail } : l;
      }),
    };
    await db.sites.put(next);
    return next;
  });
}
