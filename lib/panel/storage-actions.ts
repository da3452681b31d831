/**
 * The one place the extension pages (panel, options, patrol) change what is stored, and read it outside a live
 * query: each action opens the database itself, so no component imports lib/storage/db (biome.jsonc forbids it).
 * Live reads go through use-live-query.ts. The storage modules that normalise text (findings, pins, screenshots —
 * opencc's tables) and import/backup are loaded on first use, so the panel does not load them before it paints.
 * Decides nothing about what a write means: the lib/storage modules do (revisions, refusals, transactions).
 */
import type { PageReport } from '../engine/inspect-page';
import type { AuditBundle } from '../export/zip';
import type { ImportPreview } from '../import/merge';
import type { ImportChoice } from '../import/rekey';
import type { PlanWarning } from '../plan/errors';
import type { Plan, Task } from '../plan/model';
import type { PageSnapshot } from '../snapshot/types';
import { archiveAudit, createAudit, getActiveAudit, renameAudit, setActiveAudit } from '../storage/audits';
import { addColumnAlias, removeColumnAlias } from '../storage/column-aliases';
import { database, type Audit, type Finding, type FindingEdits, type StoredPlan, type Verdict } from '../storage/db';
import type { FindingFilter } from '../storage/findings-query';
import { setPickedTemplates } from '../storage/picked-templates';
import { deleteImportedPlan, saveImportedPlan, setActivePlan } from '../storage/plans';
import { addTemplateRule, removeTemplateRule } from '../storage/template-rules';
import {
  setHighlightColors,
  setInspectorName,
  setLanguage,
  type HighlightColors,
  type Language,
} from '../storage/settings';
import type { Capture } from './capture';

// Audits and settings.

/** Starts an audit of `origin` (and remembers the inspector's name the first time it is given). */
export async function startAudit(input: { name: string; origin: string; planId: string; inspector?: string }) {
  const db = database();
  if (input.inspector) await setInspectorName(db, input.inspector);
  return createAudit(db, { name: input.name, origin: input.origin, planId: input.planId });
}
export const renameActiveAudit = (audit: Audit, name: string) =>
  renameAudit(database(), audit.id, name, { expectedRev: audit.rev });
export const archive = (auditId: string) => archiveAudit(database(), auditId);
export const chooseAudit = (auditId: string | null) => setActiveAudit(database(), auditId);
export const activeAudit = () => getActiveAudit(database());
export const saveInspectorName = (name: string) => setInspectorName(database(), name);
export const saveLanguage = (language: Language) => setLanguage(database(), language);
export const saveHighlightColors = (colors: Partial<HighlightColors>) => setHighlightColors(database(), colors);

// Plans and local column names (options page).

export const choosePlan = (id: string) => setActivePlan(database(), id);
export const deletePlan = (id: string) => deleteImportedPlan(database(), id);
export async function saveImported(plan: Plan, warnings: PlanWarning[], origin: StoredPlan['origin'], active: boolean) {
  const db = database();
  const stored = await saveImportedPlan(db, plan, warnings, origin);
  if (active) await setActivePlan(db, stored.id);
  return stored;
}
export const addAlias = (name: string, conceptId: string) => addColumnAlias(database(), name, conceptId);
export const removeAlias = (name: string) => removeColumnAlias(database(), name);

// The page in front (panel).

/** Records the checked page into the audit (its automatic results become or update findings). */
export async function recordPage(auditId: string, report: PageReport, snapshot: PageSnapshot, inspector: string) {
  const { recordPageReport, snapshotMeta } = await import('../storage/findings');
  return recordPageReport(database(), auditId, report, snapshotMeta(snapshot), inspector);
}

export const pickTemplates = (url: string, ids: readonly string[]) => setPickedTemplates(database(), url, ids);
/** Makes a template a rule for the pages of the site under `prefix` (refused unless it is an address of `site`). */
export const addSiteTemplateRule = (prefix: string, templateId: string, site: string) =>
  addTemplateRule(database(), { prefix, templateId, site }).then(() => undefined);
export const removeSiteTemplateRule = (rule: { prefix: string; templateId: string }) =>
  removeTemplateRule(database(), rule).then(() => undefined);

/** Pins the column to one task, or (null) lets the matcher decide again. */
export async function pinColumn(origin: string, column: string, taskId: string | null): Promise<void> {
  const { clearPin, setPin } = await import('../storage/pins');
  if (taskId) await setPin(database(), origin, column, [taskId]);
  else await clearPin(database(), origin, column);
}

export async function judgeFinding(finding: Finding, verdict: Verdict | null, note: string | undefined) {
  const { setVerdict } = await import('../storage/findings');
  return setVerdict(database(), finding.id, verdict, note, finding.rev);
}

export async function editFinding(finding: Finding, patch: Partial<FindingEdits>) {
  const { updateFinding } = await import('../storage/findings');
  return updateFinding(database(), finding.id, patch, finding.rev);
}

export async function answerManualItem(
  auditId: string,
  pageId: string | null,
  task: Task,
  clauseId: string,
  verdict: Verdict | null,
  note: string | undefined,
  rev: number | undefined,
) {
  const { recordManualItem } = await import('../storage/findings');
  return recordManualItem(
    database(),
    auditId,
    pageId,
    task.id,
    clauseId,
    verdict,
    note,
    rev === undefined ? {} : { expectedRev: rev },
  );
}

/** Saves a capture and links it to every finding of the page not judged a pass (it is evidence for them). */
export async function saveCapture(auditId: string, capture: Capture, pageFindings: readonly Finding[]) {
  const { addScreenshot, linkScreenshot } = await import('../storage/screenshots');
  const db = database();
  const saved = await addScreenshot(db, auditId, capture.blob, {
    url: capture.url,
    width: capture.width,
    height: capture.height,
    capturedAt: capture.capturedAt,
  });
  for (const finding of pageFindings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable'))
    await linkScreenshot(db, finding.id, saved.id);
  return saved;
}

/** Every finding id the filter shows (read in pages of 500), for exporting just those. */
export async function filteredFindingIds(auditId: string, filter: FindingFilter, plan: Plan): Promise<string[]> {
  const { queryFindings } = await import('../storage/findings-query');
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await queryFindings(database(), auditId, { filter, plan, offset, limit: 500 });
    for (const r of page.rows) ids.push(r.id);
    if (page.rows.length < 500 || ids.length >= page.total) return ids;
  }
}

// Audit files and the whole database (options page).

export async function previewAuditFile(bundle: AuditBundle, choice?: ImportChoice) {
  const { previewImport } = await import('../import/merge');
  return previewImport(database(), bundle, choice);
}
export async function importAuditFile(bundle: AuditBundle, preview: ImportPreview, choice: ImportChoice | undefined) {
  const { applyImport } = await import('../import/merge');
  return applyImport(database(), bundle, preview, choice);
}
/** Re-checks an audit against another plan: a re-filed copy, made the current audit; the original untouched. */
export async function recheckAudit(auditId: string, planId: string) {
  const { refileAudit } = await import('../import/refile');
  return refileAudit(database(), auditId, planId);
}
export async function backup() {
  const { backupDatabase } = await import('../import/backup');
  return backupDatabase(database());
}
export async function restore(blob: Blob) {
  const { restoreDatabase } = await import('../import/backup');
  return restoreDatabase(database(), blob);
}
