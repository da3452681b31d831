/**
 * Which engine-message arguments are names the product itself wrote from its policy tables and indicator data — a
 * freshness rule (policy-names.ts), a patrol's column rule, 单项否决 indicator, threshold and indicator set
 * (patrol-names.ts), the product's words in a veto's evidence line (patrol-evidence.ts) — and the message with those arguments in the interface's language. Messages are stored, searched
 * and exported with them in Chinese; `tm` (the panel) and `formatIn` (CLI, exports) show them through this.
 * Decides only which arguments are such names; page text is never translated (an evidence line keeps what it quotes).
 */
import type { Message } from './checks/types';
import type { Language } from './i18n-format';
import { patrolEvidenceEn } from './patrol-evidence';
import { patrolNameEn } from './patrol-names';
import { freshnessRuleEn } from './policy-names';

/** `home-not-updated 首页不更新`: a veto's id (kept) and its name. */
function vetoLabelEn(label: string): string {
  const at = label.indexOf(' ');
  return at < 0 ? patrolNameEn(label) : `${label.slice(0, at)} ${patrolNameEn(label.slice(at + 1))}`;
}

/** `动态/要闻：2周 14`: a column's rule and its limit in days (the message says the unit). */
function ruleAndDaysEn(text: string): string {
  const match = /^(.*) (\d+)$/.exec(text);
  return match ? `${patrolNameEn(match[1]!)} ${match[2]}` : patrolNameEn(text);
}

const VETO_ARGS = { 0: vetoLabelEn, 1: patrolNameEn, 2: patrolNameEn };

/** The message arguments (by message key, 0-based position) that are policy names, with their English. */
const POLICY_ARGS: Readonly<Record<string, Readonly<Record<number, (name: string) => string>>>> = {
  checkFreshnessStale: { 2: freshnessRuleEn },
  checkFreshnessFresh: { 2: freshnessRuleEn },
  patrolVetoTriggered: VETO_ARGS,
  patrolVetoClear: VETO_ARGS,
  patrolVetoUndecided: VETO_ARGS,
  patrolColumnStatus: { 4: ruleAndDaysEn },
  patrolEvidence: { 0: patrolEvidenceEn },
};

/** The message with its policy-name arguments in the language (unchanged in Chinese). */
export function localiseArgs(message: Message, language: Language): Message {
  const declared = POLICY_ARGS[message.key];
  if (language === 'zh_CN' || !declared) return message;
  return { key: message.key, args: message.args.map((arg, i) => declared[i]?.(arg) ?? arg) };
}
