/**
 * Where an imported audit file goes, and under which ids.
 *
 * Decides:
 *  - The target: the file's own audit when it is here already ('same'); else, among our audits of the same site
 *    (same origin), the one with the same plan when there is exactly one and it is not archived ('merge' — a
 *    colleague's file of the site we audit joins our audit instead of becoming a second one of the same name); a new
 *    audit when no audit of the site is here, or only ones of another plan ('new': an audit is bound to its plan);
 *    and 'ask' when several audits of the site and plan are here — the person chooses (an audit of ours, or a new
 *    one). A choice names the audit (or NEW_AUDIT) and is honoured when it is a same-plan, writable audit of the site.
 *  - Ids: records moved into another audit get the ids that audit would give them (ids.ts: a page by audit + URL, an
 *    automatic finding by audit + URL + check + template (+ occurrence, from its sort key), a checklist answer by
 *    audit + URL + clause), so the same check on the same page meets our finding and merges; a free-form finding or a
 *    screenshot keeps its random id; a site record takes the id of the target audit and its site. A record whose id already belongs to ANOTHER audit here (a forged or colliding
 *    file) is never moved: it gets an id of its own the same way, and the preview counts it (`renumbered`).
 *  - Inspector names: a finding both sides recorded carries both names (`inspectorUnion`, joined by 、).
 * Does not decide: how records merge once they share ids (merge.ts).
 */
import { screenshotPath, type AuditFile } from '../export/audit-file';
import type { AuditBundle } from '../export/zip';
import type { Finding, GongkaiDb } from '../storage/db';
import { MANUAL_CHECKLIST_CHECK, autoFindingId } from '../storage/finding-record';
import { pageId, siteRecordId, stableId } from '../storage/ids';

/** The choice of a new audit (instead of an audit id of ours). */
export const NEW_AUDIT = 'new';
/** An audit id of ours to merge into, or NEW_AUDIT. */
export type ImportChoice = string;

export interface AuditCandidate {
  id: string;
  name: string;
  planId: string;
  inspector: string;
  /** Merging is offered only into an audit of the same plan that is not archived. */
  mergeable: boolean;
}

export interface ImportTarget {
  kind: 'same' | 'merge' | 'new' | 'ask';
  /** Our audits of the same site (never the file's own). */
  candidates: AuditCandidate[];
}

const NAME_SEPARATOR = '、';

/** Both sides' inspector names, ours first, each once. */
export function inspectorUnion(ours: string, theirs: string): string {
  const names = [...ours.split(NAME_SEPARATOR), ...theirs.split(NAME_SEPARATOR)].map((n) => n.trim()).filter(Boolean);
  return [...new Set(names)].join(NAME_SEPARATOR);
}

/** The target of an import (see the header); `auditId` null when the person must choose. */
export async function resolveTarget(
  db: GongkaiDb,
  file: AuditFile,
  choice?: ImportChoice,
): Promise<{ target: ImportTarget; auditId: string | null }> {
  if (await db.audits.get(file.audit.id)) return { target: { kind: 'same', candidates: [] }, auditId: file.audit.id };
  const site = await db.audits.filter((a) => a.origin === file.audit.origin).toArray();
  const candidates: AuditCandidate[] = site
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .map((a) => ({
      id: a.id,
      name: a.name,
      planId: a.planId,
      inspector: a.inspector,
      mergeable: a.planId === file.audit.planId && a.status === 'active',
    }));
  const mergeable = candidates.filter((c) => c.mergeable);
  if (choice === NEW_AUDIT || mergeable.length === 0)
    return { target: { kind: 'new', candidates }, auditId: file.audit.id };
  const chosen = choice ? mergeable.find((c) => c.id === choice) : undefined;
  if (chosen) return { target: { kind: 'merge', candidates }, auditId: chosen.id };
  if (mergeable.length === 1) return { target: { kind: 'merge', candidates }, auditId: mergeable[0]!.id };
  return { target: { kind: 'ask', candidates }, auditId: null };
}

/** The occurrence an automatic finding's sort key ends with (1 when it has none). */
function occurrenceOf(f: Finding): number {
  const last = Number(f.sortKey.split('\u0001').at(-1));
  return Number.isInteger(last) && last > 1 ? last : 1;
}

/** The id audit `auditId` gives this finding (see the header). */
function findingIdIn(auditId: string, f: Finding): string {
  if (f.kind === 'auto') return autoFindingId(auditId, f.url, f.checkId, f.templateId, f.elementId, occurrenceOf(f));
  if (f.checkId === MANUAL_CHECKLIST_CHECK && f.itemId) return stableId('m', auditId, f.url, f.itemId);
  return f.id;
}

/**
 * The bundle with every record in audit `targetId`: all ids recomputed when the target is another audit than the
 * file's, else only the ids in `foreign` (ids of records of other audits here). Returns how many ids in `foreign` the
 * file held.
 */
export function rekeyBundle(
  bundle: AuditBundle,
  targetId: string,
  foreign: ReadonlySet<string>,
): { bundle: AuditBundle; renumbered: number } {
  const { file, images } = bundle;
  const moving = targetId !== file.audit.id;
  if (!moving && foreign.size === 0) return { bundle, renumbered: 0 };
  let renumbered = 0;
  const fresh = (kind: string, id: string, natural: string, used: Set<string>): string => {
    const isForeign = foreign.has(id);
    if (isForeign) renumbered += 1;
    let next = moving || isForeign ? natural : id;
    // A forged file may make two records land on one id, or keep the foreign one: derive from the old id then.
    if (used.has(next) || foreign.has(next)) next = stableId(kind, targetId, 'import', id);
    used.add(next);
    return next;
  };
  const pageIds = new Map<string, string>();
  const usedPages = new Set<string>();
  for (const p of file.pages) pageIds.set(p.id, fresh('p', p.id, pageId(targetId, p.url), usedPages));
  const shotIds = new Map<string, string>();
  const usedShots = new Set<string>();
  for (const s of file.screenshots)
    shotIds.set(s.id, foreign.has(s.id) ? fresh('s', s.id, stableId('s', targetId, s.id), usedShots) : s.id);
  const findingIds = new Map<string, string>();
  const usedFindings = new Set<string>();
  for (const f of file.findings) {
    const natural = findingIdIn(targetId, f);
    // A free-form finding keeps its random id unless it is foreign.
    const id = natural === f.id && foreign.has(f.id) ? stableId('u', targetId, f.id) : natural;
    findingIds.set(f.id, fresh(f.id.slice(0, 1) || 'f', f.id, id, usedFindings));
  }
  const next: AuditFile = {
    ...file,
    audit: { ...file.audit, id: targetId },
    pages: file.pages.map((p) => ({ ...p, id: pageIds.get(p.id)!, auditId: targetId })),
    findings: file.findings.map((f) => ({
      ...f,
      id: findingIds.get(f.id)!,
      auditId: targetId,
      pageId: f.pageId === null ? null : (pageIds.get(f.pageId) ?? f.pageId),
      screenshotIds: f.screenshotIds.map((id) => shotIds.get(id) ?? id),
    })),
    screenshots: file.screenshots.map((s) => {
      const id = shotIds.get(s.id)!;
      const { findingId, ...rest } = s;
      return {
        ...rest,
        id,
        auditId: targetId,
        file: screenshotPath(id),
        ...(findingId !== undefined ? { findingId: findingIds.get(findingId) ?? findingId } : {}),
      };
    }),
  };
  // A site record's id is its audit's and site's: it follows the audit, never lands on another audit's record.
  next.sites = file.sites.map((site) => ({ ...site, auditId: targetId, id: siteRecordId(targetId, site.origin) }));
  const nextImages = new Map<string, Blob>();
  for (const [id, blob] of images) nextImages.set(shotIds.get(id) ?? id, blob);
  return { bundle: { file: next, images: nextImages }, renumbered };
}
