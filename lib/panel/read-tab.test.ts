import { describe, expect, it, type MockInstance, vi } from 'vitest';
import { isRestrictedUrl, originOf } from './read-tab';

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://extensions/',
    'chrome-extension://abc/sidepanel.html',
    'about:blank',
    'edge://settings',
    'https://chromewebstore.google.com/detail/x',
    'https://addons.mozilla.org/zh-CN/firefox/',
    'http://www.luoyuan.gov.cn/files/2026/预算.pdf',
  ])('%s cannot be read by an extension', (url) => {
    expect(isRestrictedUrl(url)).toBe(true);
  });

  it.each([
    'http://www.luoyuan.gov.cn/zwgk/',
    'https://www.gov.cn/zhengce/content/2026-11/01/content_1.htm',
    'file:///home/u/draft.html',
  ])('%s can be read', (url) => {
    expect(isRestrictedUrl(url)).toBe(false);
  });
});

describe('originOf', () => {
  it('gives the origin of web pages only', () => {
    expect(originOf('http://127.0.0.1:8080/zwgk/index.html?x=1')).toBe('http://127.0.0.1:8080');
    expect(originOf('file:///tmp/a.html')).toBeNull();
    expect(originOf(undefined)).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('resolvePaths', () => {
  it('gives the paths the page answers, and empty paths — never a wait without end — when the page does not answer', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { resolvePaths } = await import('./read-tab');
    // The page's answers, as the runtime gives them (untyped).
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage') as unknown as MockInstance<
      (...args: unknown[]) => Promise<unknown>
    >;
    send.mockResolvedValueOnce({ paths: ['body > table > tbody > tr:nth-of-type(2) > td:nth-of-type(2)', ''] });
    expect(await resolvePaths(7, 1, [3, 9])).toEqual([
      'body > table > tbody > tr:nth-of-type(2) > td:nth-of-type(2)',
      '',
    ]);
    expect(send).toHaveBeenLastCalledWith(7, { type: 'gongkai/resolve-paths', table: 1, refs: [3, 9] }, { frameId: 0 });
    // A page whose own scripts hold its main thread never answers.
    send.mockReturnValueOnce(new Promise(() => undefined));
    expect(await resolvePaths(7, 1, [3, 9], 20)).toEqual(['', '']);
    // A page that went away (navigated, closed) throws.
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await resolvePaths(7, 1, [4])).toEqual(['']);
    // A foreign answer (another version of the reader) is not taken for paths.
    send.mockResolvedValueOnce({ paths: ['x'] });
    expect(await resolvePaths(7, 1, [4, 5])).toEqual(['', '']);
    send.mockRestore();
  });
});
