/**
 * A whole-site patrol's record (SiteRecord) as spreadsheet rows: 栏目更新情况 (one row per column: path, name, kind,
 * newest item and its date, item count, status, the time rule applied — said to be the default when it is — the
 * page's own explanation, address) and 链接检查 (one row per dead, suspected and other-site link: address, verdict,
 * HTTP status, detail, how many pages and which). Every text cell goes through safeCell (cells.ts): page text is
 * untrusted; the kind, the rule and other names the patrol wrote are in the export's language (lib/patrol-names.ts).
 * Decides the columns and words; the workbook is xlsx.ts's.
 */
import type { Language } from '../i18n-catalog';
import type { SiteColumn, SiteLink, SiteRecord } from '../storage/db';
import { patrolNameIn } from '../patrol-names';
import { safeCell } from './cells';
import { t } from './text';

export const COLUMN_SHEET_WIDTHS = [36, 20, 12, 12, 40, 8, 14, 36, 30, 44] as const;
export const LINK_SHEET_WIDTHS = [56, 12, 10, 24, 10, 80] as const;

const FOUND_ON_SHOWN = 10;

export function columnStatusLabel(lang: Language, status: SiteColumn['status']): string {
  return t(lang, `siteColumnStatus_${status.replace(/-/g, '_')}`);
}

export function linkVerdictLabel(lang: Language, link: SiteLink, external: boolean): string {
  const verdict = t(lang, `siteLinkVerdict_${link.verdict.replace(/-/g, '_')}`);
  return external ? `${t(lang, 'siteLinkExternal')} · ${verdict}` : verdict;
}

/** A column's time rule in the language, said to be the product's default when it is. */
export function ruleCell(lang: Language, c: Pick<SiteColumn, 'rule' | 'ruleIsDefault'>): string {
  if (!c.rule) return '';
  const rule = patrolNameIn(c.rule, lang);
  return c.ruleIsDefault ? `${rule} · ${t(lang, 'siteRuleIsDefault')}` : rule;
}

export function columnSheetHeader(lang: Language): string[] {
  return ['path', 'name', 'kind', 'latest', 'latestTitle', 'items', 'status', 'rule', 'explanation', 'url'].map((k) =>
    safeCell(t(lang, `exportSiteCol_${k}`)),
  );
}

export function columnSheetRows(lang: Language, site: SiteRecord): Array<Array<string | number>> {
  return site.columns.map((c) => [
    safeCell(c.path.join(' > ')),
    safeCell(c.name),
    safeCell(c.kindLabel ? patrolNameIn(c.kindLabel, lang) : ''),
    safeCell(c.latest ?? ''),
    safeCell(c.latestTitle ?? ''),
    c.items,
    safeCell(columnStatusLabel(lang, c.status)),
    safeCell(c.rule ? ruleCell(lang, c) : ''),
    safeCell(c.explanation ?? ''),
    safeCell(c.url),
  ]);
}

export function linkSheetHeader(lang: Language): string[] {
  return ['url', 'verdict', 'status', 'detail', 'foundCount', 'foundOn'].map((k) =>
    safeCell(t(lang, `exportLinkCol_${k}`)),
  );
}

export function linkSheetRows(lang: Language, site: SiteRecord): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  const add = (l: SiteLink, external: boolean) =>
    rows.push([
      safeCell(l.url),
      safeCell(linkVerdictLabel(lang, l, external)),
      l.status,
      safeCell(l.detail),
      l.foundCount,
      safeCell(
        l.foundOn.slice(0, FOUND_ON_SHOWN).join('\n') +
          (l.foundCount > l.foundOn.length ? `\n${t(lang, 'siteLinkMorePages', l.foundCount - l.foundOn.length)}` : ''),
      ),
    ]);
  for (const l of site.deadLinks) add(l, false);
  for (const l of site.suspectedLinks) add(l, false);
  for (const l of site.externalLinks) add(l, true);
  return rows;
}
