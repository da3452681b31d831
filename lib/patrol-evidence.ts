/**
 * The evidence lines of the whole-site patrol's 单项否决 indicators (`首页最新信息 2026-11-02（28 天）标题 https://…`,
 * `留言 … 未答复（N 天）…`, `标题 缺 设定依据、办理时限 https://…`) in both languages, from the indicator set's data
 * (seeds/indicators: `evidence`, each line's wording in Chinese and English with `{key}` for what it quotes). The patrol
 * writes them in Chinese (site record, findings, audit file, --json: the same lines as before this module);
 * `patrolEvidenceIn` shows one in the interface's language: in English, by the bundled set's English, the page text it
 * quotes (a title, a column's path, the missing element names, a date, an address) kept as printed and the column's kind
 * or rule named as patrol-names.ts names it. A line no wording matches (another set's, a page's own explanation) is
 * shown as written. Decides the wording of these lines only; not what is evidence (lib/crawl/site-verdict.ts).
 */
import gov19 from '../seeds/indicators/gov-19-2019.json';
import type { Language } from './i18n-format';
import { fillWording, patrolNameEn, wordingPattern } from './patrol-names';

/** One evidence line's wording: a Chinese template and its English. */
export interface EvidenceWording {
  text: string;
  textEn?: string;
}

export type EvidenceKind = keyof typeof gov19.evidence;

/** The evidence wordings of an indicator set, by kind. */
export type EvidenceWordings = Readonly<Record<EvidenceKind, EvidenceWording>>;

/** An evidence line as the patrol writes it: the set's Chinese wording with the values in it. */
export function evidenceLine(
  wordings: EvidenceWordings,
  kind: EvidenceKind,
  values: Readonly<Record<string, string | number>>,
): string {
  return fillWording(wordings[kind].text, values);
}

/** What each `{key}` of a wording stands for, as a pattern; any other key is page text (any characters). */
const CAPTURE: Readonly<Record<string, string>> = {
  days: '(\\d+)',
  date: '(\\S+)',
  url: '([A-Za-z][A-Za-z0-9+.-]*:\\S*)',
  label: '(.+)',
};

/** A Chinese wording as a whole-line pattern (page text may span lines), with its keys in order. */
function evidencePattern(template: string): { pattern: RegExp; keys: string[] } {
  return wordingPattern(template, (key) => CAPTURE[key] ?? '(.*)', 's');
}

let known: Array<{ pattern: RegExp; keys: string[]; en: string }> | null = null;

/** The bundled set's wordings as patterns, in the data's order (the loosest, a guide's missing elements, last). */
function knownWordings(): NonNullable<typeof known> {
  known ??= Object.values(gov19.evidence as EvidenceWordings).map((w) => ({
    ...evidencePattern(w.text),
    en: w.textEn ?? w.text,
  }));
  return known;
}

/** An evidence line the patrol wrote in Chinese, in English; the line itself when no bundled wording matches it. */
export function patrolEvidenceEn(line: string): string {
  for (const w of knownWordings()) {
    const match = w.pattern.exec(line);
    if (!match) continue;
    const values: Record<string, string> = {};
    w.keys.forEach((key, i) => {
      const value = match[i + 1] ?? '';
      values[key] = key === 'label' ? patrolNameEn(value) : value;
    });
    return fillWording(w.en, values);
  }
  return line;
}

/** An evidence line the patrol wrote, in the language (unchanged in Chinese). */
export function patrolEvidenceIn(line: string, language: Language): string {
  return language === 'zh_CN' ? line : patrolEvidenceEn(line);
}
