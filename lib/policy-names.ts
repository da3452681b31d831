/**
 * Names from the product's policy tables in the interface's language: a seed entry's `en` name when the interface is
 * English, its Chinese name otherwise (seeds/policy; the column kinds of seeds/indicators). Engine messages carry such
 * names in Chinese, the data's own language — so they are stored, searched and exported in one form —
 * and, when a message is shown in English, localise-args.ts swaps the arguments declared as policy names for their
 * English names. Page text is never translated: only declared arguments that are exactly a name the product itself
 * wrote.
 * Decides the wording of freshness rules' names (`动态/要闻：2周`, `2. 按月`) and of URL-folder columns in both
 * languages; not which message arguments are such names (localise-args.ts), the rules (lib/checks/freshness-rules.ts)
 * nor the tables (seeds/).
 */
import gov19 from '../seeds/indicators/gov-19-2019.json';
import { planPeriodNames, urlColumns } from '../seeds/policy/index';
import type { Language } from './i18n-format';
import type { Period } from './plan/model';

/** A column kind of the indicator set: its name and English name. */
export interface NamedKind {
  label: string;
  labelEn?: string;
}

/** 14 → 2周 / 2 weeks, 183 → 6个月 / 6 months, 366 → 1年 / 1 year: a limit as 19号 words it. */
export function spokenLimit(days: number, language: Language): string {
  const [n, unit] =
    days % 7 === 0 && days < 60
      ? [days / 7, 'week']
      : days >= 360
        ? [Math.round(days / 366), 'year']
        : [Math.round(days / 30.5), 'month'];
  if (language === 'zh_CN') return `${n}${unit === 'week' ? '周' : unit === 'year' ? '年' : '个月'}`;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The name of a national rule: the column kind and its limit (`动态/要闻：2周`, `News / headlines: 2 weeks`). */
export function nationalRuleName(kind: NamedKind, maxDays: number, language: Language): string {
  if (language === 'zh_CN') return `${kind.label}：${spokenLimit(maxDays, language)}`;
  return `${kind.labelEn ?? kind.label}: ${spokenLimit(maxDays, language)}`;
}

const PERIOD_NAMES = new Map(planPeriodNames.map((p) => [p.period, p]));

/** The name of a plan rule: the task's number and its period (`2. 按月`, `2. monthly`). */
export function planRuleName(taskNo: string, period: Period, language: Language): string {
  const names = PERIOD_NAMES.get(period);
  const name = names ? (language === 'zh_CN' ? names.name : names.en) : period;
  return `${taskNo}. ${name}`;
}

/** Every national rule's Chinese name → its English name (the bundled indicator set). */
const NATIONAL_EN = new Map(
  (gov19.columnKinds as Array<NamedKind & { maxDays: number | null }>).flatMap((kind) =>
    kind.maxDays === null
      ? []
      : [[nationalRuleName(kind, kind.maxDays, 'zh_CN'), nationalRuleName(kind, kind.maxDays, 'en')] as const],
  ),
);
const PERIOD_EN = new Map(planPeriodNames.map((p) => [p.name, p.en]));

/** The English of a freshness rule's name (`动态/要闻：2周`, `2. 按月`); the name itself when it is none. */
export function freshnessRuleEn(name: string): string {
  const national = NATIONAL_EN.get(name);
  if (national) return national;
  const at = name.lastIndexOf('. ');
  const period = at > 0 ? PERIOD_EN.get(name.slice(at + 2)) : undefined;
  return period ? `${name.slice(0, at)}. ${period}` : name;
}

const URL_COLUMN_EN = new Map(urlColumns.map((c) => [c.name, c.en]));

/**
 * A detected column's name in the language: a name the product read from a URL folder (seeds/policy/url-columns) in
 * English when the interface is; a name the page printed, as printed.
 */
export function columnNameIn(column: { name: string | null; source: string }, language: Language): string | null {
  if (column.name === null || column.source !== 'url' || language === 'zh_CN') return column.name;
  return URL_COLUMN_EN.get(column.name) ?? column.name;
}
