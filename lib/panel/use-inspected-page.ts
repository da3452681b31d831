/**
 * The panel's view of "the page being inspected": which tab (a fixed `?tab=` id, or the active tab of the panel's
 * window, followed as the user switches tabs), its description, and whether what is shown is stale because the
 * tab is loading a new page. Re-reads when the tab finishes loading.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTab, type TabReadResult } from './read-tab';

export interface InspectedPageState {
  status: 'loading' | 'done';
  result: TabReadResult | null;
  stale: boolean;
}

export function useInspectedPage(fixedTabId: number | undefined) {
  const [state, setState] = useState<InspectedPageState>({ status: 'loading', result: null, stale: false });
  const tabIdRef = useRef<number | undefined>(fixedTabId);
  const generation = useRef(0);

  const read = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, status: 'loading' }));
    if (fixedTabId === undefined) tabIdRef.current = await activeTabId();
    const result = await readTab(tabIdRef.current);
    if (mine === generation.current) setState({ status: 'done', result, stale: false });
  }, [fixedTabId]);

  useEffect(() => {
    void read();
    const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
      if (tabId !== tabIdRef.current) return;
      if (change.status === 'loading' || change.url) setState((s) => ({ ...s, stale: true }));
      if (change.status === 'complete') void read();
    };
    const onActivated = () => {
      if (fixedTabId === undefined) void read();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [read, fixedTabId]);

  return { ...state, refresh: read };
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** `sidepanel.html?tab=123` inspects tab 123 (used when the panel is opened as a page, e.g. by the demo walk). */
export function tabIdFromLocation(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}
