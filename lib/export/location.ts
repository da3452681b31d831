/**
 * Where a piece of evidence is on its page, said as a person reads a page — `表格第3行“办理地点”`, `列表第2项` — instead
 * of the CSS path the product uses to find it again (the path stays in the audit file, never in a report or sheet).
 *
 * Decides: the innermost table row, list item or paragraph on the path names the place (its position among its
 * siblings of the same kind, as the path counts them); else "the page body"; "in a frame" when it is in one. The
 * quoted name is the evidence's label (`label：value` evidence) or the kind of personal number (`id:…` evidence).
 * Does not decide: the evidence itself (the checks).
 */
import type { Language } from '../i18n-catalog';
import type { Evidence } from '../snapshot/types';
import { t } from './text';

const PRIVACY_KINDS = new Set(['id', 'id-unverified', 'mobile', 'bank-card']);

/** The name a piece of evidence is known by: its label, or the kind of number; null when it has none. */
export function evidenceName(lang: Language, text: string): string | null {
  const kind = /^([a-z-]+):/.exec(text)?.[1];
  if (kind && PRIVACY_KINDS.has(kind)) return t(lang, `privacyKind_${kind.replace(/-/g, '_')}`);
  const label = /^([^：:]{1,16})[：:]/.exec(text)?.[1]?.trim();
  return label || null;
}

function placeOf(lang: Language, path: string): string {
  const steps = path.split(' > ');
  for (let i = steps.length - 1; i >= 0; i--) {
    const m = /^(tr|li|p|dd|dt)(?::nth-of-type\((\d+)\))?$/.exec(steps[i]!);
    if (!m) continue;
    const n = m[2] ?? '1';
    if (m[1] === 'tr') return t(lang, 'locTableRow', n);
    if (m[1] === 'li') return t(lang, 'locListItem', n);
    if (m[1] === 'p') return t(lang, 'locParagraph', n);
  }
  return t(lang, 'locPage');
}

/** `表格第3行“办理地点”` (zh) / `table row 3 "办理地点"` (en). */
export function humanLocation(lang: Language, evidence: Evidence): string {
  const place = placeOf(lang, evidence.locator.path) + (evidence.locator.frame.length ? t(lang, 'locFrame') : '');
  const name = evidenceName(lang, evidence.text);
  return name ? t(lang, 'locQuoted', place, name) : place;
}

/** Evidence text as shown: a personal number as its kind and masked value (`身份证号 350123********1530`). */
export function evidenceText(lang: Language, text: string): string {
  const m = /^([a-z-]+):(.*)$/s.exec(text);
  if (m && PRIVACY_KINDS.has(m[1]!)) return `${t(lang, `privacyKind_${m[1]!.replace(/-/g, '_')}`)} ${m[2]}`;
  return text;
}
