/**
 * The panel explains pages it cannot read instead of going blank: a browser-internal page, and a site the user
 * has not granted (the `restricted` test build holds 127.0.0.1 only, so the same server reached as `localhost` is
 * "another site").
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openPanelForTab,
  openTab,
  readPanel,
  RESTRICTED_EXTENSION_DIR,
  type ExtensionSession,
} from '../../scripts/lib/extension-harness';

let session: ExtensionSession;
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>未授权站点</title><p>当前位置：首页 &gt; 通知公告</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  session = await launchWithExtension({ extensionDir: RESTRICTED_EXTENSION_DIR });
});

afterAll(async () => {
  await session?.close();
  await new Promise((done) => server?.close(done));
});

describe('panel on pages it cannot read', () => {
  it('explains that browser-internal pages cannot be read', async () => {
    const { tabId } = await openTab(session, 'chrome://version');
    const shown = await readPanel(await openPanelForTab(session, tabId));
    expect(shown.state).toBe('problem');
    expect(shown.problem).toBe('restricted');
    expect(shown.text).toContain('浏览器不允许扩展读取此类页面');
  });

  it('offers to grant access on a site the user has not allowed yet', async () => {
    const { tabId } = await openTab(session, `http://localhost:${port}/`);
    const panel = await openPanelForTab(session, tabId);
    const shown = await readPanel(panel);
    expect(shown.state).toBe('problem');
    expect(shown.problem, shown.text).toBe('no-access');
    expect(await panel.getByRole('button', { name: '允许检查此网站' }).isVisible()).toBe(true);
  });
});
