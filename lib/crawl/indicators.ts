/**
 * The indicator set the patrol judges a site by, as data (seeds/indicators/*.json): column kinds with their update
 * limits, the plan's own periods, what explains a blank column, what marks a script-built list, how 政务咨询 messages
 * are dated, and the veto thresholds. A province's variant is another file of the same shape (`--indicators file`).
 * A column no kind and no plan task gives a limit is held to `defaultRule` (the product's default, with its source).
 * Decides which kind a column name is (the first kind one of whose keywords the normalised name contains); nothing else.
 */
import gov19 from '../../seeds/indicators/gov-19-2019.json';
import type { EvidenceWordings } from '../patrol-evidence';
import type { RuleLimitWording, ThresholdWording } from '../patrol-names';
import type { Period } from '../plan/model';
import { normalizeLabel } from '../text/normalize';

export interface ColumnKindRule {
  id: string;
  label: string;
  /** The name the English interface shows (lib/policy-names.ts). */
  labelEn?: string;
  keywords: string[];
  /** Days the newest item may be old; null: this kind is judged otherwise (guides, consultation). */
  maxDays: number | null;
  /** Counts toward veto ① of columns-not-updated (动态/要闻, 通知公告/政策文件). */
  vetoGroupOne: boolean;
  source: string;
}

/** A 单项否决 indicator's name (and English) and its threshold's wording in both languages (lib/patrol-names.ts). */
interface VetoWording extends ThresholdWording {
  name: string;
  nameEn?: string;
}

export interface IndicatorSet extends RuleLimitWording {
  id: string;
  name: string;
  ref: string;
  /** The set's title in the English interface. */
  refEn?: string;
  version: string;
  note?: string;
  columnKinds: ColumnKindRule[];
  planPeriodDays: Record<Period, number>;
  /** The time rule of a column no kind's limit and no plan period covers: the product's default, labelled as such
   * wherever it is used; `countsForVeto: false` keeps it out of the veto counts. Absent: such a column is no-rule. */
  defaultRule?: {
    maxDays: number;
    label: string;
    labelEn?: string;
    countsForVeto: boolean;
    source: string;
    sources?: string[];
  };
  blankExplained: { phrases: string[]; source: string };
  scriptBuiltList: { patterns: string[]; source: string };
  consultation: { askedLabels: string[]; answeredLabels: string[]; unansweredWords: string[]; source: string };
  /** The vetoes' evidence lines, worded in Chinese and English (lib/patrol-evidence.ts). */
  evidence: EvidenceWordings;
  vetoes: {
    'home-not-updated': VetoWording & { maxDays: number; source: string };
    'columns-not-updated': VetoWording & { groupOneAtLeast: number; anyAtLeast: number; source: string };
    'blank-columns': VetoWording & { atLeast: number; source: string };
    'interaction-unanswered': VetoWording & { maxDays: number; source: string };
    'service-guides-incomplete': VetoWording & {
      template: string;
      missingAtLeast: number;
      guidesAtLeast: number;
      source: string;
    };
  };
}

export const GOV_19_2019: IndicatorSet = gov19 as IndicatorSet;

/** Reads an indicator set from JSON text, checking the fields the patrol relies on. Throws a one-line Error. */
export function parseIndicatorSet(text: string): IndicatorSet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('indicator file is not JSON');
  }
  const set = value as Partial<IndicatorSet>;
  const missing = (['id', 'ref', 'version', 'columnKinds', 'planPeriodDays', 'vetoes'] as const).filter(
    (k) => set[k] === undefined,
  );
  if (missing.length > 0) throw new Error(`indicator file lacks ${missing.join(', ')}`);
  for (const veto of Object.keys(GOV_19_2019.vetoes))
    if (!(set.vetoes as Record<string, unknown>)[veto]) throw new Error(`indicator file lacks vetoes.${veto}`);
  // A veto the file words in part keeps the bundled set's wording for the rest (its threshold's, its English name).
  const vetoes = Object.fromEntries(
    Object.entries(GOV_19_2019.vetoes).map(([id, bundled]) => [
      id,
      { ...bundled, ...(set.vetoes as Record<string, object>)[id] },
    ]),
  );
  return {
    ...GOV_19_2019,
    ...set,
    vetoes,
    // Evidence lines the file does not word keep the bundled set's wording.
    evidence: { ...GOV_19_2019.evidence, ...set.evidence },
  } as IndicatorSet;
}

/** The kind of a column by its name (and, as a fallback, its path), or null when no kind's keyword is in it. */
export function columnKind(
  set: IndicatorSet,
  name: string | null,
  path: readonly string[] = [],
): ColumnKindRule | null {
  const own = normalizeLabel(name ?? '');
  const byName = set.columnKinds.find((k) => k.keywords.some((w) => own.includes(normalizeLabel(w))));
  if (byName || path.length === 0) return byName ?? null;
  const parent = normalizeLabel(path.slice(0, -1).join('|'));
  return (
    set.columnKinds.find(
      (k) =>
        k.maxDays === null &&
        k.keywords.some((w) => normalizeLabel(w).length >= 3 && parent.includes(normalizeLabel(w))),
    ) ?? null
  );
}
