/**
 * Follows a finding back to where it was found: opens its page in a new tab and, when the finding points at something
 * on the page, flashes it there (the page reader is injected as for any inspected page).
 * Decides: a new tab each time (the inspected tab is left where the inspector is); false when the page could not be
 * read or the element is no longer there. Does not decide: what is flashed (the finding's evidence or element).
 */
import { browser } from 'wxt/browser';
import type { Locator } from '../snapshot/types';
import { readTab, revealInTab } from './read-tab';

function loaded(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      clearTimeout(timer);
      resolve();
    };
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, 15_000);
    browser.tabs.onUpdated.addListener(onUpdated);
    void browser.tabs.get(tabId).then((tab) => tab.status === 'complete' && done());
  });
}

export async function openFindingOnPage(url: string, locator: Locator | null): Promise<boolean> {
  const tab = await browser.tabs.create({ url, active: true });
  if (tab.id === undefined) return false;
  await loaded(tab.id);
  if (!locator) return true;
  const read = await readTab(tab.id);
  if (!read.ok) return false;
  return revealInTab(tab.id, locator, 'problem');
}
