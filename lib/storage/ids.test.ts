import { describe, expect, it } from 'vitest';
import { hashText, pageId, pageUrl, randomId, siteOrigin, stableId } from './ids';

describe('ids', () => {
  it('gives the same stable id for the same parts, and different ids when any part differs or moves', () => {
    expect(stableId('f', 'a', 'http://x/1.html', 'template-elements', 'service-guide')).toBe(
      stableId('f', 'a', 'http://x/1.html', 'template-elements', 'service-guide'),
    );
    expect(stableId('f', 'a', 'b')).not.toBe(stableId('f', 'ab', ''));
    expect(stableId('f', 'a', undefined)).toBe(stableId('f', 'a', ''));
    expect(hashText('政务公开')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashText('政务公开')).not.toBe(hashText('政務公開'));
    const ids = new Set(
      Array.from({ length: 20_000 }, (_, i) =>
        stableId('f', 'audit', `http://www.luoyuan.gov.cn/${i}.html`, 'privacy-leaks'),
      ),
    );
    expect(ids.size).toBe(20_000);
    expect(randomId('u')).toMatch(/^u-[0-9a-f-]{36}$/);
  });

  it('records a page without its fragment, and a site as its origin', () => {
    expect(pageUrl('http://www.luoyuan.gov.cn/a.html?id=3#top')).toBe('http://www.luoyuan.gov.cn/a.html?id=3');
    expect(pageId('a', 'http://x.cn/a.html#1')).toBe(pageId('a', 'http://x.cn/a.html'));
    expect(pageUrl(' not a url ')).toBe('not a url');
    expect(siteOrigin('www.luoyuan.gov.cn')).toBe('http://www.luoyuan.gov.cn');
    expect(siteOrigin('HTTPS://WWW.Luoyuan.gov.cn:443/zwgk/')).toBe('https://www.luoyuan.gov.cn');
    expect(siteOrigin('file:///tmp/a.html')).toBeNull();
    expect(siteOrigin('')).toBeNull();
  });
});
