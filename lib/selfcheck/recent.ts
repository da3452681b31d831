/**
 * Self-checks are not audit findings: the last few are kept apart, in extension storage, for the webmaster to look back
 * at, and can be cleared. At most 20, newest first.
 */
import { browser } from 'wxt/browser';

export interface RecentSelfCheck {
  at: string;
  title: string;
  url: string;
  publishable: boolean;
  items: number;
  text: string;
}

const KEY = 'recentSelfChecks';
const LIMIT = 20;

export async function listRecentSelfChecks(): Promise<RecentSelfCheck[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as RecentSelfCheck[]) : [];
}

export async function rememberSelfCheck(entry: RecentSelfCheck): Promise<RecentSelfCheck[]> {
  const next = [entry, ...(await listRecentSelfChecks())].slice(0, LIMIT);
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export async function clearRecentSelfChecks(): Promise<void> {
  await browser.storage.local.remove(KEY);
}
