/**
 * Screenshots as evidence: the image (a Blob, stored as is in IndexedDB), the page URL, the capture time (截图时间) and
 * size, and which findings show it.
 *
 * Decides: a screenshot belongs to an audit; the findings that show it are listed on each finding
 * (`Finding.screenshotIds`, so "has a screenshot" is an index lookup), and one capture may back several findings of
 * its page; `findingId` on the screenshot only says which finding it was taken for. Linking and unlinking bump the
 * finding's rev but never conflict (a set of ids merges by itself). Deleting a screenshot unlinks it everywhere, in
 * the same transaction. The Blob is the largest thing we store: a full disk shows up here first, as a StorageError
 * with reason 'quota', and nothing saved before is touched.
 * Does not decide: how the image is captured or scaled (the background page), nor export.
 */
import type { Finding, GongkaiDb, Screenshot } from './db';
import { commitFindings } from './finding-commit';
import { withDerived } from './finding-record';
import { pageUrl, randomId } from './ids';
import { INVALID_REQUEST_KEYS, InvalidRequest } from './invalid-request';
import { requireWritableAudit } from './audits';
import { guardWrite } from './storage-error';

export interface ScreenshotMeta {
  url: string;
  width: number;
  height: number;
  capturedAt?: Date;
  /** Link it to this finding at once. */
  findingId?: string;
}

/** A write of screenshots and the findings showing them, with the audit's sequence and the task counts, in one
 * transaction; a storage failure as a StorageError. */
function screenshotWrite<T>(db: GongkaiDb, work: () => Promise<T>): Promise<T> {
  return guardWrite(() => db.transaction('rw', [db.audits, db.screenshots, db.findings, db.taskCounts], work));
}

function linked(f: Finding, ids: string[], at: string): Finding {
  return withDerived({ ...f, screenshotIds: ids, rev: f.rev + 1, updatedAt: at });
}

/** Stores a screenshot (and links it to `meta.findingId`, in the same transaction). */
export async function addScreenshot(
  db: GongkaiDb,
  auditId: string,
  blob: Blob,
  meta: ScreenshotMeta,
): Promise<Screenshot> {
  return screenshotWrite(db, async () => {
    const audit = await requireWritableAudit(db, auditId);
    const at = (meta.capturedAt ?? new Date()).toISOString();
    const shot: Screenshot = {
      id: randomId('s'),
      auditId,
      ...(meta.findingId !== undefined ? { findingId: meta.findingId } : {}),
      blob,
      url: pageUrl(meta.url),
      capturedAt: at,
      width: Math.max(0, Math.round(meta.width)),
      height: Math.max(0, Math.round(meta.height)),
    };
    if (meta.findingId !== undefined) {
      const finding = await db.findings.get(meta.findingId);
      if (!finding || finding.auditId !== auditId)
        throw new InvalidRequest(INVALID_REQUEST_KEYS.findingUnknown, meta.findingId);
      await commitFindings(db, audit, {
        put: [{ before: finding, after: linked(finding, [...finding.screenshotIds, shot.id], at) }],
      });
    }
    await db.screenshots.add(shot);
    return shot;
  });
}

async function relink(
  db: GongkaiDb,
  findingId: string,
  screenshotId: string,
  link: boolean,
  now: Date,
): Promise<Finding> {
  return screenshotWrite(db, async () => {
    const finding = await db.findings.get(findingId);
    if (!finding) throw new InvalidRequest(INVALID_REQUEST_KEYS.findingUnknown, findingId);
    const audit = await requireWritableAudit(db, finding.auditId);
    const has = finding.screenshotIds.includes(screenshotId);
    if (link === has) return finding;
    if (link) {
      const shot = await db.screenshots.get(screenshotId);
      if (!shot || shot.auditId !== finding.auditId)
        throw new InvalidRequest(INVALID_REQUEST_KEYS.findingUnknown, screenshotId);
    }
    const ids = link
      ? [...finding.screenshotIds, screenshotId]
      : finding.screenshotIds.filter((id) => id !== screenshotId);
    const [next] = await commitFindings(db, audit, {
      put: [{ before: finding, after: linked(finding, ids, now.toISOString()) }],
    });
    return next!;
  });
}

export function linkScreenshot(
  db: GongkaiDb,
  findingId: string,
  screenshotId: string,
  now = new Date(),
): Promise<Finding> {
  return relink(db, findingId, screenshotId, true, now);
}

export function unlinkScreenshot(
  db: GongkaiDb,
  findingId: string,
  screenshotId: string,
  now = new Date(),
): Promise<Finding> {
  return relink(db, findingId, screenshotId, false, now);
}

export function getScreenshot(db: GongkaiDb, id: string): Promise<Screenshot | undefined> {
  return db.screenshots.get(id);
}

/** A finding's screenshots, in the order they were linked. */
export async function findingScreenshots(
  db: GongkaiDb,
  finding: Pick<Finding, 'screenshotIds'>,
): Promise<Screenshot[]> {
  const shots = await db.screenshots.bulkGet(finding.screenshotIds);
  return shots.filter((s): s is Screenshot => s !== undefined);
}

/** The audit's screenshots, oldest first. */
export function listScreenshots(db: GongkaiDb, auditId: string): Promise<Screenshot[]> {
  return db.screenshots.where('[auditId+capturedAt]').between([auditId, ''], [auditId, '\uffff']).toArray();
}

/** Deletes a screenshot and unlinks it from every finding that showed it. */
export async function deleteScreenshot(db: GongkaiDb, id: string, now = new Date()): Promise<void> {
  await screenshotWrite(db, async () => {
    const shot = await db.screenshots.get(id);
    if (!shot) return;
    const audit = await requireWritableAudit(db, shot.auditId);
    const showing = await db.findings
      .where('[auditId+hasScreenshot]')
      .equals([shot.auditId, 1])
      .filter((f) => f.screenshotIds.includes(id))
      .toArray();
    const at = now.toISOString();
    await commitFindings(db, audit, {
      put: showing.map((f) => ({
        before: f,
        after: linked(
          f,
          f.screenshotIds.filter((s) => s !== id),
          at,
        ),
      })),
    });
    await db.screenshots.delete(id);
  });
}
