/**
 * The patrol job in an extension page: the saved job in browser.storage.local (one at a time, so it survives closing the
 * page or the browser), pages parsed with the browser's own DOMParser (scripts off) with the page's address as base,
 * the audit to record into (the active audit when it is of the same site, else a new one made active), and the site
 * access asked for once (optional host permission; the demo build holds it already); after the patrol, the links to
 * other sites checked only once the user grants access to exactly those sites.
 */
import { GOV_19_2019 } from '../crawl/indicators';
import { accessPatterns, checkLinks } from '../crawl/link-check';
import { createAudit, getActiveAudit, getAudit, setActiveAudit } from '../storage/audits';
import { database, type SiteLink } from '../storage/db';
import { siteOrigin, siteRecordId } from '../storage/ids';
import { updateExternalLinks } from '../storage/sites';
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

/**
 * Asks for access to the sites the patrol's links to other sites point to — the fewest origins covering them, at the
 * moment the user asks for the check (call it in the click itself: the browser wants a user gesture); true when
 * granted (at once when already held).
 */
export function askExternalAccess(urls: readonly string[]): Promise<boolean> {
  const origins = accessPatterns(urls);
  if (origins.length === 0) return Promise.resolve(false);
  return browser.permissions.request({ origins });
}

/** Checks the links to other sites of the audit's record of the site and stores their verdicts; returns them. */
export async function checkExternalLinks(auditId: string, start: string): Promise<SiteLink[]> {
  const db = database();
  const id = siteRecordId(auditId, new URL(start).origin);
  const record = await db.sites.get(id);
  if (!record) throw new Error(`no patrol record of ${start}`);
  const outcomes = await checkLinks(
    record.externalLinks.map((l) => l.url),
    { fetcher: (input, init) => fetch(input, { ...init, credentials: 'omit' }), delayMs: 500, concurrency: 2 },
  );
  return (await updateExternalLinks(db, id, outcomes)).externalLinks;
}

export { savePatrol as clearSavedPatrol };
