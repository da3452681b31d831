/**
 * Reads dates as portals print them: 2017-06-01, 2017/6/1, 2017.06.01, [2017-06-01], 2017年6月1日, and MM-DD whose
 * year is only in the URL (`/201706/t20170601_123.html`). Returns ISO `YYYY-MM-DD`; rejects impossible dates.
 */

const FULL = /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)/;
const SHORT = /(?<![\d-])(\d{1,2})-(\d{1,2})(?![\d-])/;

/** Days of a month (Gregorian; February of a leap year has 29). */
function daysIn(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface FoundDate {
  text: string;
  date: string;
}

/** The first full date in the text. */
export function findDate(text: string): FoundDate | null {
  const m = FULL.exec(text);
  if (!m) return null;
  const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return date ? { text: m[0], date } : null;
}

/** The year printed in a portal URL: `/202611/t20261125_1.html`, `/t20261125_`, `/2026-11/`, `/2026/11/`, `/2026/1125/`. */
export function yearFromUrl(href: string): number | null {
  const m =
    /\/t(20\d{2})\d{4}_/.exec(href) ??
    /\/(20\d{2})(?:0[1-9]|1[0-2])\//.exec(href) ??
    /\/(20\d{2})[-/](?:0?[1-9]|1[0-2])\//.exec(href) ??
    /\/(20\d{2})\/(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])\//.exec(href);
  return m ? Number(m[1]) : null;
}

/** A date in a list row: a full date, else an `MM-DD` completed with the year from the item's URL. */
export function findListDate(text: string, href: string): FoundDate | null {
  const full = findDate(text);
  if (full) return full;
  const m = SHORT.exec(text);
  if (!m) return null;
  const year = yearFromUrl(href);
  if (year === null) return null;
  const date = isoDate(year, Number(m[1]), Number(m[2]));
  return date ? { text: m[0], date } : null;
}
