/**
 * Audits: a named inspection of one site against one plan. Create, list, switch the active one, rename, archive.
 *
 * Decides: an audit needs a name, a site (stored as a URL origin) and a plan that exists; its inspector is the name in
 * the settings at creation. A new audit becomes the active one; at most one audit is active (the settings' key); an
 * archived audit is read-only, cannot be active, and archiving the active audit leaves none active. Every write bumps
 * `rev` and `updatedAt`. A rename made with a stale `expectedRev` over someone else's rename is returned as a conflict
 * (nothing written); archive/unarchive are idempotent and never conflict.
 * Does not decide: what is recorded in an audit (findings.ts), nor deleting audits (not offered: archive instead).
 */
import type { Audit, GongkaiDb } from './db';
import { randomId, siteOrigin } from './ids';
import { INVALID_REQUEST_KEYS, InvalidRequest } from './invalid-request';
import { findPlan } from './plans';
import { SETTING_KEYS, getActiveAuditId, getInspectorName, setActiveAuditId } from './settings';
import { guardWrite } from './storage-error';
import { collapseSpaces } from '../text/whitespace';

export interface NewAudit {
  name: string;
  /** The site: a URL or a host name; stored as its origin. */
  origin: string;
  planId: string;
}

export type AuditWriteResult = { kind: 'saved'; audit: Audit } | { kind: 'conflict'; current: Audit };

const MAX_NAME = 120;

function cleanName(name: string): string {
  const clean = collapseSpaces(name).slice(0, MAX_NAME);
  if (!clean) throw new InvalidRequest(INVALID_REQUEST_KEYS.auditNameEmpty);
  return clean;
}

/** A new audit's record (a fresh id, active, no writes yet) — for a new audit and for a re-filed copy (refile.ts). */
export function newAuditRecord(fields: Pick<Audit, 'name' | 'origin' | 'planId' | 'inspector'>, now: Date): Audit {
  const at = now.toISOString();
  return {
    id: randomId('a'),
    ...fields,
    status: 'active',
    createdAt: at,
    updatedAt: at,
    rev: 1,
    writeSeq: 0,
    deleteSeq: 0,
  };
}

export async function createAudit(db: GongkaiDb, input: NewAudit, now = new Date()): Promise<Audit> {
  const name = cleanName(input.name);
  const origin = siteOrigin(input.origin);
  if (!origin) throw new InvalidRequest(INVALID_REQUEST_KEYS.auditOriginInvalid, input.origin);
  if (!(await findPlan(db, input.planId)))
    throw new InvalidRequest(INVALID_REQUEST_KEYS.auditPlanUnknown, input.planId);
  return guardWrite(() =>
    db.transaction('rw', db.audits, db.settings, async () => {
      const audit = newAuditRecord({ name, origin, planId: input.planId, inspector: await getInspectorName(db) }, now);
      await db.audits.add(audit);
      await db.settings.put({ key: SETTING_KEYS.activeAuditId, value: audit.id });
      return audit;
    }),
  );
}

export async function getAudit(db: GongkaiDb, id: string): Promise<Audit | undefined> {
  return db.audits.get(id);
}

/** Most recently changed first; archived ones only when asked; optionally only one site's. */
export async function listAudits(
  db: GongkaiDb,
  options: { includeArchived?: boolean; origin?: string } = {},
): Promise<Audit[]> {
  const all = await db.audits.orderBy('updatedAt').reverse().toArray();
  const origin = options.origin === undefined ? null : siteOrigin(options.origin);
  return all.filter(
    (a) => (options.includeArchived || a.status === 'active') && (origin === null || a.origin === origin),
  );
}

/** The active audit, or null when none is set or the one set is gone or archived. */
export async function getActiveAudit(db: GongkaiDb): Promise<Audit | null> {
  const id = await getActiveAuditId(db);
  if (!id) return null;
  const audit = await db.audits.get(id);
  return audit && audit.status === 'active' ? audit : null;
}

/** Switches the active audit (null: none). An archived or unknown audit is refused. */
export async function setActiveAudit(db: GongkaiDb, id: string | null): Promise<void> {
  if (id !== null) {
    const audit = await db.audits.get(id);
    if (!audit) throw new InvalidRequest(INVALID_REQUEST_KEYS.auditUnknown, id);
    if (audit.status === 'archived') throw new InvalidRequest(INVALID_REQUEST_KEYS.auditArchived, audit.name);
  }
  await setActiveAuditId(db, id);
}

async function requireAudit(db: GongkaiDb, id: string): Promise<Audit> {
  const audit = await db.audits.get(id);
  if (!audit) throw new InvalidRequest(INVALID_REQUEST_KEYS.auditUnknown, id);
  return audit;
}

/** The audit, if it can be written to (exists, not archived); for use inside a transaction that includes `audits`. */
export async function requireWritableAudit(db: GongkaiDb, id: string): Promise<Audit> {
  const audit = await requireAudit(db, id);
  if (audit.status === 'archived') throw new InvalidRequest(INVALID_REQUEST_KEYS.auditArchived, audit.name);
  return audit;
}

/** Renames; with `expectedRev`, a rename by someone else since that rev is returned as a conflict instead. */
export async function renameAudit(
  db: GongkaiDb,
  id: string,
  name: string,
  options: { expectedRev?: number; now?: Date } = {},
): Promise<AuditWriteResult> {
  const clean = cleanName(name);
  return guardWrite(() =>
    db.transaction('rw', db.audits, async () => {
      const audit = await requireAudit(db, id);
      if (options.expectedRev !== undefined && audit.rev !== options.expectedRev && audit.name !== clean)
        return { kind: 'conflict', current: audit } as const;
      if (audit.name === clean) return { kind: 'saved', audit } as const;
      const next: Audit = {
        ...audit,
        name: clean,
        updatedAt: (options.now ?? new Date()).toISOString(),
        rev: audit.rev + 1,
      };
      await db.audits.put(next);
      return { kind: 'saved', audit: next } as const;
    }),
  );
}

async function setStatus(db: GongkaiDb, id: string, status: Audit['status'], now: Date): Promise<Audit> {
  return guardWrite(() =>
    db.transaction('rw', db.audits, db.settings, async () => {
      const audit = await requireAudit(db, id);
      if (status === 'archived' && (await getActiveAuditId(db)) === id)
        await db.settings.delete(SETTING_KEYS.activeAuditId);
      if (audit.status === status) return audit;
      const next: Audit = { ...audit, status, updatedAt: now.toISOString(), rev: audit.rev + 1 };
      await db.audits.put(next);
      return next;
    }),
  );
}

export function archiveAudit(db: GongkaiDb, id: string, now = new Date()): Promise<Audit> {
  return setStatus(db, id, 'archived', now);
}

/** Back to active (writable); it does not become the active audit by itself. */
export function unarchiveAudit(db: GongkaiDb, id: string, now = new Date()): Promise<Audit> {
  return setStatus(db, id, 'active', now);
}
