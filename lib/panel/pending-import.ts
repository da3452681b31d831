/**
 * Hands a portal page that publishes a plan (as a table) from the side panel to the options page, where it is
 * parsed and reviewed before anything is saved. The page's HTML waits in extension storage until the options page
 * takes it.
 */
import { browser } from 'wxt/browser';
import { PAGE_HTML, type PageHtmlResponse } from '../messaging/protocol';
import { sendToPage } from '../messaging/send-to-page';

export const PENDING_IMPORT_KEY = 'pendingPlanImport';
const KEY = PENDING_IMPORT_KEY;

export interface PendingImport extends PageHtmlResponse {
  at: string;
}

export async function sendPageToPlanImport(tabId: number): Promise<void> {
  const page = await sendToPage(tabId, { type: PAGE_HTML });
  if (!page) throw new Error('the page did not answer');
  await browser.storage.local.set({ [KEY]: { ...page, at: new Date().toISOString() } satisfies PendingImport });
  await browser.runtime.openOptionsPage();
}

/** Takes the waiting page, if any (it is removed: an import is offered once). */
export async function takePendingImport(): Promise<PendingImport | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as PendingImport | undefined;
  if (!stored) return null;
  await browser.storage.local.remove(KEY);
  return typeof stored.html === 'string' ? stored : null;
}
