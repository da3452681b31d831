// @vitest-environment happy-dom
/**
 * The English panel shows policy names in English: the national freshness rule a stale news column fails (a check
 * result) and a column recognised from its URL folder. The Chinese panel shows them in Chinese.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectPage } from '@/lib/engine/inspect-page';
import { chooseCatalogue } from '@/lib/i18n';
import { takeSnapshot } from '@/lib/snapshot/take-snapshot';
import en from '@/public/_locales/en/messages.json';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import { luoyuan2017, templates } from '@/seeds/index';
import { CheckResults } from './CheckResults';
import { ColumnView } from './ColumnView';

const TEMPLATES = new Map(templates.map((t) => [t.id, t]));

/** The engine's report on a page, as the panel gets it. */
function report(html: string, url: string) {
  const { document } = parseHTML(html);
  return inspectPage(takeSnapshot(document as unknown as Document, url), {
    plan: luoyuan2017,
    templates: TEMPLATES,
    now: new Date('2026-11-28T04:00:00Z'),
  });
}

const NEWS = readFileSync(
  resolve(import.meta.dirname, '../lib/checks/fixtures/column-freshness/news-stale.html'),
  'utf8',
);
/** A list page that names its column nowhere but in its address (…/czyjs/). */
const BARE_LIST = `<html><head><title>某某县人民政府门户网站</title></head><body><ul>
  <li><a href="./t1.html">2026年1-10月财政收支情况</a><span>2026-11-10</span></li>
  <li><a href="./t2.html">2026年1-9月财政收支情况</a><span>2026-10-12</span></li>
  <li><a href="./t3.html">2026年1-8月财政收支情况</a><span>2026-09-10</span></li></ul></body></html>`;

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function freshnessText(): string {
  const news = report(NEWS, 'http://www.luoyuan.gov.cn/xwzx/gzdt/index.html');
  const results = news.results.filter((r) => r.checkId === 'column-freshness');
  render(<CheckResults results={results} templates={TEMPLATES} onReveal={async () => false} />, container);
  return container.querySelector('[data-check="column-freshness"] .result-message')!.textContent!;
}

function columnText(): string {
  const page = report(BARE_LIST, 'http://www.example.gov.cn/zwgk/czyjs/index.html');
  expect(page.column).toMatchObject({ name: '财政预决算', source: 'url' });
  render(<ColumnView column={page.column} pageKind={page.pageKind} />, container);
  return container.querySelector('[data-field="column"]')!.textContent!;
}

describe('policy names in the panel', () => {
  it('shows the national freshness rule and a URL-folder column in English in the English panel', () => {
    chooseCatalogue('en', en);
    expect(freshnessText()).toBe(
      'Newest item 2026-11-06 (22 days ago) is older than “News / headlines: 2 weeks” allows (14 days)',
    );
    expect(columnText()).toBe('Fiscal budgets and final accounts');
  });

  it('shows them in Chinese in the Chinese panel', () => {
    chooseCatalogue('zh_CN', zhCN);
    expect(freshnessText()).toContain('动态/要闻：2周');
    expect(columnText()).toBe('财政预决算');
  });
});
