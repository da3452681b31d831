/**
 * The command line's text output names a column read from a URL folder as the panel does (policy-names.ts
 * `columnNameIn`): by its English name with --lang en, by its Chinese name otherwise; a column the page prints itself
 * is shown as printed.
 */
import { describe, expect, it } from 'vitest';
import { luoyuan2017, templates } from '../../seeds/index';
import { inspectPage } from '../engine/inspect-page';
import { snapshotFromHtml } from '../html/snapshot-from-html';
import type { Language } from '../i18n-catalog';
import { printCheck } from './print-human';

/** A list page that names its column nowhere but in its address (…/czyjs/). */
const BARE_LIST = `<html><head><title>某某县人民政府门户网站</title></head><body><ul>
  <li><a href="./t1.html">2026年1-10月财政收支情况</a><span>2026-11-10</span></li>
  <li><a href="./t2.html">2026年1-9月财政收支情况</a><span>2026-10-12</span></li>
  <li><a href="./t3.html">2026年1-8月财政收支情况</a><span>2026-09-10</span></li></ul></body></html>`;

function columnLine(html: string, url: string, lang: Language): string {
  const report = inspectPage(snapshotFromHtml(html, url), {
    plan: luoyuan2017,
    templates: new Map(templates.map((t) => [t.id, t])),
    now: new Date('2026-11-28T04:00:00Z'),
  });
  const lines: string[] = [];
  const decoding = { charset: 'UTF-8', source: 'meta' as const, overruled: null, invalid: 0 };
  printCheck((line) => lines.push(line), luoyuan2017, url, decoding, report, lang);
  return lines.find((line) => line.startsWith(lang === 'en' ? 'Column:' : '栏目'))!;
}

describe('printCheck: the column', () => {
  const url = 'http://www.example.gov.cn/zwgk/czyjs/index.html';

  it('shows a URL folder’s column by its English name in English', () => {
    expect(columnLine(BARE_LIST, url, 'en')).toMatch(/^Column: Fiscal budgets and final accounts — /);
  });

  it('shows it by its Chinese name in Chinese', () => {
    expect(columnLine(BARE_LIST, url, 'zh_CN')).toMatch(/^栏目: 财政预决算 — /);
  });

  it('shows a column the page names as printed, in English too', () => {
    const named = BARE_LIST.replace('<head>', '<head><meta name="ColumnName" content="财政预决算">');
    expect(columnLine(named, url, 'en')).toMatch(/^Column: 财政预决算 — /);
  });
});
