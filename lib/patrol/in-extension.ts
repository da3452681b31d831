/**
 * The patrol job in an extension page: the saved job in browser.storage.local (one at a time, so it survives closing the
 * page or the browser), pages parsed with the browser's own DOMParser (scripts off) with the page's address as base,
 * the audit to record into (the active audit when it is of the same site, else a new one made active), and the site
 * access asked for once (optional host permission; the demo build holds it already).
 */
import { GOV_19_2019 } from '../crawl/indicators';
import { createAudit, getActiveAudit, getAudit, setActiveAudit } from '../storage/audits';
import { database } from '../storage/db';
import { siteOrigin } from '../storage/ids';
import { findPlan, loadActivePlan } from '../storage/plans';
import { getSettings } from '../storage/settings';
import { PatrolJob, type PatrolProgress, type SavedPatrol } from './patrol-job';

const SAVED_KEY = 'patrolJob';

export async function loadSavedPatrol(): Promise<SavedPatrol | null> {
  const got = await browser.storage.local.get(SAVED_KEY);
  const saved = got[SAVED_KEY] as SavedPatrol | undefined;
  return saved && saved.version === 1 ? saved : null;
}

async function savePatrol(saved: SavedPatrol | null): Promise<void> {
  if (saved) await browser.storage.local.set({ [SAVED_KEY]: saved });
  else await browser.storage.local.remove(SAVED_KEY);
}

export function parseInBrowser(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.insertBefore(base, doc.head.firstChild);
  }
  return doc;
}

/** Asks for access to the site (a prompt the first time, in a user gesture); true when granted. */
export function askSiteAccess(start: string): Promise<boolean> {
  const origin = siteOrigin(start);
  if (!origin) return Promise.resolve(false);
  return browser.permissions.request({ origins: [`${origin}/*`] });
}

export async function startPatrolJob(
  start: string,
  saved: SavedPatrol | null,
  onProgress: (p: PatrolProgress) => void,
  pace: { delayMs: number; concurrency: number } = { delayMs: 500, concurrency: 2 },
): Promise<PatrolJob> {
  const db = database();
  const origin = siteOrigin(start);
  if (!origin) throw new Error(`not a web address: ${start}`);
  const active = await loadActivePlan(db);
  let plan = active.plan;
  const templates = active.templates;
  const now = new Date();
  let auditId = saved?.auditId ?? null;
  if (!auditId) {
    const current = await getActiveAudit(db);
    if (current && current.origin === origin) auditId = current.id;
    else {
      const audit = await createAudit(
        db,
        { name: `${new URL(origin).host} ${now.toISOString().slice(0, 10)}`, origin, planId: plan.id },
        now,
      );
      await setActiveAudit(db, audit.id);
      auditId = audit.id;
    }
  }
  // An existing audit is checked against its own plan: the active plan only decides what a new audit uses.
  const bound = await findPlan(db, (await getAudit(db, auditId))?.planId ?? plan.id);
  if (bound) plan = bound;
  const settings = await getSettings(db);
  return new PatrolJob({
    db,
    auditId,
    inspector: settings.inspectorName,
    plan,
    templates,
    indicators: GOV_19_2019,
    start: saved?.start ?? start,
    now,
    fetcher: (input, init) => fetch(input, { ...init, credentials: 'omit' }),
    parseHtml: parseInBrowser,
    saved,
    save: savePatrol,
    onProgress,
    delayMs: pace.delayMs,
    concurrency: pace.concurrency,
  });
}

export { savePatrol as clearSavedPatrol };
