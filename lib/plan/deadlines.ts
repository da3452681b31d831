/**
 * Deadlines a text names: time limits (`最迟5小时内发布权威信息`, `7个工作日内`) and dated targets (`2017年底前`,
 * `到2020年`, `年内`, `2018年6月底前`).
 *
 * Decides: the phrases recognised, the date a target means (`YYYY年底前` and `YYYY年前` → YYYY-12-31, `到YYYY年` →
 * YYYY-12-31, `年内` → the plan year's 12-31, `YYYY年M月底前` → the month's last day), and the action cut (words
 * after the phrase up to punctuation, without `的时限要求`).
 * Does not decide: whether a page met a deadline.
 */
import { normalizeText } from '../text/normalize';
import type { Deadline, TextSource } from './model';

const CN_SMALL: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function amountOf(s: string): number {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.length === 2 && s.startsWith('十')) return 10 + (CN_SMALL[s[1] ?? ''] ?? 0);
  if (s.length === 2 && s.endsWith('十')) return (CN_SMALL[s[0] ?? ''] ?? 0) * 10;
  return CN_SMALL[s] ?? Number.NaN;
}

const WITHIN =
  /(?:最迟|最晚)?(?:要)?(?:在)?(\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,2})\s*(个)?(小时|工作日|日|天|周|星期|月)(?:内|以内)/g;
const BY_YEAR_END = /(20\d{2})年(?:(\d{1,2})月)?(?:底)?(?:前|以前)/g;
const BY_YEAR = /到(20\d{2})年(?:底)?/g;
const THIS_YEAR = /年内/g;

function unitOf(word: string): Extract<Deadline, { kind: 'within' }>['unit'] | null {
  switch (word) {
    case '小时':
      return 'hour';
    case '工作日':
      return 'workday';
    case '日':
    case '天':
      return 'day';
    case '周':
    case '星期':
      return 'week';
    case '月':
      return 'month';
    default:
      return null;
  }
}

const ACTION_STOP = /^(?:[,;。:、()!?]|并|的时限要求|的要求)/;

/** Words after a phrase up to punctuation outside quotes (`实现“双随机、一公开”监管全覆盖`). */
function actionAfter(text: string, end: number): string {
  let quoted = false;
  for (let i = end; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '“' || c === '「') quoted = true;
    else if (c === '”' || c === '」') quoted = false;
    else if (!quoted && ACTION_STOP.test(text.slice(i, i + 5))) return text.slice(end, i).trim();
  }
  return text.slice(end).trim();
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Deadlines named in `text`; `planYear` gives `年内` its date (none when unknown). */
export function extractDeadlines(text: string, source: TextSource, planYear: number | null): Deadline[] {
  const norm = normalizeText(text);
  const out: Deadline[] = [];
  for (const m of norm.matchAll(WITHIN)) {
    const amount = amountOf(m[1] ?? '');
    const unitWord = m[3] ?? '';
    // `个月` needs its 个; a bare `月内` is not a duration (`本月内`).
    if (unitWord === '月' && m[2] !== '个') continue;
    const unit = unitOf(unitWord);
    if (unit === null || !(amount > 0)) continue;
    out.push({ kind: 'within', amount, unit, phrase: m[0], action: actionAfter(norm, m.index + m[0].length), source });
  }
  const byTaken: Array<[number, number]> = [];
  const pushBy = (date: string, phrase: string, start: number): void => {
    const end = start + phrase.length;
    if (byTaken.some(([s, e]) => start < e && end > s)) return;
    byTaken.push([start, end]);
    out.push({ kind: 'by', date, phrase, action: actionAfter(norm, end), source });
  };
  for (const m of norm.matchAll(BY_YEAR_END)) {
    const year = Number(m[1]);
    const month = m[2] !== undefined ? Number(m[2]) : 12;
    if (month < 1 || month > 12) continue;
    pushBy(lastDayOf(year, month), m[0], m.index);
  }
  for (const m of norm.matchAll(BY_YEAR)) pushBy(`${m[1]}-12-31`, m[0], m.index);
  if (planYear !== null) {
    for (const m of norm.matchAll(THIS_YEAR)) pushBy(`${planYear}-12-31`, m[0], m.index);
  }
  return out;
}
