/**
 * Importing an audit file (audit-file.ts, or its zip) into the database: merging another inspector's copy of an audit
 * into ours, or opening in the extension an audit made elsewhere (`gongkai audit`).
 *
 * Decides:
 *  - Nothing is written until the whole input is validated (`readAuditBytes` / `parseAuditFile`): a corrupt, truncated,
 *    foreign or newer-version file is refused and the database is not touched. `applyImport` writes everything in ONE
 *    transaction: a failure rolls all of it back.
 *  - Where the file goes and under which ids: rekey.ts — the file's own audit when here, else our audit of the same
 *    site and plan (merging inspectors), else a new audit; the person chooses when several fit. Records are never
 *    moved out of another audit: a file reusing another audit's ids gets its own ids, counted as `renumbered`.
 *  - The audit is created with the file's id when absent; an existing audit record is kept as it is (its name and
 *    status are local decisions), only its write sequence moves. An archived audit is read-only: the import is
 *    refused (InvalidRequest auditArchived, nothing written) until it is unarchived. A plan the file carries in full is saved under its id
 *    when this database has no plan of that id.
 *  - Findings have stable ids. Per finding of the file (theirs) against the stored one (ours):
 *      new        — we have none: theirs is added as it is;
 *      identical  — equal in everything but `seq` (the local write sequence): nothing to do;
 *      changed    — theirs replaces ours: the person's fields are equal, or every value of ours that differs was
 *                   superseded on their side (it is the empty default or in their edit history — they edited after
 *                   it), and theirs is newer (or the person's fields differ);
 *      older      — the same the other way round (ours is the later edit of theirs): ours is kept;
 *      conflict   — both sides edited the person's fields differently: both are kept, the later `updatedAt` as the
 *                   current finding and the other's values pushed into `history` with cause 'conflict'.
 *    Whatever is written keeps the union of both sides' screenshots and history and both inspectors' names, and gets
 *    a rev above both, so a panel still holding ours sees the change (an older finding of theirs whose inspector is
 *    new here is written for the name alone).
 *  - Pages: added when absent; else the later visit wins (visits = the larger count, first visit = the earlier).
 *  - Screenshots: added when absent (same id), with the bytes of the zip; a bare audit.json carries none (reported as
 *    `screenshots.missing`; the findings keep their ids).
 *  - Pins (per site, not per audit): added when absent; the later `updatedAt` wins.
 *  - Site records (a whole-site patrol's result, one per audit and site): the latest patrol of a site wins (the later
 *    `patrolledAt`); the preview says which (`sites`: new / updated — theirs is later — / kept — ours is as late).
 *  - taskCounts stay right: every finding write goes through commitFindings with the pages' delta (finding-commit.ts).
 * Does not decide: the file format (lib/export/audit-file.ts).
 */
import type { AuditFile } from '../export/audit-file';
import type { AuditBundle, ReadAuditResult } from '../export/zip';
import { readAuditBytes } from '../export/zip';
import type {
  Audit,
  ColumnPin,
  Finding,
  FindingVersion,
  GongkaiDb,
  Screenshot,
  SiteRecord,
  StoredPage,
  StoredPlan,
} from '../storage/db';
import { EDITABLE_FIELDS, type EditableField } from '../storage/db';
import { commitFindings } from '../storage/finding-commit';
import { HISTORY_LIMIT, editsOf, withDerived } from '../storage/finding-record';
import { inspectorUnion, rekeyBundle, resolveTarget, type ImportChoice, type ImportTarget } from './rekey';
import { INVALID_REQUEST_KEYS, InvalidRequest } from '../storage/invalid-request';
import { guardWrite } from '../storage/storage-error';
import { CountsDelta } from '../storage/task-counts';
import { bundledPlans } from '../../seeds/index';

export type FindingOutcome = 'new' | 'identical' | 'changed' | 'older' | 'conflict';

export interface ImportPreview {
  /** The audit the records go into (the file's own, or ours of the same site when merging). */
  auditId: string;
  auditName: string;
  /** How the target was chosen, the other candidates, and whether the person must choose first (see rekey.ts). */
  target: ImportTarget;
  /** Records of the file whose ids belonged to another audit here: given new ids of their own (never moved). */
  renumbered: number;
  /** Who recorded the file's findings. */
  inspectors: string[];
  /** True when the audit is not in the database yet. */
  newAudit: boolean;
  /** True when the audit is here and archived (read-only): `applyImport` refuses it; unarchive first. */
  archived: boolean;
  /** Where the audit's plan comes from: bundled, already stored, added from the file, or unknown here. */
  plan: 'bundled' | 'stored' | 'added' | 'missing';
  findings: Record<FindingOutcome, number>;
  pages: { new: number; updated: number; identical: number };
  screenshots: { new: number; present: number; missing: number };
  pins: { new: number; updated: number; identical: number };
  /** Whole-site patrol records: new here, replacing ours (theirs is the later patrol), or ours kept (as late or later). */
  sites: {
    new: number;
    updated: number;
    kept: number;
    latest: Array<{ origin: string; patrolledAt: string; theirs: boolean }>;
  };
}

export interface ImportResult extends ImportPreview {
  /** True when the database changed between the preview and the import (the counts are the import's). */
  changedSincePreview: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function withoutSeq(f: Finding): Omit<Finding, 'seq'> {
  const { seq: _seq, ...rest } = f;
  return rest;
}

function isDefault(field: EditableField, value: unknown): boolean {
  return field === 'note' ? value === '' : value === null;
}

/** True when `value` of `field` was replaced by an edit on the side whose history is `history`. */
function superseded(field: EditableField, value: unknown, history: readonly FindingVersion[]): boolean {
  if (isDefault(field, value)) return true;
  return history.some(
    (v) => (v.cause === 'edit' || v.cause === 'conflict') && v.edits && field in v.edits && same(v.edits[field], value),
  );
}

/** How theirs relates to ours (see the header). */
export function classifyFinding(ours: Finding | undefined, theirs: Finding): FindingOutcome {
  if (!ours) return 'new';
  if (same(withoutSeq(ours), withoutSeq(theirs))) return 'identical';
  const a = editsOf(ours);
  const b = editsOf(theirs);
  const differing = EDITABLE_FIELDS.filter((f) => !same(a[f], b[f]));
  const theirsNewer =
    theirs.updatedAt > ours.updatedAt || (theirs.updatedAt === ours.updatedAt && theirs.rev > ours.rev);
  if (differing.length === 0) return theirsNewer ? 'changed' : 'older';
  const oursSuperseded = differing.every((f) => superseded(f, a[f], theirs.history));
  const theirsSuperseded = differing.every((f) => superseded(f, b[f], ours.history));
  if (oursSuperseded && theirsSuperseded) return theirsNewer ? 'changed' : 'older';
  if (oursSuperseded) return 'changed';
  if (theirsSuperseded) return 'older';
  return 'conflict';
}

function mergeHistory(a: readonly FindingVersion[], b: readonly FindingVersion[]): FindingVersion[] {
  const seen = new Set<string>();
  const all: FindingVersion[] = [];
  for (const v of [...a, ...b]) {
    const key = JSON.stringify(v);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(v);
  }
  all.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return all.length > HISTORY_LIMIT ? all.slice(all.length - HISTORY_LIMIT) : all;
}

/** The record written for a finding both sides have (outcome changed or conflict; older when only theirs' inspector
 * name is new here): each side's screenshots, history and inspector name kept. */
export function mergedFinding(ours: Finding, theirs: Finding, outcome: 'changed' | 'conflict' | 'older'): Finding {
  const theirsLater =
    theirs.updatedAt > ours.updatedAt || (theirs.updatedAt === ours.updatedAt && theirs.rev >= ours.rev);
  const current = outcome === 'changed' ? theirs : outcome === 'older' ? ours : theirsLater ? theirs : ours;
  const other = current === theirs ? ours : theirs;
  const rev = Math.max(ours.rev, theirs.rev) + 1;
  let history = mergeHistory(ours.history, theirs.history);
  const fieldRevs = { ...current.fieldRevs };
  if (outcome === 'conflict') {
    const a = editsOf(current);
    const b = editsOf(other);
    const differing = EDITABLE_FIELDS.filter((f) => !same(a[f], b[f]));
    const edits = Object.fromEntries(differing.map((f) => [f, b[f]]));
    history = [
      ...history,
      { cause: 'conflict' as const, rev: other.rev, at: other.updatedAt, by: other.editedBy ?? other.inspector, edits },
    ];
    if (history.length > HISTORY_LIMIT) history = history.slice(history.length - HISTORY_LIMIT);
    for (const f of differing) fieldRevs[f] = rev;
  }
  return withDerived({
    ...current,
    inspector: inspectorUnion(ours.inspector, theirs.inspector),
    screenshotIds: [...new Set([...current.screenshotIds, ...other.screenshotIds])],
    history,
    fieldRevs,
    rev,
    // biome-ignore lint/complexity/useMathMinMax: ISO time strings, compared as text (Math.min would give NaN)
    createdAt: ours.createdAt < theirs.createdAt ? ours.createdAt : theirs.createdAt,
  });
}

function mergedPage(ours: StoredPage, theirs: StoredPage): StoredPage | null {
  if (same(ours, theirs)) return null;
  const later = theirs.visitedAt > ours.visitedAt ? theirs : ours;
  const next: StoredPage = {
    ...later,
    // biome-ignore lint/complexity/useMathMinMax: ISO time strings, compared as text (Math.min would give NaN)
    firstVisitedAt: ours.firstVisitedAt < theirs.firstVisitedAt ? ours.firstVisitedAt : theirs.firstVisitedAt,
    visits: Math.max(ours.visits, theirs.visits),
    rev: ours.rev,
  };
  if (same(next, ours)) return null;
  return { ...next, rev: Math.max(ours.rev, theirs.rev) + 1 };
}

interface Plan_ {
  audit: Audit | undefined;
  plan: ImportPreview['plan'];
  planRecord: StoredPlan | null;
  findings: Array<{ ours: Finding | undefined; theirs: Finding; outcome: FindingOutcome }>;
  pages: Array<{ ours: StoredPage | undefined; next: StoredPage | null }>;
  screenshots: Array<{ meta: AuditFile['screenshots'][number]; present: boolean; blob: Blob | undefined }>;
  pins: Array<{ ours: ColumnPin | undefined; theirs: ColumnPin }>;
  sites: Array<{ ours: SiteRecord | undefined; theirs: SiteRecord; write: boolean }>;
}

/** Reads what the import would do (inside a transaction of the caller's, or on its own). */
async function plan(db: GongkaiDb, bundle: AuditBundle): Promise<Plan_> {
  const { file, images } = bundle;
  const audit = await db.audits.get(file.audit.id);
  let planState: ImportPreview['plan'];
  let planRecord: StoredPlan | null = null;
  if (bundledPlans.some((p) => p.id === file.plan.id)) planState = 'bundled';
  else if (await db.plans.get(file.plan.id)) planState = 'stored';
  else if (file.plan.definition) {
    planState = 'added';
    const d = file.plan.definition;
    planRecord = {
      id: d.id,
      title: d.title,
      region: d.region,
      year: d.year,
      taskCount: d.tasks.length,
      importedAt: file.exportedAt,
      origin: { kind: 'file', name: `${file.audit.name} (audit file)` },
      plan: d,
      warnings: [],
    };
  } else planState = 'missing';
  const oursFindings = await db.findings.bulkGet(file.findings.map((f) => f.id));
  const findings = file.findings.map((theirs, i) => {
    const ours = oursFindings[i];
    return { ours, theirs, outcome: classifyFinding(ours, theirs) };
  });
  const oursPages = await db.pages.bulkGet(file.pages.map((p) => p.id));
  const oursShots = await db.screenshots.bulkGet(file.screenshots.map((s) => s.id));
  // Never move a record of another audit (rekey.ts renumbers such records first; this is the last guard).
  for (const r of [...oursFindings, ...oursPages, ...oursShots])
    if (r && r.auditId !== file.audit.id) throw new Error(`import would move ${r.id} out of audit ${r.auditId}`);
  const pages = file.pages.map((theirs, i) => {
    const ours = oursPages[i];
    return { ours, next: ours ? mergedPage(ours, theirs) : theirs };
  });
  const screenshots = file.screenshots.map((meta, i) => ({
    meta,
    present: oursShots[i] !== undefined,
    blob: images.get(meta.id),
  }));
  const oursPins = await db.pins.bulkGet(file.pins.map((p) => p.id));
  const pins = file.pins.map((theirs, i) => ({ ours: oursPins[i], theirs }));
  const oursSites = await db.sites.bulkGet(file.sites.map((s) => s.id));
  for (const r of oursSites)
    if (r && r.auditId !== file.audit.id) throw new Error(`import would move ${r.id} out of audit ${r.auditId}`);
  // The latest patrol of a site wins.
  const sites = file.sites.map((theirs, i) => {
    const ours = oursSites[i];
    return { ours, theirs, write: !ours || theirs.patrolledAt > ours.patrolledAt };
  });
  return { audit, plan: planState, planRecord, findings, pages, screenshots, pins, sites };
}

function summarize(file: AuditFile, p: Plan_, placed: Placed): ImportPreview {
  const findings: Record<FindingOutcome, number> = { new: 0, identical: 0, changed: 0, older: 0, conflict: 0 };
  for (const f of p.findings) findings[f.outcome] += 1;
  return {
    auditId: file.audit.id,
    auditName: p.audit?.name ?? file.audit.name,
    target: placed.target,
    renumbered: placed.renumbered,
    inspectors: [...new Set(file.findings.flatMap((f) => f.inspector.split('、')).filter(Boolean))],
    newAudit: p.audit === undefined,
    archived: p.audit?.status === 'archived',
    plan: p.plan,
    findings,
    pages: {
      new: p.pages.filter((x) => !x.ours).length,
      updated: p.pages.filter((x) => x.ours && x.next).length,
      identical: p.pages.filter((x) => x.ours && !x.next).length,
    },
    screenshots: {
      new: p.screenshots.filter((s) => !s.present && s.blob).length,
      present: p.screenshots.filter((s) => s.present).length,
      missing: p.screenshots.filter((s) => !s.present && !s.blob).length,
    },
    pins: {
      new: p.pins.filter((x) => !x.ours).length,
      updated: p.pins.filter((x) => x.ours && !same(x.ours, x.theirs) && x.theirs.updatedAt > x.ours.updatedAt).length,
      identical: p.pins.filter((x) => x.ours && (same(x.ours, x.theirs) || x.theirs.updatedAt <= x.ours.updatedAt))
        .length,
    },
    sites: {
      new: p.sites.filter((x) => !x.ours).length,
      updated: p.sites.filter((x) => x.ours && x.write).length,
      kept: p.sites.filter((x) => !x.write).length,
      latest: p.sites.map((x) => {
        const kept = x.write ? x.theirs : x.ours!;
        return { origin: kept.origin, patrolledAt: kept.patrolledAt, theirs: x.write };
      }),
    },
  };
}

const TABLES = (db: GongkaiDb) => [
  db.audits,
  db.plans,
  db.pages,
  db.findings,
  db.screenshots,
  db.pins,
  db.taskCounts,
  db.sites,
];

interface Placed {
  bundle: AuditBundle;
  target: ImportTarget;
  renumbered: number;
}

/** The bundle moved to its target audit (rekey.ts), inside the caller's transaction. With no target chosen yet
 * ('ask'), the counts are those of a new audit and `applyImport` imports as a new audit. */
async function place(db: GongkaiDb, bundle: AuditBundle, choice?: ImportChoice): Promise<Placed> {
  const { file } = bundle;
  const { target, auditId } = await resolveTarget(db, file, choice);
  const targetId = auditId ?? file.audit.id;
  const ids = [
    ...(await db.pages.bulkGet(file.pages.map((p) => p.id))),
    ...(await db.findings.bulkGet(file.findings.map((f) => f.id))),
    ...(await db.screenshots.bulkGet(file.screenshots.map((s) => s.id))),
  ];
  const foreign = new Set<string>();
  for (const r of ids) if (r && r.auditId !== targetId) foreign.add(r.id);
  const rekeyed = rekeyBundle(bundle, targetId, foreign);
  return { bundle: rekeyed.bundle, target, renumbered: rekeyed.renumbered };
}

/** What importing the (already validated) file would do, by counts. Writes nothing. `choice`: where to import when
 * the preview asked (an audit id of ours or NEW_AUDIT). */
export async function previewImport(
  db: GongkaiDb,
  bundle: AuditBundle | AuditFile,
  choice?: ImportChoice,
): Promise<ImportPreview> {
  return db.transaction('r', TABLES(db), async () => {
    const placed = await place(db, asBundle(bundle), choice);
    return summarize(placed.bundle.file, await plan(db, placed.bundle), placed);
  });
}

function asBundle(input: AuditBundle | AuditFile): AuditBundle {
  return 'format' in input ? { file: input, images: new Map() } : input;
}

/** Imports the (already validated) file in one transaction; `preview` is the one shown to the person. */
export async function applyImport(
  db: GongkaiDb,
  input: AuditBundle | AuditFile,
  preview?: ImportPreview,
  choice?: ImportChoice,
): Promise<ImportResult> {
  return guardWrite(() =>
    db.transaction('rw', TABLES(db), async () => {
      const placed = await place(db, asBundle(input), choice);
      const bundle = placed.bundle;
      const { file } = bundle;
      const p = await plan(db, bundle);
      const summary = summarize(file, p, placed);
      if (p.audit?.status === 'archived') throw new InvalidRequest(INVALID_REQUEST_KEYS.auditArchived, p.audit.name);
      if (p.planRecord) await db.plans.add(p.planRecord);
      let audit = p.audit;
      if (!audit) {
        audit = file.audit;
        await db.audits.add(audit);
      }
      const delta = new CountsDelta();
      const pagePuts: StoredPage[] = [];
      for (const { ours, next } of p.pages) {
        if (!next) continue;
        delta.pages(ours, next);
        pagePuts.push(next);
      }
      if (pagePuts.length) await db.pages.bulkPut(pagePuts);
      const shots: Screenshot[] = [];
      for (const s of p.screenshots) {
        if (s.present || !s.blob) continue;
        const { type: _type, size: _size, file: _file, ...meta } = s.meta;
        shots.push({ ...meta, blob: s.blob });
      }
      if (shots.length) await db.screenshots.bulkAdd(shots);
      const pins = p.pins
        .filter((x) => !x.ours || (!same(x.ours, x.theirs) && x.theirs.updatedAt > x.ours.updatedAt))
        .map((x) => x.theirs);
      if (pins.length) await db.pins.bulkPut(pins);
      const sites = p.sites.filter((x) => x.write).map((x) => x.theirs);
      if (sites.length) await db.sites.bulkPut(sites);
      const put: Array<{ before: Finding | undefined; after: Finding }> = [];
      for (const { ours, theirs, outcome } of p.findings) {
        if (outcome === 'new') put.push({ before: undefined, after: theirs });
        else if (outcome === 'changed' || outcome === 'conflict')
          put.push({ before: ours, after: mergedFinding(ours!, theirs, outcome) });
        else if (outcome === 'older' && inspectorUnion(ours!.inspector, theirs.inspector) !== ours!.inspector)
          put.push({ before: ours, after: mergedFinding(ours!, theirs, 'older') });
      }
      await commitFindings(db, audit, { put, delta });
      return {
        ...summary,
        changedSincePreview: preview !== undefined && !same(withoutAudit(preview), withoutAudit(summary)),
      };
    }),
  );
}

function withoutAudit(p: ImportPreview): unknown {
  return {
    findings: p.findings,
    pages: p.pages,
    screenshots: p.screenshots,
    pins: p.pins,
    sites: p.sites,
    newAudit: p.newAudit,
    auditId: p.auditId,
  };
}

export type ImportBytesResult = { ok: true; result: ImportResult } | Extract<ReadAuditResult, { ok: false }>;

/** Reads (validating all of it) and imports a zip or audit.json in one go; refused input writes nothing. */
export async function importAuditBytes(db: GongkaiDb, bytes: Uint8Array): Promise<ImportBytesResult> {
  const read = readAuditBytes(bytes);
  if (!read.ok) return read;
  return { ok: true, result: await applyImport(db, { file: read.file, images: read.images }) };
}
