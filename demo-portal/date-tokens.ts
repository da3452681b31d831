/**
 * Date tokens for the demo portal.
 *
 * The demo site must look "fresh" forever (a 工作动态 item from three days ago, a stale 价格和收费
 * column from over a year ago), so its HTML carries tokens the server expands at serve time:
 *
 *   {{date:-3d}}                 → 2026-11-25            (default format YYYY-MM-DD)
 *   {{date:-3d|YYYY年M月D日}}     → 2026年11月25日
 *   {{date:-40d|MM-DD}}          → 10-19
 *   {{date:-2d|YYYYMM}}          → 202611               (for TRS-style URL folders)
 *   {{date:-2d|YYYYMMDD}}        → 20261126
 *   {{date:-1m-10d|YYYY年M月}}    → offsets can be chained: months/years first, then days
 *   {{date:0d}}                  → today
 *
 * Units: d (days), m (months), y (years). A month shift that lands past the end of a month is
 * clamped (2026-03-31 -1m → 2026-02-28). Format letters: YYYY, MM, M, DD, D, HH, mm; everything
 * else is literal. Calendar dates are computed in China Standard Time (UTC+8, no DST) so the
 * result does not depend on the machine's time zone.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A calendar date (and time of day) in China Standard Time. */
export interface CstDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
}

export const DATE_TOKEN_RE = /\{\{date:([^|}]*)(?:\|([^}]*))?\}\}/g;

const OFFSET_PART_RE = /([+-]?)(\d+)([dmy])/gy;

/** The calendar date in China Standard Time of an instant. */
export function toCst(now: Date): CstDate {
  const t = new Date(now.getTime() + CST_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an offset such as `-3d`, `-14m`, `-1y-2m`, `+5d`, `0d` into months and days.
 * Returns null when the offset is malformed.
 */
export function parseOffset(offset: string): { months: number; days: number } | null {
  const s = offset.trim();
  if (s === '' || s === '0') return { months: 0, days: 0 };
  let months = 0;
  let days = 0;
  OFFSET_PART_RE.lastIndex = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = OFFSET_PART_RE.exec(s)) !== null) {
    const sign = m[1] === '-' ? -1 : 1;
    const n = sign * Number(m[2]);
    const unit = m[3];
    if (unit === 'd') days += n;
    else if (unit === 'm') months += n;
    else months += 12 * n;
    consumed = OFFSET_PART_RE.lastIndex;
  }
  if (consumed !== s.length) return null;
  return { months, days };
}

/** Shifts a CST calendar date: months (and years) first, clamping the day, then days. */
export function shiftCst(base: CstDate, offset: { months: number; days: number }): CstDate {
  const monthIndex = base.year * 12 + (base.month - 1) + offset.months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(base.day, daysInMonth(year, month));
  const t = new Date(Date.UTC(year, month - 1, day + offset.days));
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: base.hour,
    minute: base.minute,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Formats a CST date with YYYY / MM / M / DD / D / HH / mm; other characters are literal. */
export function formatCst(d: CstDate, format = 'YYYY-MM-DD'): string {
  return format.replace(/YYYY|MM|DD|HH|mm|M|D/g, (tok) => {
    switch (tok) {
      case 'YYYY':
        return String(d.year);
      case 'MM':
        return pad2(d.month);
      case 'DD':
        return pad2(d.day);
      case 'HH':
        return pad2(d.hour);
      case 'mm':
        return pad2(d.minute);
      case 'M':
        return String(d.month);
      default:
        return String(d.day);
    }
  });
}

/** The value of one token, e.g. `dateToken('-3d', 'YYYYMMDD', now)`. Throws on a malformed offset. */
export function dateToken(offset: string, format: string | undefined, now: Date): string {
  const parsed = parseOffset(offset);
  if (!parsed) throw new Error(`malformed date token offset: "${offset}"`);
  return formatCst(shiftCst(toCst(now), parsed), format ?? 'YYYY-MM-DD');
}

/**
 * Replaces every `{{date:OFFSET|FORMAT}}` token in `text` relative to `now`.
 * Malformed tokens are left in place (the demo-portal tests fail on any leftover `{{date`).
 */
export function expandDateTokens(text: string, now: Date): string {
  return text.replace(DATE_TOKEN_RE, (whole, offset: string, format: string | undefined) => {
    const parsed = parseOffset(offset);
    if (!parsed) return whole;
    return formatCst(shiftCst(toCst(now), parsed), format ?? 'YYYY-MM-DD');
  });
}
