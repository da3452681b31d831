/**
 * The panel's 巡检整个网站 link, in real Chromium: with an audit of the demo portal active, it opens the patrol page (a
 * new tab of the extension) ready to patrol that audit's site — the start address is the audit's site, not whatever
 * page was open, also when the panel shows a page of another site.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

let portal: DemoServer;
let other: DemoServer;
let session: ExtensionSession;

beforeAll(async () => {
  portal = await startDemoServer();
  other = await startDemoServer({ site: 'patrol' });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await portal?.close();
  await other?.close();
});

/** Opens the panel for a page of `origin`, starts an audit there and returns the panel. */
async function auditOf(origin: string, path: string): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.goto(origin + path);
  const panel = await openPanelFor(session, tab);
  await panel.locator('[data-action="start-audit"]').click();
  await panel.locator('[data-field="recorded"]').waitFor({ timeout: 10_000 });
  return panel;
}

/** Clicks the panel's link and returns the patrol page it opened, once ready. */
async function openPatrol(panel: Page): Promise<Page> {
  const [patrol] = await Promise.all([
    session.context.waitForEvent('page'),
    panel.locator('[data-action="open-patrol"]').click(),
  ]);
  await patrol.waitForSelector('main.patrol[data-ready="true"]');
  return patrol;
}

describe('the panel’s link to the whole-site patrol', () => {
  it('opens the patrol page for the active audit’s site', async () => {
    const panel = await auditOf(portal.origin, '/zwgk/czsz/index.html');
    const patrol = await openPatrol(panel);
    const url = new URL(patrol.url());
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`chrome-extension://${session.extensionId}/patrol.html`);
    expect(url.searchParams.get('start')).toBe(`${portal.origin}/`);
    expect(await patrol.locator('#patrol-start').inputValue()).toBe(`${portal.origin}/`);
    // ready to run, nothing started by opening it
    expect(await patrol.locator('main.patrol').getAttribute('data-phase')).toBe('idle');
    expect(await patrol.locator('#patrol-run').isEnabled()).toBe(true);
    await patrol.close();
  });

  it('patrols the active audit’s site even when the panel shows a page of another site', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${other.origin}/xwzx/gzdt/`);
    const panel = await openPanelFor(session, tab);
    await panel.locator('[data-field="audit-name"]').waitFor();
    const patrol = await openPatrol(panel);
    expect(await patrol.locator('#patrol-start').inputValue()).toBe(`${portal.origin}/`);
    await patrol.close();
  });
});
