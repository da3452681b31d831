/**
 * Every write of findings ends here, inside the caller's transaction: the records are stamped with the audit's next
 * write sequence, written or deleted, the per-task counts updated, and the audit's `writeSeq` / `deleteSeq` bumped.
 *
 * Decides: one path for all finding writes, so the counts (coverage) and the sequence (the list cache's sync) cannot
 * be forgotten by a writer; records are stamped even when only their history or screenshots changed.
 * Does not decide: what the records are (finding-record.ts) nor the counts' shape (task-counts.ts).
 * The transaction must include `audits`, `findings` and `taskCounts`.
 */
import type { Audit, Finding, GongkaiDb } from './db';
import { CountsDelta } from './task-counts';

export interface FindingChanges {
  /** Records to write, each with the stored version it replaces (undefined when new). */
  put?: ReadonlyArray<{ before: Finding | undefined; after: Finding }>;
  /** Stored records to delete. */
  remove?: readonly Finding[];
  /** Count changes collected elsewhere in the same write (pages' matched tasks). */
  delta?: CountsDelta;
}

/** Writes the changes; returns the written records (stamped) in the order given. */
export async function commitFindings(db: GongkaiDb, audit: Audit, changes: FindingChanges): Promise<Finding[]> {
  const put = changes.put ?? [];
  const remove = changes.remove ?? [];
  const delta = changes.delta ?? new CountsDelta();
  if (put.length === 0 && remove.length === 0) {
    await delta.apply(db);
    return [];
  }
  // Read again inside the transaction: the caller's copy may predate another panel's write.
  const current = (await db.audits.get(audit.id)) ?? audit;
  const seq = (current.writeSeq ?? 0) + 1;
  const written = put.map(({ after }) => ({ ...after, seq }));
  put.forEach(({ before }, i) => {
    delta.change(before, written[i]);
  });
  for (const f of remove) delta.change(f, undefined);
  if (written.length) await db.findings.bulkPut(written);
  if (remove.length) await db.findings.bulkDelete(remove.map((f) => f.id));
  await delta.apply(db);
  await db.audits.put({ ...current, writeSeq: seq, deleteSeq: (current.deleteSeq ?? 0) + (remove.length ? 1 : 0) });
  return written;
}
