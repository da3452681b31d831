// Which time rule a column is held to: its 19号 kind's limit, the plan's own period for the tasks it serves, and for a
// column with neither the indicator set's default rule — labelled as the default, a person's call (需复核), and kept
// out of the veto counts.
import { describe, expect, it } from 'vitest';
import { bundledPlans } from '../../seeds/index';
import type { MatchedTask } from '../checks/types';
import { ColumnTree, type ListReading } from './column-tree';
import { GOV_19_2019, parseIndicatorSet } from './indicators';
import { siteResults } from './site-results';
import { siteVerdict } from './site-verdict';

const NOW = new Date('2026-11-28T04:00:00Z');
const plan = bundledPlans[0]!;
const monthlyTask = plan.tasks.find((t) => t.frequencies.some((f) => f.period === 'monthly'))!;

function daysAgo(n: number): string {
  return new Date(NOW.getTime() - n * 86_400_000).toISOString().slice(0, 10);
}

function reading(latestDaysAgo: number, tag: string): ListReading {
  const items = [0, 1, 2].map((i) => ({
    title: `${tag} 第${i}条`,
    href: `http://portal.test/${tag}/${i}.html`,
    date: daysAgo(latestDaysAgo + i),
  }));
  return { items, explanation: null, scriptBuilt: false, fingerprint: items.map((i) => i.href).join('|') };
}

const matched = (taskId: string): MatchedTask => ({ taskId, no: '', title: '', score: 1, reasons: [] });

function column(name: string, latestDaysAgo: number, tasks: MatchedTask[] = [], set = GOV_19_2019) {
  const tree = new ColumnTree(set, plan);
  tree.add(`http://portal.test/${name}/`, { name, source: 'meta', path: [name] }, reading(latestDaysAgo, name), tasks);
  return tree.finish(NOW)[0]!;
}

describe('column time rules', () => {
  it('holds a column of no 19号 kind and no plan period to the default rule, said to be the default', () => {
    const old = column('行政处罚', 400);
    expect(old.kind).toBeNull();
    expect(old.rule).toMatchObject({ maxDays: GOV_19_2019.defaultRule!.maxDays, isDefault: true });
    expect(old.rule!.label).toContain('默认');
    expect(old.status).toBe('stale');
    expect(column('行政处罚', 200).status).toBe('fresh');
    // the default names where it comes from
    expect(GOV_19_2019.defaultRule!.source).toContain('19号');
    expect(GOV_19_2019.defaultRule!.source).toContain('第二十六条');
  });

  it('uses the plan task’s own frequency for a column that serves it, never the default', () => {
    const served = column('财政收支', 90, [matched(monthlyTask.id)]);
    expect(served.rule?.isDefault).toBeUndefined();
    expect(served.rule!.maxDays).toBe(GOV_19_2019.planPeriodDays.monthly);
    // named as the freshness check names the same rule (policy-names.ts)
    expect(served.rule!.label).toBe(`${monthlyTask.no}. 按月`);
    expect(served.status).toBe('stale');
  });

  it('keeps the 19号 limit of a kind, and leaves kinds judged otherwise (办事指南) without a time rule', () => {
    const news = column('工作动态', 20);
    expect(news.rule).toMatchObject({ maxDays: 14 });
    expect(news.rule?.isDefault).toBeUndefined();
    expect(news.status).toBe('stale');
    expect(column('办事指南', 900).status).toBe('no-rule');
  });

  it('an indicator file without a default leaves such a column no-rule only when it says so', () => {
    const { defaultRule: _d, ...withoutDefault } = GOV_19_2019;
    // a province's file that omits the default inherits the national set's
    expect(parseIndicatorSet(JSON.stringify(withoutDefault)).defaultRule).toEqual(GOV_19_2019.defaultRule);
    expect(column('行政处罚', 400, [], withoutDefault).status).toBe('no-rule');
  });

  it('does not count columns stale only by the default toward 栏目不更新, and gives them to a person', () => {
    const tree = new ColumnTree(GOV_19_2019, plan);
    const names = [
      '行政处罚',
      '行政许可',
      '财政预算',
      '审计结果',
      '统计数据',
      '价格收费',
      '国资国企',
      '食品安全',
      '安全生产',
      '教育信息',
      '医疗卫生',
    ];
    for (const n of names)
      tree.add(`http://portal.test/${n}/`, { name: n, source: 'meta', path: [n] }, reading(500, n), []);
    const columns = tree.finish(NOW);
    expect(columns.every((c) => c.status === 'stale' && c.rule?.isDefault)).toBe(true);
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
    const notUpdated = vetoes.find((v) => v.id === 'columns-not-updated')!;
    expect(notUpdated.triggered).toBe(false);
    const results = siteResults(GOV_19_2019, vetoes, [], [], columns).filter((r) => r.checkId === 'column-status');
    expect(results.map((r) => r.status)).toEqual(names.map(() => 'needs-review'));
    // a set that counts its default makes the same site fail ②
    const counting = { ...GOV_19_2019, defaultRule: { ...GOV_19_2019.defaultRule!, countsForVeto: true } };
    const strict = siteVerdict(
      counting,
      { home: null, columns, messages: [], consultationColumns: 0, guides: { checked: 0, incomplete: [] } },
      NOW,
    );
    expect(strict.find((v) => v.id === 'columns-not-updated')!.triggered).toBe(true);
  });
});
