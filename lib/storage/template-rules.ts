/**
 * Per-site template rules: "the pages of this site under this address are checked against this template", set by a
 * person from a pick on one page (a pick by itself belongs to that page only, picked-templates.ts). The rule is
 * visible in the panel on every page it applies to, and removable there.
 *
 * Decides: the shape (an http(s) URL prefix without #fragment or query, the site is its origin; a template id), one
 * rule per prefix and template (adding it again keeps one), at most 200 rules, which rules apply to a page (its URL,
 * without #fragment, starts with the prefix), and that a stored value of the wrong shape reads as no rules. Kept in
 * the `settings` table under one key. Does not decide: whether the template exists (the engine ignores unknown ids).
 */
import type { GongkaiDb } from './db';
import { pageUrl } from './ids';
import { INVALID_REQUEST_KEYS, InvalidRequest } from './invalid-request';
import { guardWrite } from './storage-error';

export const TEMPLATE_RULES_KEY = 'templateRules';
export const MAX_TEMPLATE_RULES = 200;
const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

export interface TemplateRule {
  /** The address the pages start with (`http://www.example.gov.cn/zwgk/xzcf/`). */
  prefix: string;
  templateId: string;
  createdAt: string;
}

/** The prefix as stored: an http(s) URL without fragment or query; null when it is not one. */
export function cleanPrefix(text: string): string | null {
  try {
    const u = new URL(text.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    u.search = '';
    return u.href;
  } catch {
    return null;
  }
}

/** The folder of a page's address, the natural prefix to offer (`…/zwgk/xzcf/4004.html` → `…/zwgk/xzcf/`). */
export function folderOf(url: string): string {
  const clean = cleanPrefix(url);
  return clean ? clean.replace(/[^/]*$/, '') : url;
}

function isRule(value: unknown): value is TemplateRule {
  const v = value as Partial<TemplateRule> | null;
  return (
    typeof v?.prefix === 'string' &&
    cleanPrefix(v.prefix) === v.prefix &&
    typeof v.templateId === 'string' &&
    TEMPLATE_ID.test(v.templateId) &&
    typeof v.createdAt === 'string'
  );
}

export async function listTemplateRules(db: GongkaiDb): Promise<TemplateRule[]> {
  const value = (await db.settings.get(TEMPLATE_RULES_KEY))?.value;
  return Array.isArray(value) ? value.filter(isRule) : [];
}

/** The rules that apply to a page: its address starts with their prefix (on the same site, so the same origin). */
export function rulesFor(rules: readonly TemplateRule[], url: string): TemplateRule[] {
  const page = pageUrl(url);
  return rules.filter((r) => page.startsWith(r.prefix) && new URL(page).origin === new URL(r.prefix).origin);
}

/** Adds a rule (kept once per prefix and template); refuses a prefix that is not a web address or is not on `site`. */
export async function addTemplateRule(
  db: GongkaiDb,
  rule: { prefix: string; templateId: string; site: string },
  now = new Date(),
): Promise<TemplateRule[]> {
  const prefix = cleanPrefix(rule.prefix);
  let sameSite = false;
  try {
    sameSite = prefix !== null && new URL(prefix).origin === new URL(rule.site).origin;
  } catch {
    sameSite = false;
  }
  const next: TemplateRule = { prefix: prefix ?? '', templateId: rule.templateId, createdAt: now.toISOString() };
  if (!sameSite || !isRule(next)) throw new InvalidRequest(INVALID_REQUEST_KEYS.templateRule);
  return guardWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const list = (await listTemplateRules(db)).filter(
        (r) => !(r.prefix === next.prefix && r.templateId === next.templateId),
      );
      if (list.length >= MAX_TEMPLATE_RULES) throw new InvalidRequest(INVALID_REQUEST_KEYS.templateRulesFull);
      const all = [...list, next];
      await db.settings.put({ key: TEMPLATE_RULES_KEY, value: all });
      return all;
    }),
  );
}

export async function removeTemplateRule(
  db: GongkaiDb,
  rule: Pick<TemplateRule, 'prefix' | 'templateId'>,
): Promise<TemplateRule[]> {
  return guardWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const all = (await listTemplateRules(db)).filter(
        (r) => !(r.prefix === rule.prefix && r.templateId === rule.templateId),
      );
      await db.settings.put({ key: TEMPLATE_RULES_KEY, value: all });
      return all;
    }),
  );
}
