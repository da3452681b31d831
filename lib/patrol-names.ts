/**
 * The names the whole-site patrol writes — a column's time rule and its limit, a 单项否决 indicator, its threshold, the
 * indicator set — in both languages, from the indicator set's data (seeds/indicators: each name with its English, each
 * threshold's wording in both languages with `{name}` for its numbers). The patrol writes them in Chinese, the data's
 * language: so they are stored in the site record and the findings, searched, and written to the audit file and the
 * CLI's JSON. `patrolNameIn` shows a name the patrol wrote in the interface's language: in English, by the bundled
 * indicator set's English; a name that set does not know (another set's, a plan's own wording) is shown as written.
 * Decides the wording of these names; not the rules nor the verdict (lib/crawl/column-tree.ts, site-verdict.ts), nor
 * the rule names shared with the freshness check (policy-names.ts), whose English this reuses.
 */
import gov19 from '../seeds/indicators/gov-19-2019.json';
import type { Language } from './i18n-format';
import { freshnessRuleEn, nationalRuleName } from './policy-names';

/** A name and its English, as the indicator data gives them. */
interface Named {
  name: string;
  nameEn?: string;
}

/** A threshold's wording: Chinese and English templates, `{key}` standing for a number. */
export interface ThresholdWording {
  threshold: string;
  thresholdEn?: string;
}

/** The rule-with-limit wording of an indicator set (`{rule}（{days} 天）`). */
export interface RuleLimitWording {
  ruleLimit: string;
  ruleLimitEn?: string;
}

/** The template with each `{key}` replaced by its value (an unknown key is left as written). */
export function fillWording(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A 单项否决 indicator's name in the language (its Chinese name when the data gives no English). */
export function vetoName(veto: Named, language: Language): string {
  return language === 'zh_CN' ? veto.name : (veto.nameEn ?? veto.name);
}

/** A threshold as applied (`① ≥ 5（现 3）；② ≥ 10（现 2）`), in the language. */
export function thresholdText(
  wording: ThresholdWording,
  values: Readonly<Record<string, string | number>>,
  language: Language,
): string {
  return fillWording(language === 'zh_CN' ? wording.threshold : (wording.thresholdEn ?? wording.threshold), values);
}

/** A column's time rule with its limit in days (`动态/要闻：2周（14 天）`), in the language. */
export function ruleLimitText(set: RuleLimitWording, rule: string, days: number, language: Language): string {
  return fillWording(language === 'zh_CN' ? set.ruleLimit : (set.ruleLimitEn ?? set.ruleLimit), { rule, days });
}

type Bundled = typeof gov19;

/**
 * A Chinese wording (`首页最新信息 {date}（{days} 天）`) as a whole-line pattern that reads its keys back, with the keys
 * in order: each `{key}` stands for what `capture(key)` matches, everything else for itself. Shared by the patrol's
 * names (patrol-names) and its evidence lines (patrol-evidence).
 */
export function wordingPattern(
  template: string,
  capture: (key: string) => string,
  flags = '',
): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!key) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(key);
      return capture(key);
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, flags), keys };
}

/** A Chinese template as a pattern: `{rule}` any text, every other `{key}` a number. */
function templatePattern(template: string): { pattern: RegExp; keys: string[] } {
  return wordingPattern(template, (key) => (key === 'rule' ? '(.+)' : '(\\d+)'));
}

interface Known {
  /** Whole names (vetoes, column kinds, the default rule, the set's title) → English. */
  names: Map<string, string>;
  thresholds: Array<{ pattern: RegExp; keys: string[]; en: string }>;
  ruleLimit: { pattern: RegExp; keys: string[]; en: string };
}

let known: Known | null = null;

/** The bundled indicator set's names, read once, when first asked. */
function knownNames(): Known {
  if (known) return known;
  const set: Bundled = gov19;
  const names = new Map<string, string>([[set.ref, set.refEn]]);
  for (const kind of set.columnKinds) names.set(kind.label, kind.labelEn);
  names.set(set.defaultRule.label, set.defaultRule.labelEn);
  const thresholds: Known['thresholds'] = [];
  for (const veto of Object.values(set.vetoes) as Array<Named & Required<ThresholdWording>>) {
    if (veto.nameEn) names.set(veto.name, veto.nameEn);
    thresholds.push({ ...templatePattern(veto.threshold), en: veto.thresholdEn });
  }
  known = { names, thresholds, ruleLimit: { ...templatePattern(set.ruleLimit), en: set.ruleLimitEn } };
  return known;
}

/**
 * Rules as patrols before 2026-11-30 named them, in the site records and findings they stored: `<the set's title>
 * 动态/要闻` (a 19号 kind), `方案第2项 每月` (a plan task and its wording), with `：366 天` after them in a record.
 */
const LEGACY_PLAN_RULE = /^方案第(.+?)项 (.+)$/;
const LEGACY_RULE_LIMIT = /^(.+)：(\d+) 天$/;

/** A rule named the earlier way, in English (a 19号 kind as the freshness check names it, a plan task by its number). */
function legacyRuleEn(rule: string): string | null {
  const set: Bundled = gov19;
  if (rule.startsWith(`${set.ref} `)) {
    const kind = set.columnKinds.find((k) => k.label === rule.slice(set.ref.length + 1));
    return kind?.maxDays ? nationalRuleName(kind, kind.maxDays, 'en') : null;
  }
  const plan = LEGACY_PLAN_RULE.exec(rule);
  return plan ? `${plan[1]}. ${plan[2]}` : null;
}

/** A column rule's name in English: a national or plan rule (policy-names.ts), the default rule, an earlier name. */
function ruleEn(rule: string): string {
  return knownNames().names.get(rule) ?? legacyRuleEn(rule) ?? freshnessRuleEn(rule);
}

/** The values a template's pattern captured, by key; `{rule}` said in English. */
function captured(match: RegExpExecArray, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  keys.forEach((key, i) => {
    values[key] = key === 'rule' ? ruleEn(match[i + 1]!) : match[i + 1]!;
  });
  return values;
}

/** The English of a name the patrol wrote in Chinese; the name itself when the bundled set does not know it. */
export function patrolNameEn(text: string): string {
  const { names, thresholds, ruleLimit } = knownNames();
  const whole = names.get(text);
  if (whole) return whole;
  const limit = ruleLimit.pattern.exec(text);
  if (limit) return fillWording(ruleLimit.en, captured(limit, ruleLimit.keys));
  for (const t of thresholds) {
    const match = t.pattern.exec(text);
    if (match) return fillWording(t.en, captured(match, t.keys));
  }
  const legacy = LEGACY_RULE_LIMIT.exec(text);
  if (legacy) return fillWording(ruleLimit.en, { rule: ruleEn(legacy[1]!), days: legacy[2]! });
  return ruleEn(text);
}

/** A name the patrol wrote, in the language (unchanged in Chinese). */
export function patrolNameIn(text: string, language: Language): string {
  return language === 'zh_CN' ? text : patrolNameEn(text);
}
