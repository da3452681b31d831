/**
 * Whether a filled value is of the kind a template expects: a phone looks like a phone, a date parses, money is an
 * amount or says it is free (收费标准 "不收费" is a value), a duration is a time limit or 即办, a link is a link, yes/no
 * says yes or no. Decides only the shape of a value, not whether it is true.
 */
import type { ValueKind } from '../plan/model';
import { findDate } from '../snapshot/dates';
import { message, type Message } from './types';
import { removeSpaces } from '../text/whitespace';

const PHONE = /(?<!\d)(?:0\d{2,3}[-－—\s]?\d{7,8}|1[3-9]\d{9}|12345|400[-\s]?\d{3}[-\s]?\d{4}|\d{7,8})(?!\d)/;
const MONEY = /(\d[\d,.]*\s*(元|万元|亿元)|不收费|免费|无收费|免收|无)/;
const DURATION =
  /(\d+|[一二三四五六七八九十百]+)\s*(个)?\s*(工作日|自然日|日|天|小时|个月|月|周|年)|即办|即时办结|当场办结|当场办理|立即办结|当日办结/;
const YESNO = /^(是|否|有|无|支持|不支持|需要|不需要|无需|可以|不可以|可|不可|提供|不提供|不涉及|不适用)/;
const URL_LIKE = /https?:\/\/|www\./i;

export function checkValueKind(kind: ValueKind, value: string, links: number): Message | null {
  const v = value.trim();
  switch (kind) {
    case 'text':
      return null;
    case 'phone':
      return PHONE.test(v) ? null : message('kindNotPhone');
    case 'date':
      return findDate(v) ? null : message('kindNotDate');
    case 'money':
      return MONEY.test(v) ? null : message('kindNotMoney');
    case 'duration':
      return DURATION.test(v) ? null : message('kindNotDuration');
    case 'link':
      return links > 0 || URL_LIKE.test(v) ? null : message('kindNotLink');
    case 'yesno':
      return YESNO.test(v) ? null : message('kindNotYesNo');
  }
}

/** Values that only say there is nothing (yet): they leave a required element empty. */
export function isPlaceholderValue(value: string): boolean {
  return /^(无|暂无|空|—+|-+|\/|／|无内容|暂无内容|待定|略|…+|\.+|整理中|正在整理|待整理|待补充|待完善|暂缺|建设中|正在建设中)$/.test(
    removeSpaces(value),
  );
}
