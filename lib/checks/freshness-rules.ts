/**
 * How old the newest item of a column may be, from the same policy data the patrol uses (seeds/indicators, via
 * lib/crawl/indicators.ts): the plan's periods (按月 2 months: a month is published in the next; 按季度 4 months;
 * 每年 13 months; 定期 6 months — `planPeriodDays`) and 国办秘函〔2019〕19号's column kinds (动态/要闻 2 weeks,
 * 通知公告/政策文件 6 months, 人事/规划计划 1 year — `columnKinds`). The strictest rule that applies wins.
 * A rule's name is in Chinese, the data's language (`2. 按月`, `动态/要闻：2周`: lib/policy-names.ts words it, from the
 * period names of seeds/policy/plan-periods.json and the kinds' names, and gives the English interface their `en`).
 * Decides the rules only; the column-freshness check applies them.
 */
import { columnKind, GOV_19_2019 } from '../crawl/indicators';
import type { Task } from '../plan/model';
import { nationalRuleName, planRuleName } from '../policy-names';

export interface FreshnessRule {
  maxDays: number;
  /** Where the rule comes from: a matched plan task's period, or 19号's column kind. */
  source: 'plan' | 'national';
  /** The rule's name in Chinese (`2. 按月`, `动态/要闻：2周`); the English interface shows it in English. */
  label: string;
}

export function freshnessRules(columnName: string | null, tasks: readonly Task[]): FreshnessRule[] {
  const rules: FreshnessRule[] = [];
  for (const task of tasks) {
    for (const f of task.frequencies)
      rules.push({
        maxDays: GOV_19_2019.planPeriodDays[f.period],
        source: 'plan',
        label: planRuleName(task.no, f.period, 'zh_CN'),
      });
  }
  const kind = columnName ? columnKind(GOV_19_2019, columnName) : null;
  if (kind?.maxDays)
    rules.push({ maxDays: kind.maxDays, source: 'national', label: nationalRuleName(kind, kind.maxDays, 'zh_CN') });
  return rules.sort((a, b) => a.maxDays - b.maxDays);
}
