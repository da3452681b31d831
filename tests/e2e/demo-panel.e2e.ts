/**
 * The side panel, in real Chromium with the built extension, shows what the demo portal's pages really are:
 * title, encoding, breadcrumb and 发展指引 meta tags — on a simplified page, the traditional-character page, the GBK
 * page, a breadcrumb without prefix and a page without meta tags. Expected values come from the demo manifest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPages, GUIDELINE_META_NAMES, resolveDemoPage, type DemoPage } from '../../demo-portal/pages';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import {
  launchWithExtension,
  openPanelFor,
  readPanel,
  waitForPanelState,
  type ExtensionSession,
} from '../../scripts/lib/extension-harness';

const NOW = new Date('2026-11-28T04:00:00Z');
let server: DemoServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startDemoServer({ now: NOW });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

function page(path: string): DemoPage {
  const found = demoPages.find((p) => p.path === path);
  if (!found) throw new Error(`demo page ${path} is not in the manifest`);
  return resolveDemoPage(found, NOW);
}

async function panelFor(path: string) {
  const tab = await session.context.newPage();
  await tab.goto(server.origin + path);
  return readPanel(await openPanelFor(session, tab));
}

function guidelineMeta(meta: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(meta).filter(([name]) => (GUIDELINE_META_NAMES as readonly string[]).includes(name)),
  );
}

const chosen = [
  ['/zwgk/czsz/index.html', 'a simplified list page with column meta tags'],
  ['/zwgk/sjjggk/2401.html', 'the traditional-character page'],
  ['/zwgk/ysqgk/2901.html', 'the GBK page'],
  ['/zwgk/gyqy/index.html', 'a breadcrumb without any prefix'],
  ['/xwzx/gzdt/1101.html', 'a detail page with detail meta tags'],
] as const;

describe('side panel on the demo portal', () => {
  for (const [path, what] of chosen) {
    it(`shows ${what} (${path}) as it is`, async () => {
      const expected = page(path);
      const shown = await panelFor(path);
      expect(shown.state, shown.text).toBe('ready');
      expect(shown.title).toBe(expected.title);
      expect(shown.url).toBe(server.origin + path);
      expect(shown.breadcrumb).toEqual(expected.breadcrumb);
      expect(guidelineMeta(shown.meta)).toEqual(expected.meta);
      expect(shown.charset).toBe(expected.charset === 'gbk' ? 'GBK' : 'UTF-8');
    });
  }

  it('says so when a page has no guideline meta tags and no breadcrumb', async () => {
    const bare = demoPages.find((p) => Object.keys(p.meta).length === 0 && p.breadcrumb === null);
    expect(bare, 'the demo portal keeps one page without meta tags or breadcrumb').toBeDefined();
    const tab = await session.context.newPage();
    await tab.goto(server.origin + bare!.path);
    const panel = await openPanelFor(session, tab);
    await panel.locator('.page-details summary').click();
    const shown = await readPanel(panel);
    expect(shown.state).toBe('ready');
    expect(shown.text).toContain('此页面没有《政府网站发展指引》要求的元数据标签');
    expect(shown.text).toContain('未找到“当前位置”导航');
  });

  it('follows the inspected tab: reads the new page when the tab navigates', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${server.origin}/zwgk/czsz/index.html`);
    const panel = await openPanelFor(session, tab);
    expect((await readPanel(panel)).title).toBe(page('/zwgk/czsz/index.html').title);
    await tab.goto(`${server.origin}/zwgk/sjjggk/2401.html`);
    const expected = page('/zwgk/sjjggk/2401.html');
    const shown = await waitForPanelState(panel, (p) => p.title === expected.title);
    expect(shown.state).toBe('ready');
    expect(shown.breadcrumb).toEqual(expected.breadcrumb);
  });
});
