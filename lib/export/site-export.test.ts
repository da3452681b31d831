// The exports' patrol parts read the audit's site record: the HTML report's site section (verdict first, page text
// escaped, the default time rule said) and the spreadsheet rows (formula-like page text neutralised).
import { describe, expect, it } from 'vitest';
import { sampleSiteRecord } from '../../tests/helpers/import-testing';
import { NOW } from '../../tests/helpers/storage-testing';
import { columnSheetRows, linkSheetRows } from './site-rows';
import { siteSection } from './site-section';

const record = sampleSiteRecord('a-1', 'http://www.luoyuan.gov.cn', NOW);

describe('site record in the exports', () => {
  it('opens the HTML section with the verdict, and escapes what came from the site', () => {
    const html = siteSection('zh_CN', [record]);
    expect(html.indexOf('单项否决：1 项触发（栏目不更新）')).toBeGreaterThan(0);
    expect(html.indexOf('class="verdict')).toBeLessThan(html.indexOf('data-veto="columns-not-updated"'));
    expect(html).toContain('检查指标：国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》（2019 版）');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    // the default time rule is said to be a default
    expect(html).toContain('默认时限，非19号规定，需人工复核');
    // the plan task with no column, the dead link with its page, the unchecked link to another site
    expect(html).toContain('46. 征地信息公开 — 未找到栏目');
    expect(html).toContain('/files/missing-report.pdf');
    expect(html).toContain('站外链接 1 个，已检查 0 个，其中无法访问 0 个');
    // fresh columns are not listed
    expect(html).not.toContain('/zwgk/ghjh/');
  });

  it('lists a dead link, on this site or another, with the pages it is on and how many more the record left out', () => {
    const page = (n: number) => `http://www.luoyuan.gov.cn/xwzx/${n}.html`;
    const onMany = { status: 404, detail: 'HTTP 404', foundOn: [page(1), page(2)], foundCount: 12 };
    const html = siteSection('zh_CN', [
      {
        ...record,
        deadLinks: [{ ...onMany, url: 'http://www.luoyuan.gov.cn/gone.pdf', verdict: 'dead' }],
        externalLinks: [{ ...onMany, url: 'http://www.other.gov.cn/gone.html', verdict: 'dead' }],
      },
    ]);
    const items = [...html.matchAll(/<li data-verdict="dead">(.*?)<\/li>/g)].map((m) => m[1]!);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('http://www.luoyuan.gov.cn/gone.pdf');
    expect(items[1]).toMatch(/^站外链接 .*http:\/\/www\.other\.gov\.cn\/gone\.html/);
    for (const item of items) expect(item).toContain(`${page(1)} ${page(2)} （另有 10 个页面）`);
  });

  it('gives one spreadsheet row per column and per link, page text neutralised', () => {
    const columns = columnSheetRows('zh_CN', record);
    expect(columns).toHaveLength(record.columns.length);
    const penalty = columns.find((r) => r[1] === '行政处罚')!;
    expect(penalty[4]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(penalty[6]).toBe('超期未更新');
    expect(String(penalty[7])).toContain('默认时限');
    const links = linkSheetRows('en', record);
    expect(links.map((r) => r[1])).toEqual(['dead', 'other site · not checked']);
    expect(links[0]![5]).toBe('http://www.luoyuan.gov.cn/xwzx/gzdt/1.html');
  });
});
