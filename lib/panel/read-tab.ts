/**
 * Reads a tab's page snapshot from the side panel: sends the request to the tab's top frame, injecting the
 * page reader first when it is not there yet. Every way this can fail becomes a reason the panel can explain:
 * no tab, a page browsers never let extensions read (chrome://, the web store, PDFs in the viewer), a site the
 * user has not granted yet, local files without file access, a page too busy to answer within `READ_TIMEOUT_MS`
 * (its own scripts hold the main thread: the panel says so and offers to read again, never waits forever), or
 * anything else with its message.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_HIGHLIGHT_COLORS, type HighlightTone } from '../highlight/colors';
import { RESOLVE_PATHS, REVEAL, TAKE_SNAPSHOT } from '../messaging/protocol';
import { sendToPage } from '../messaging/send-to-page';
import { database } from '../storage/db';
import { getSettings } from '../storage/settings';
import type { Locator, PageSnapshot } from '../snapshot/types';

export type TabReadResult =
  | { ok: true; tabId: number; page: PageSnapshot }
  | { ok: false; tabId?: number; reason: 'no-tab' }
  | { ok: false; tabId: number; reason: 'restricted'; url: string }
  | { ok: false; tabId: number; reason: 'no-access'; origin: string | null }
  | { ok: false; tabId: number; reason: 'file-access'; url: string }
  | { ok: false; tabId: number; reason: 'timeout'; seconds: number }
  | { ok: false; tabId: number; reason: 'failed'; detail: string };

/** How long the panel waits for a page's answer before it says the page is not responding. */
export const READ_TIMEOUT_MS = 10_000;

const READER_FILE = '/content-scripts/content.js';

/** Pages no extension may script, by URL. */
export function isRestrictedUrl(url: string): boolean {
  return (
    /^(chrome|chrome-extension|edge|about|moz-extension|devtools|view-source|chrome-search|data|blob):/i.test(url) ||
    /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)\b/i.test(
      url,
    ) ||
    /\.pdf(?:$|[?#])/i.test(url)
  );
}

export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export async function readTab(tabId: number | undefined, timeoutMs = READ_TIMEOUT_MS): Promise<TabReadResult> {
  if (tabId === undefined) return { ok: false, reason: 'no-tab' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<TabReadResult>((done) => {
    timer = setTimeout(
      () => done({ ok: false, tabId, reason: 'timeout', seconds: Math.round(timeoutMs / 1000) }),
      timeoutMs,
    );
  });
  try {
    // A busy page may never answer (nor let the reader be injected): the late answer, if any, is dropped.
    return await Promise.race([readWithoutTimeout(tabId), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function readWithoutTimeout(tabId: number): Promise<TabReadResult> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, reason: 'no-tab' };
  }
  if (url && isRestrictedUrl(url)) return { ok: false, tabId, reason: 'restricted', url };

  const ask = () => sendToPage(tabId, { type: TAKE_SNAPSHOT });
  try {
    const page = await ask();
    if (page) return { ok: true, tabId, page };
  } catch {
    // Not injected yet (or the page navigated): inject and ask again below.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [READER_FILE] });
    const page = await ask();
    if (!page) return { ok: false, tabId, reason: 'failed', detail: 'empty answer' };
    return { ok: true, tabId, page };
  } catch (error) {
    return classify(tabId, url, error);
  }
}

function classify(tabId: number, url: string | undefined, error: unknown): TabReadResult {
  const detail = error instanceof Error ? error.message : String(error);
  if (url?.startsWith('file:')) return { ok: false, tabId, reason: 'file-access', url };
  if (/cannot be scripted|extensions gallery|chrome:\/\/|cannot access a chrome/i.test(detail)) {
    return { ok: false, tabId, reason: 'restricted', url: url ?? '' };
  }
  if (/permission|cannot access contents|must request permission|missing host/i.test(detail) || url === undefined) {
    return { ok: false, tabId, reason: 'no-access', origin: originOf(url) };
  }
  return { ok: false, tabId, reason: 'failed', detail };
}

/** Asks the user (a button click is the gesture) for one site, or for all sites when the origin is unknown. */
export async function requestSiteAccess(origin: string | null): Promise<boolean> {
  const origins = origin ? [`${origin}/*`] : ['http://*/*', 'https://*/*'];
  return browser.permissions.request({ origins });
}

/**
 * The paths of pieces of a snapshot the page reader numbered (its `pathTable`), for the pieces the checks report. A
 * page that cannot answer (gone, navigated, reloaded, or too busy to answer within `timeoutMs`) gives empty paths: the
 * report is still shown, those pieces cannot be shown on the page, and the views say so when asked to.
 */
export async function resolvePaths(
  tabId: number,
  table: number,
  refs: readonly number[],
  timeoutMs = READ_TIMEOUT_MS,
): Promise<string[]> {
  const none = refs.map(() => '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<string[]>((done) => {
    timer = setTimeout(() => done(none), timeoutMs);
  });
  const asked = (async () => {
    try {
      const answer = await sendToPage(tabId, { type: RESOLVE_PATHS, table, refs: [...refs] });
      if (answer && Array.isArray(answer.paths) && answer.paths.length === refs.length) return answer.paths;
    } catch {
      // The page went away: no paths.
    }
    return none;
  })();
  try {
    return await Promise.race([asked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the page to scroll to and flash an element, in the user's colour for `tone`; false when it is not there. */
export async function revealInTab(tabId: number, locator: Locator, tone: HighlightTone): Promise<boolean> {
  // The colours are the user's (options page); when they cannot be read, the defaults still show the element.
  const colors = await getSettings(database()).then(
    (settings) => settings.highlightColors,
    () => DEFAULT_HIGHLIGHT_COLORS,
  );
  try {
    const answer = await sendToPage(tabId, { type: REVEAL, locator, tone, color: colors[tone] });
    return answer?.found === true;
  } catch {
    return false;
  }
}
