/**
 * Links are kept with the address a browser would follow: the hrefs a portal prints — root paths joined to the origin
 * without parsing, and every other form (dot steps, escaped dots, queries, other hosts, Chinese paths) — resolve as
 * the URL parser resolves them against the page's base.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractLinks } from './links';

const HREFS = [
  '/zwgk/c0/',
  '/zwgk/c0/202601/t20260101_00.html',
  '/a/../b/',
  '/a/./b',
  '/a/%2e%2e/b',
  '/a/%2E/b',
  '/a/...',
  '/.well-known/x',
  '/a%zz',
  "/a'b",
  '/a//b',
  '//cdn.example.com/x',
  '/a?b=1&c=2',
  '/a#top',
  '/中文/列表.html',
  '/a b',
  'list.html',
  '../up.html',
  'https://OTHER.gov.cn/A/../b',
];

function moreLinks(base: string): Array<{ printed: string; kept: string }> {
  const rows = HREFS.map((h) => `<li><a href="${h.replace(/"/g, '&quot;')}">更多</a></li>`).join('');
  const { document } = parseHTML(`<html><head><base href="${base}"></head><body><ul>${rows}</ul></body></html>`);
  const links = extractLinks(document as unknown as Document, []);
  return links.moreLinks.map((l, i) => ({ printed: HREFS[i]!, kept: l.href }));
}

describe('the address a link is kept with', () => {
  it.each([
    'http://127.0.0.1:8080/zwgk/czsz/index.html',
    'https://www.Example.gov.cn:443/a/b/index.html?q=1#f',
    'http://www.luoyuan.gov.cn/',
  ])('is the one the URL parser gives, against base %s', (base) => {
    const kept = moreLinks(base);
    expect(kept).toHaveLength(HREFS.length);
    for (const { printed, kept: href } of kept) expect(href, printed).toBe(new URL(printed, base).href);
  });
});
