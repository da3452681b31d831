/**
 * Policy names in the interface's language: a freshness rule's name and a column read from a URL folder are English
 * in English (the CLI's and the export's catalogue formatting, formatIn, as well as the panel's tm), Chinese in
 * Chinese, and page text is never translated.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { luoyuan2017, templates } from '../seeds/index';
import { columnFreshness } from './checks/column-freshness';
import { freshnessRules } from './checks/freshness-rules';
import { GOV_19_2019 } from './crawl/indicators';
import { formatIn } from './i18n-catalog';
import { PERIODS } from './plan/model';
import { localiseArgs } from './localise-args';
import { columnNameIn, nationalRuleName, planRuleName } from './policy-names';
import { takeSnapshot } from './snapshot/take-snapshot';

const CJK = /[\u3400-\u9fff]/;

function newsStale() {
  const url = 'http://www.luoyuan.gov.cn/xwzx/gzdt/index.html';
  const html = readFileSync(resolve(import.meta.dirname, 'checks/fixtures/column-freshness/news-stale.html'), 'utf8');
  const { document } = parseHTML(html);
  const snapshot = takeSnapshot(document as unknown as Document, url);
  const context = {
    now: new Date('2026-11-28T04:00:00Z'),
    plan: luoyuan2017,
    templates: new Map(templates.map((t) => [t.id, t])),
    tasks: [],
    pageKind: 'list' as const,
  };
  return columnFreshness.run(snapshot, { columnName: '工作动态' }, context)[0]!;
}

describe('freshness rules are named in the interface’s language', () => {
  it('shows the national rule of a stale news column in English in English, in Chinese in Chinese', () => {
    const result = newsStale();
    expect(result.message.args[2]).toBe('动态/要闻：2周');
    const en = formatIn('en', result.message);
    expect(en).toContain('News / headlines: 2 weeks');
    expect(en).not.toMatch(CJK);
    expect(formatIn('zh_CN', result.message)).toContain('动态/要闻：2周');
  });

  it('has an English name for every national rule and every plan period', () => {
    for (const kind of GOV_19_2019.columnKinds) {
      if (kind.maxDays === null) continue;
      const zh = nationalRuleName(kind, kind.maxDays, 'zh_CN');
      const en = localiseArgs({ key: 'checkFreshnessFresh', args: ['2026-11-01', '3', zh] }, 'en').args[2]!;
      expect(en, zh).not.toMatch(CJK);
      expect(en).toBe(nationalRuleName(kind, kind.maxDays, 'en'));
    }
    for (const period of PERIODS) {
      const zh = planRuleName('12', period, 'zh_CN');
      const en = localiseArgs({ key: 'checkFreshnessStale', args: ['2026-01-01', '300', zh, '62'] }, 'en').args[2]!;
      expect(en, zh).toBe(planRuleName('12', period, 'en'));
      expect(en).toMatch(/^12\. [a-z ]+$/);
    }
  });

  it('names the rules the check applies exactly as before (the stored, searched and exported form)', () => {
    const task = luoyuan2017.tasks.find((t) => t.frequencies.length === 1 && t.frequencies[0]!.period === 'monthly')!;
    expect(freshnessRules('通知公告', [task]).map((r) => r.label)).toEqual([`${task.no}. 按月`, '通知公告：6个月']);
    expect(freshnessRules('人事任免', []).map((r) => r.label)).toEqual(['人事：1年']);
  });

  it('never translates page text: other arguments, other messages, and names the product did not write', () => {
    const message = { key: 'checkFreshnessStale', args: ['2026-11-06', '22', '动态/要闻：3周', '14'] };
    expect(localiseArgs(message, 'en')).toEqual(message);
    const elsewhere = { key: 'checkElementsFail', args: ['动态/要闻：2周', '1', '0', '通知公告'] };
    expect(localiseArgs(elsewhere, 'en')).toEqual(elsewhere);
  });
});

describe('a column read from a URL folder is named in the interface’s language', () => {
  it('is English in English and as read in Chinese; a name the page printed stays as printed', () => {
    expect(columnNameIn({ name: '财政预决算', source: 'url' }, 'en')).toBe('Fiscal budgets and final accounts');
    expect(columnNameIn({ name: '财政预决算', source: 'url' }, 'zh_CN')).toBe('财政预决算');
    expect(columnNameIn({ name: '财政预决算', source: 'breadcrumb' }, 'en')).toBe('财政预决算');
    expect(columnNameIn({ name: null, source: 'none' }, 'en')).toBeNull();
  });
});
