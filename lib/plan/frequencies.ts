/**
 * Publication frequencies a text names: 按月 / 每月 → monthly, 按季度 → quarterly, 每半年 → halfYearly,
 * 每年 / 按年度 → yearly, 定期 → periodic; `按月度、季度` gives both. Each with what it applies to.
 *
 * Decides: the phrases recognised and how the subject is cut (the words after the phrase up to punctuation, without
 * the verb: `按月公开饮用水水源水质监测信息` → 饮用水水源水质监测信息).
 * Does not decide: whether a page meets the frequency (a later check does, from the column's dates).
 * Bare 月度/年度 without 按/每 are not frequencies (`年度报告`, `年度薪酬`), nor is 不定期 (irregular checks).
 */
import { normalizeText } from '../text/normalize';
import type { Frequency, Period, TextSource } from './model';

const UNIT = '(?:半年度?|月度?|季度?|年度?)';
const PATTERN = new RegExp(`(按|每)(${UNIT}(?:[、和及与或]${UNIT})*)|(?<!不)定期`, 'g');

function periodOf(word: string): Period | null {
  if (word.startsWith('半年')) return 'halfYearly';
  if (word.startsWith('月')) return 'monthly';
  if (word.startsWith('季')) return 'quarterly';
  if (word.startsWith('年')) return 'yearly';
  return null;
}

const LEADING_VERBS = /^(?:将|对|向社会|向公众|集中)?(?:主动)?(?:公开|公布|发布|更新|推送|报送|通报|公示|发布和推送)?/;
const CUT_AT = /通过|依托|利用|并|以及|,|;|。|:|\(|\)|!|\?/;

function subjectAfter(text: string, end: number): string {
  const rest = text.slice(end);
  const cut = CUT_AT.exec(rest);
  const clause = cut ? rest.slice(0, cut.index) : rest;
  return clause.replace(LEADING_VERBS, '').trim();
}

/** The clause (between punctuation) around a position, for subjects too short to stand alone. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf(','), before.lastIndexOf('。'), before.lastIndexOf(';')) + 1;
  const after = /[,。;]/.exec(text.slice(end));
  const to = after ? end + after.index : text.length;
  return text.slice(from, to).trim();
}

/** Frequencies named in `text` (any script; results are normalised). */
export function extractFrequencies(text: string, source: TextSource): Frequency[] {
  const norm = normalizeText(text);
  const out: Frequency[] = [];
  for (const m of norm.matchAll(PATTERN)) {
    const start = m.index;
    const end = start + m[0].length;
    const phrase = m[0];
    let subject = subjectAfter(norm, end);
    if (subject.length < 3) subject = clauseAround(norm, start, end);
    const periods: Period[] = [];
    if (phrase === '定期') periods.push('periodic');
    else {
      for (const word of (m[2] ?? '').split(/[、和及与或]/)) {
        const p = periodOf(word);
        if (p !== null && !periods.includes(p)) periods.push(p);
      }
    }
    for (const period of periods) {
      if (!out.some((f) => f.period === period && f.subject === subject)) {
        out.push({ period, phrase, subject, source });
      }
    }
  }
  return out;
}
