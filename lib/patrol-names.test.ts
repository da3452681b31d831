/**
 * The whole-site patrol's names in the interface's language: a column's time rule, each 单项否决 indicator, its
 * threshold and the indicator set are written in Chinese (stored, exported, the CLI's JSON) and shown in English in
 * English — in the findings' messages (formatIn: CLI and exports; tm in the panel goes through the same
 * localiseArgs), the HTML report's site section and the Excel sheet of columns — while page text stays as written.
 */
import { describe, expect, it } from 'vitest';
import { bundledPlans } from '../seeds/index';
import type { MatchedTask } from './checks/types';
import { ColumnTree, type ListReading } from './crawl/column-tree';
import { GOV_19_2019, parseIndicatorSet } from './crawl/indicators';
import { siteResults } from './crawl/site-results';
import { siteVerdict } from './crawl/site-verdict';
import { columnSheetRows } from './export/site-rows';
import { siteSection } from './export/site-section';
import { formatIn } from './i18n-catalog';
import { patrolNameEn, patrolNameIn, ruleLimitText, thresholdText } from './patrol-names';
import type { SiteRecord } from './storage/db';

const NOW = new Date('2026-11-28T04:00:00Z');
const plan = bundledPlans[0]!;
const monthlyTask = plan.tasks.find((t) => t.frequencies.some((f) => f.period === 'monthly'))!;
/** Chinese characters, but for 19号 (the document's number, which the English catalogue names so too). */
const chinese = (text: string) => text.replace(/19号/g, '').match(/[\u3400-\u9fff（）：；，]/u);

function daysAgo(n: number): string {
  return new Date(NOW.getTime() - n * 86_400_000).toISOString().slice(0, 10);
}

function reading(latestDaysAgo: number, tag: string): ListReading {
  const items = [0, 1].map((i) => ({
    title: `${tag} 第${i}条`,
    href: `http://portal.test/${tag}/${i}.html`,
    date: daysAgo(latestDaysAgo + i),
  }));
  return { items, explanation: null, scriptBuilt: false, fingerprint: items.map((i) => i.href).join('|') };
}

const matched = (taskId: string): MatchedTask => ({ taskId, no: '', title: '', score: 1, reasons: [] });

/** A patrolled site's columns — of a 19号 kind, serving a monthly plan task, of no kind — and its vetoes. */
function patrolled() {
  const tree = new ColumnTree(GOV_19_2019, plan);
  const add = (name: string, days: number, tasks: MatchedTask[] = []) =>
    tree.add(
      `http://portal.test/${name}/`,
      { name, source: 'meta', path: ['信息公开', name] },
      reading(days, name),
      tasks,
    );
  add('工作动态', 40);
  add('财政收支', 90, [matched(monthlyTask.id)]);
  add('行政处罚', 400);
  const columns = tree.finish(NOW);
  const vetoes = siteVerdict(
    GOV_19_2019,
    {
      home: { url: 'http://portal.test/', latest: daysAgo(30), latestTitle: '首页新闻' },
      columns,
      messages: [],
      consultationColumns: 1,
      guides: { checked: 3, incomplete: [] },
    },
    NOW,
  );
  return { columns, vetoes, results: siteResults(GOV_19_2019, vetoes, [], [], columns) };
}

describe('the patrol’s names', () => {
  it('writes them in Chinese from the indicator data (columns in tree order: 工作动态, 行政处罚, 财政收支)', () => {
    const { columns, vetoes } = patrolled();
    expect(columns.map((c) => c.rule?.label)).toEqual([
      '动态/要闻：2周',
      GOV_19_2019.defaultRule!.label,
      `${monthlyTask.no}. 按月`,
    ]);
    expect(vetoes.map((v) => v.threshold)).toEqual([
      '> 14 天',
      '① ≥ 5（现 1）；② ≥ 10（现 2）',
      '≥ 5（现 0）',
      '未答复 > 92 天',
      '缺 ≥ 4 类的事项 ≥ 5（现 0/3）',
    ]);
  });

  it('has English for every veto, its threshold, every column kind, the default rule and the set', () => {
    for (const veto of Object.values(GOV_19_2019.vetoes)) {
      expect(chinese(patrolNameEn(veto.name)), veto.name).toBeNull();
      const values = { maxDays: 7, groupOneAtLeast: 5, groupOne: 1, anyAtLeast: 10, any: 2, atLeast: 5, count: 3 };
      const all = { ...values, missingAtLeast: 4, guidesAtLeast: 5, incomplete: 2, checked: 9 };
      const zh = thresholdText(veto, all, 'zh_CN');
      expect(patrolNameEn(zh)).toBe(thresholdText(veto, all, 'en'));
      expect(chinese(patrolNameEn(zh)), zh).toBeNull();
    }
    for (const kind of GOV_19_2019.columnKinds) expect(chinese(patrolNameEn(kind.label)), kind.label).toBeNull();
    expect(chinese(patrolNameEn(GOV_19_2019.defaultRule!.label))).toBeNull();
    expect(patrolNameEn(GOV_19_2019.ref)).toContain('Indicators for checking government websites');
    expect(patrolNameEn(ruleLimitText(GOV_19_2019, '动态/要闻：2周', 14, 'zh_CN'))).toBe(
      'News / headlines: 2 weeks (14 days)',
    );
  });

  it('shows the findings’ veto and column-rule names in English in English, unchanged in Chinese', () => {
    const { results } = patrolled();
    const vetoes = results.filter((r) => r.checkId === 'site-veto');
    const columns = results.filter((r) => r.checkId === 'column-status');
    const en = vetoes.map((r) => formatIn('en', r.message));
    expect(en[0]).toBe(
      'Veto home-not-updated Home page not updated: triggered (> 14 days) — Indicators for checking government websites and government new media (国办秘函〔2019〕19号)',
    );
    expect(en[1]).toContain('Columns not updated: not triggered (① ≥ 5 (now 1); ② ≥ 10 (now 2))');
    for (const text of en) expect(chinese(text.replace(/\(国办秘函〔2019〕19号\)/, '')), text).toBeNull();
    // page text (the column's path) stays as the site wrote it; the rule is in English
    const news = formatIn('en', columns.find((r) => r.message.args[0]!.endsWith('工作动态'))!.message);
    expect(news).toContain('limit News / headlines: 2 weeks 14 days');
    expect(news).toContain('信息公开 > 工作动态');
    const monthly = formatIn('en', columns.find((r) => r.message.args[0]!.endsWith('财政收支'))!.message);
    expect(monthly).toContain(`limit ${monthlyTask.no}. monthly 62 days`);
    expect(formatIn('zh_CN', vetoes[0]!.message)).toContain('首页不更新：触发（> 14 天）');
  });

  it('says them in the export’s language in the report’s site section and the Excel sheet of columns', () => {
    const { columns, vetoes } = patrolled();
    const site = {
      indicators: { id: GOV_19_2019.id, ref: GOV_19_2019.ref, version: GOV_19_2019.version },
      vetoes: vetoes.map((v) => ({ ...v, name: GOV_19_2019.vetoes[v.id].name })),
      columns: columns.map((c) => ({
        ...c,
        rule: c.rule ? ruleLimitText(GOV_19_2019, c.rule.label, c.rule.maxDays, 'zh_CN') : null,
        ruleIsDefault: c.rule?.isDefault === true,
      })),
      start: 'http://portal.test/',
      origin: 'http://portal.test',
      patrolledAt: NOW.toISOString(),
      pages: 3,
      ended: 'complete',
      inspector: '',
      deadLinks: [],
      suspectedLinks: [],
      externalLinks: [],
      tasks: [],
      notes: [],
    } as unknown as SiteRecord;
    const html = siteSection('en', [site]);
    expect(html).toContain('Single-item veto: 1 triggered (Home page not updated)');
    expect(html).toContain('home-not-updated Home page not updated (&gt; 14 days)');
    expect(html).toContain('Default limit (19号 sets no update limit for such columns) (366 days)');
    expect(siteSection('zh_CN', [site])).toContain('home-not-updated 首页不更新（&gt; 14 天）');
    const rows = columnSheetRows('en', site);
    expect(rows.map((r) => r[2])).toEqual(['News / headlines', '', '']);
    expect(rows.map((r) => String(r[7]).split(' · ')[0])).toEqual([
      'News / headlines: 2 weeks (14 days)',
      'Default limit (19号 sets no update limit for such columns) (366 days)',
      `${monthlyTask.no}. monthly (62 days)`,
    ]);
    expect(columnSheetRows('zh_CN', site)[0]![7]).toBe('动态/要闻：2周（14 天）');
  });

  it('says in English the rules earlier patrols stored, named the earlier way', () => {
    // as site records and findings of patrols before the rules were named as the freshness check names them
    expect(patrolNameEn(`${GOV_19_2019.ref} 动态/要闻：14 天`)).toBe('News / headlines: 2 weeks (14 days)');
    expect(patrolNameEn('方案第2项 每月：62 天')).toBe('2. 每月 (62 days)');
    expect(patrolNameEn(`${GOV_19_2019.defaultRule!.label}：366 天`)).toBe(
      'Default limit (19号 sets no update limit for such columns) (366 days)',
    );
    const finding = {
      key: 'patrolColumnStatus',
      args: ['新闻 > 工作动态', 'stale', '2026-10-01', '5', `${GOV_19_2019.ref} 动态/要闻 14`, 'u'],
    };
    expect(formatIn('en', finding)).toContain('limit News / headlines: 2 weeks 14 days');
  });

  it('leaves a name it did not write as written, in any language', () => {
    expect(patrolNameIn('某省自定的栏目规则', 'en')).toBe('某省自定的栏目规则');
    expect(patrolNameIn('首页不更新', 'zh_CN')).toBe('首页不更新');
  });

  it('keeps the bundled wording for a veto an indicator file words only in part', () => {
    const { vetoes } = JSON.parse(JSON.stringify(GOV_19_2019));
    vetoes['blank-columns'] = { name: '空白栏目', atLeast: 3, source: '某省细则' };
    const set = parseIndicatorSet(JSON.stringify({ ...GOV_19_2019, vetoes }));
    expect(thresholdText(set.vetoes['blank-columns'], { atLeast: 3, count: 1 }, 'zh_CN')).toBe('≥ 3（现 1）');
  });
});
