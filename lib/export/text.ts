/**
 * Small text helpers shared by the exporters: a catalogue lookup by key, and timestamps as Chinese evaluators read
 * them.
 *
 * Decides: times are written in China Standard Time (UTC+8, no daylight saving), `YYYY-MM-DD HH:mm:ss`, whatever the
 * machine's time zone, so the same audit exports the same file everywhere.
 * Does not decide: which strings are shown (the exporters) nor the catalogue rules (lib/i18n-catalog.ts).
 */
import { formatIn, type Language } from '../i18n-catalog';

export function t(lang: Language, key: string, ...args: Array<string | number>): string {
  return formatIn(lang, { key, args: args.map(String) });
}

const CST_OFFSET_MS = 8 * 3600 * 1000;

/** An ISO time as `YYYY-MM-DD HH:mm:ss` in UTC+8; '' for an empty or unreadable time. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
