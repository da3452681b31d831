/**
 * Runs the built extension in a real Chromium (playwright-core, never a downloaded browser) and drives its side
 * panel the only way a headless browser allows: the panel page opened in a tab with `?tab=<id>` naming the tab it
 * inspects (`sidePanel.open()` needs a user gesture). Shared by `npm start` (the demo walk) and the e2e tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findBrowser } from './find-browser';

export const DEMO_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-demo');
export const RESTRICTED_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-restricted');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Headless unless false; a headed window needs a display. */
  headless?: boolean;
  /** Reuse a profile (to test that data survives a relaunch); a fresh temporary one otherwise. */
  userDataDir?: string;
  viewport?: { width: number; height: number } | null;
  /** The browser UI language, which picks the extension's messages: 'zh_CN' (default) or 'en'. */
  uiLanguage?: 'zh_CN' | 'en';
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? DEMO_EXTENSION_DIR;
  const headless = options.headless !== false;
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'gongkai-profile-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${options.uiLanguage === 'en' ? 'en-US' : 'zh-CN'}`,
  ];
  if (headless) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findBrowser(),
    headless: false, // the extension needs the new headless mode, passed as an argument above
    args,
    locale: 'zh-CN',
    // Chromium on Linux takes its UI language (and so browser.i18n's) from LANGUAGE, not from --lang.
    env: { ...process.env, LANGUAGE: options.uiLanguage ?? 'zh_CN' },
    viewport: options.viewport === undefined ? { width: 1280, height: 860 } : options.viewport,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    async close() {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's id for the tab showing `page` (asked of the extension's own service worker; the newest such tab). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.worker.evaluate(async (target: string) => {
    type Tab = { id?: number; url?: string };
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    // Several tabs may show the same URL: the newest (highest id) is the one just opened.
    const ids = tabs.filter((tab) => tab.url === target).map((tab) => tab.id ?? -1);
    return ids.length > 0 ? Math.max(...ids) : null;
  }, url);
  if (id === null) throw new Error(`No tab found for ${url}`);
  return id;
}

/**
 * Opens `url` in a new tab through the extension itself, so that its tab id is known even where the extension
 * may not read the tab's URL (browser pages, sites not granted).
 */
export async function openTab(session: ExtensionSession, url: string): Promise<{ page: Page; tabId: number }> {
  const pageEvent = session.context.waitForEvent('page');
  const tabId = await session.worker.evaluate(async (target: string) => {
    const api = (globalThis as unknown as { chrome: { tabs: { create(o: object): Promise<{ id?: number }> } } }).chrome;
    return (await api.tabs.create({ url: target, active: true })).id ?? -1;
  }, url);
  const page = await pageEvent;
  await page.waitForLoadState('load').catch(() => undefined);
  return { page, tabId };
}

/** Opens the side panel page in its own tab, inspecting tab `tabId`, and waits until it has read the page. */
export async function openPanelForTab(
  session: ExtensionSession,
  tabId: number,
  viewport = { width: 420, height: 860 },
): Promise<Page> {
  const panel = await session.context.newPage();
  await panel.setViewportSize(viewport);
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  await waitForPanel(panel);
  return panel;
}

/** Opens the side panel page in its own tab, inspecting `page`, and waits until it has read the page. */
export async function openPanelFor(
  session: ExtensionSession,
  page: Page,
  viewport = { width: 420, height: 860 },
): Promise<Page> {
  return openPanelForTab(session, await tabIdOf(session, page), viewport);
}

export async function waitForPanel(panel: Page): Promise<void> {
  await panel.waitForSelector('main[data-state="ready"], main[data-state="problem"]', { timeout: 15_000 });
}

/** What the panel shows, read back from its DOM: the demo walk's JSON summary and the e2e tests' subject. */
export interface PanelSummary {
  state: string;
  problem: string | null;
  title: string | null;
  url: string | null;
  charset: string | null;
  heading: string | null;
  breadcrumb: string[] | null;
  breadcrumbSource: string | null;
  meta: Record<string, string>;
  column: string | null;
  columnSource: string | null;
  pageKind: string | null;
  /** Task numbers as printed, best match first. */
  tasks: string[];
  results: Array<{
    check: string;
    template: string;
    status: string;
    message: string;
    elements: Record<string, string>;
  }>;
  text: string;
}

/**
 * Runs in the panel page. Kept as source text: the TypeScript runners (tsx, vitest) may wrap named functions in
 * helpers that do not exist inside the page.
 */
const READ_PANEL_SOURCE = `(() => {
  const main = document.querySelector('main');
  const field = (name) => { const el = document.querySelector('[data-field="' + name + '"]'); return el && el.textContent ? el.textContent.trim() : null; };
  const crumbs = Array.from(document.querySelectorAll('[data-field="breadcrumb"] li')).map((li) => (li.textContent || '').trim());
  const meta = {};
  for (const row of Array.from(document.querySelectorAll('[data-meta]'))) {
    const td = row.querySelector('td');
    meta[row.getAttribute('data-meta') || ''] = td && td.textContent ? td.textContent.trim() : '';
  }
  const problem = document.querySelector('[data-problem]');
  const source = document.querySelector('[data-field="breadcrumb-source"]');
  return {
    state: main ? main.getAttribute('data-state') : 'missing',
    problem: problem ? problem.getAttribute('data-problem') : null,
    title: field('title'),
    url: field('url'),
    charset: field('charset'),
    heading: field('heading'),
    breadcrumb: crumbs.length > 0 ? crumbs : null,
    breadcrumbSource: source ? source.getAttribute('data-source') : null,
    meta,
    column: field('column'),
    columnSource: (document.querySelector('[data-field="column"]') || { getAttribute: () => null }).getAttribute('data-source'),
    pageKind: (document.querySelector('[data-field="page-kind"]') || { getAttribute: () => null }).getAttribute('data-kind'),
    tasks: Array.from(document.querySelectorAll('[data-task-no]')).map((li) => li.getAttribute('data-task-no') || ''),
    results: Array.from(document.querySelectorAll('[data-check]')).map((li) => {
      const elements = {};
      for (const el of Array.from(li.querySelectorAll('[data-element]'))) elements[el.getAttribute('data-element') || ''] = el.getAttribute('data-element-status') || '';
      const msg = li.querySelector('.result-message');
      return { check: li.getAttribute('data-check') || '', template: li.getAttribute('data-template') || '', status: li.getAttribute('data-status') || '', message: msg && msg.textContent ? msg.textContent.trim() : '', elements };
    }),
    text: main ? main.innerText : '',
  };
})()`;

export async function readPanel(panel: Page): Promise<PanelSummary> {
  return (await panel.evaluate(READ_PANEL_SOURCE)) as PanelSummary;
}

/** Polls what the panel shows until `ready` holds (the panel may sit in a background tab, where animation frames stop). */
export async function waitForPanelState(
  panel: Page,
  ready: (shown: PanelSummary) => boolean,
  timeoutMs = 15_000,
): Promise<PanelSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await readPanel(panel);
    if (ready(shown)) return shown;
    if (Date.now() > deadline)
      throw new Error(`The panel did not reach the expected state; it shows: ${shown.text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
