// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describePage } from './describe-page';
import { readGuidelineMetaTags } from './meta-tags';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('readGuidelineMetaTags', () => {
  it('reads the guideline tags in the guideline order, whatever the case of the name', () => {
    const d = parse(`<head>
      <meta name="PubDate" content="2026-11-20 09:30">
      <meta name="sitename" content="中国罗源湾">
      <meta name="SiteIDCode" content=" 3501230001 ">
      <meta name="ColumnName" content="财政收支">
      <meta name="viewport" content="width=device-width">
    </head>`);
    expect(readGuidelineMetaTags(d)).toEqual({
      SiteName: '中国罗源湾',
      SiteIDCode: '3501230001',
      ColumnName: '财政收支',
      PubDate: '2026-11-20 09:30',
    });
    expect(Object.keys(readGuidelineMetaTags(d))).toEqual(['SiteName', 'SiteIDCode', 'ColumnName', 'PubDate']);
  });

  it('reports nothing for a page without guideline tags', () => {
    expect(readGuidelineMetaTags(parse('<head><meta name="viewport" content="x"></head>'))).toEqual({});
  });
});

describe('describePage', () => {
  it('describes title, heading, breadcrumb and meta tags of a detail page', () => {
    const d = parse(`<html><head><title>罗源县2026年1-10月财政收支情况 - 中国罗源湾</title>
      <meta name="ColumnName" content="财政收支"></head>
      <body><div>当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>财政收支</a></div>
      <h1>罗源县2026年1-10月财政收支情况</h1><iframe src="https://other.example/x"></iframe></body></html>`);
    const page = describePage(d, 'http://127.0.0.1/zwgk/czsz/1.html');
    expect(page.title).toBe('罗源县2026年1-10月财政收支情况 - 中国罗源湾');
    expect(page.heading).toBe('罗源县2026年1-10月财政收支情况');
    expect(page.metaTags).toEqual({ ColumnName: '财政收支' });
    expect(page.breadcrumb?.segments).toEqual(['首页', '政务公开', '财政收支']);
    expect(page.frames.total).toBe(1);
    expect(page.url).toBe('http://127.0.0.1/zwgk/czsz/1.html');
  });

  it('is plain serialisable data', () => {
    const page = describePage(parse('<title>x</title><h2>y</h2>'), 'http://x/');
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
    expect(page.heading).toBe('y');
    expect(page.breadcrumb).toBeNull();
  });
});
