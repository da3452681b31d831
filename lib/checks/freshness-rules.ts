/**
 * How old the newest item of a column may be. From the plan: 按月 (2 months: a month is published in the next),
 * 按季度 (4 months), 每年 (13 months), 定期 (6 months). From 国办秘函〔2019〕19号: 动态/要闻 columns 2 weeks,
 * 通知公告/政策文件 6 months, 人事/规划计划 1 year. The strictest rule that applies wins.
 */
import type { Period, Task } from '../plan/model';
import { normalizeLabel } from '../text/normalize';

export interface FreshnessRule {
  maxDays: number;
  /** i18n key of the rule's name, and its argument. */
  source: 'plan' | 'national';
  label: string;
}

const PERIOD_DAYS: Record<Period, number> = {
  monthly: 62,
  quarterly: 123,
  halfYearly: 200,
  yearly: 396,
  periodic: 183,
};
const PERIOD_LABEL: Record<Period, string> = {
  monthly: '按月',
  quarterly: '按季度',
  halfYearly: '每半年',
  yearly: '每年',
  periodic: '定期',
};

const NATIONAL: Array<{ pattern: RegExp; maxDays: number; label: string }> = [
  { pattern: /动态|要闻|新闻/, maxDays: 14, label: '动态/要闻：2周' },
  { pattern: /通知公告|公告|政策文件|文件/, maxDays: 183, label: '通知公告/政策文件：6个月' },
  { pattern: /人事|规划计划|规划|计划/, maxDays: 366, label: '人事/规划计划：1年' },
];

export function freshnessRules(columnName: string | null, tasks: readonly Task[]): FreshnessRule[] {
  const rules: FreshnessRule[] = [];
  for (const task of tasks) {
    for (const f of task.frequencies)
      rules.push({ maxDays: PERIOD_DAYS[f.period], source: 'plan', label: `${task.no}. ${PERIOD_LABEL[f.period]}` });
  }
  const name = columnName ? normalizeLabel(columnName) : '';
  const national = NATIONAL.find((r) => r.pattern.test(name));
  if (national) rules.push({ maxDays: national.maxDays, source: 'national', label: national.label });
  return rules.sort((a, b) => a.maxDays - b.maxDays);
}
