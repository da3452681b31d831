import { describe, expect, it } from 'vitest';
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
