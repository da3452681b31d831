/**
 * How old the newest item of a column may be, from the same policy data the patrol uses (seeds/indicators, via
 * lib/crawl/indicators.ts): the plan's periods (按月 2 months: a month is published in the next; 按季度 4 months;
 * 每年 13 months; 定期 6 months — `planPeriodDays`) and 国办秘函〔2019〕19号's column kinds (动态/要闻 2 weeks,
 * 通知公告/政策文件 6 months, 人事/规划计划 1 year — `columnKinds`). The strictest rule that applies wins.
 * Decides the rules only; the column-freshness check applies them.
 */
import { columnKind, GOV_19_2019 } from '../crawl/indicators';
import type { Period, Task } from '../plan/model';

export interface FreshnessRule {
  maxDays: number;
  /** i18n key of the rule's name, and its argument. */
  source: 'plan' | 'national';
  label: string;
}

const PERIOD_LABEL: Record<Period, string> = {
  monthly: '按月',
  quarterly: '按季度',
  halfYearly: '每半年',
  yearly: '每年',
  periodic: '定期',
};

/** 14 → 2周, 183 → 6个月, 366 → 1年: the limit as 19号 words it. */
function spoken(days: number): string {
  if (days % 7 === 0 && days < 60) return `${days / 7}周`;
  if (days >= 360) return `${Math.round(days / 366)}年`;
  return `${Math.round(days / 30.5)}个月`;
}

export function freshnessRules(columnName: string | null, tasks: readonly Task[]): FreshnessRule[] {
  const rules: FreshnessRule[] = [];
  for (const task of tasks) {
    for (const f of task.frequencies)
      rules.push({
        maxDays: GOV_19_2019.planPeriodDays[f.period],
        source: 'plan',
        label: `${task.no}. ${PERIOD_LABEL[f.period]}`,
      });
  }
  const kind = columnName ? columnKind(GOV_19_2019, columnName) : null;
  if (kind?.maxDays)
    rules.push({ maxDays: kind.maxDays, source: 'national', label: `${kind.label}：${spoken(kind.maxDays)}` });
  return rules.sort((a, b) => a.maxDays - b.maxDays);
}
