// @vitest-environment happy-dom
/**
 * The patrol page's result in the English interface names each 单项否决 indicator, its threshold, the indicator set and
 * a column's time rule in English (the summary holds them in Chinese, as the patrol wrote them), and each column's
 * status in words; in Chinese it shows them as written.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrawlResult } from '@/lib/crawl/crawler';
import { ColumnTree } from '@/lib/crawl/column-tree';
import { GOV_19_2019 } from '@/lib/crawl/indicators';
import { siteVerdict } from '@/lib/crawl/site-verdict';
import { patrolSummary } from '@/lib/crawl/summary';
import { chooseCatalogue } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import { PatrolResult } from './PatrolApp';

const NOW = new Date('2026-11-28T04:00:00Z');

/** A patrol of one stale news column and one blank column, summarised as the patrol page gets it. */
function summary() {
  const tree = new ColumnTree(GOV_19_2019, null);
  const items = [{ title: '县政府召开常务会议', href: 'http://portal.test/gzdt/1.html', date: '2026-10-01' }];
  tree.add(
    'http://portal.test/gzdt/',
    { name: '工作动态', source: 'meta', path: ['新闻中心', '工作动态'] },
    { items, explanation: null, scriptBuilt: false, fingerprint: 'a' },
    [],
  );
  tree.add(
    'http://portal.test/tzgg/',
    { name: '通知公告', source: 'meta', path: ['通知公告'] },
    { items: [], explanation: null, scriptBuilt: false, fingerprint: 'b' },
    [],
  );
  const columns = tree.finish(NOW);
  const vetoes = siteVerdict(
    GOV_19_2019,
    {
      home: null,
      columns,
      messages: [],
      consultationColumns: 0,
      guides: { checked: 0, incomplete: [] },
    },
    NOW,
  );
  const crawl = { start: 'http://portal.test/', pages: 3, ended: 'complete', robots: 'none', skipped: {} };
  return patrolSummary(
    GOV_19_2019,
    crawl as unknown as CrawlResult,
    { columns, vetoes, tasks: [], home: null, messages: [], guides: { checked: 0, incomplete: [] }, inspected: 3 },
    { dead: [], suspected: [], external: [] },
    [],
  );
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function shown() {
  render(<PatrolResult summary={summary()} />, container);
  const text = (selector: string) => container.querySelector(selector)?.textContent ?? '';
  return {
    heading: text('h2'),
    blank: text('[data-veto="blank-columns"]'),
    home: text('[data-veto="home-not-updated"]'),
    stale: text('tr[data-status="stale"]'),
  };
}

describe('the patrol page’s result', () => {
  it('names the indicators, thresholds and time rules in English in the English interface', () => {
    chooseCatalogue('en', en);
    const result = shown();
    expect(result.heading).toBe(
      'Veto indicators (Indicators for checking government websites and government new media (国办秘函〔2019〕19号))',
    );
    expect(result.blank).toBe('blank-columns Blank columns (≥ 5 (now 1)) not triggered');
    expect(result.home).toBe('home-not-updated Home page not updated (> 14 days) cannot be decided');
    // page text (the column's path) as the site wrote it; its status and rule in English
    expect(result.stale).toContain('新闻中心 > 工作动态');
    expect(result.stale).toContain('not updated in time');
    expect(result.stale).toContain('News / headlines: 2 weeks (14 days)');
  });

  it('shows them as written in the Chinese interface', () => {
    chooseCatalogue('zh_CN', zhCN);
    const result = shown();
    expect(result.blank).toBe('blank-columns 空白栏目（≥ 5（现 1）） 未触发');
    expect(result.stale).toContain('动态/要闻：2周（14 天）');
  });
});
