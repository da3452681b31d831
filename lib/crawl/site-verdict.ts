/**
 * The site verdict on the 单项否决 indicators of the indicator set that a machine can decide from a crawl, each with
 * its evidence and the threshold applied (thresholds from the data file):
 *   home-not-updated           the home page's newest dated item is older than the limit (no dated item: not updated)
 *   columns-not-updated        ① ≥ N stale/undated columns of the 动态/要闻, 通知公告/政策文件 kinds, or ② ≥ M stale/undated
 *                              columns of any kind that has an update rule (not the product's default rule, unless
 *                              the indicator set counts it)
 *   blank-columns              ≥ N blank columns (explained blanks and script-built lists are not counted)
 *   interaction-unanswered     a 政务咨询 message unanswered for more than the limit
 *   service-guides-incomplete  ≥ N 办事指南 missing ≥ K of the key element categories
 * Thresholds and evidence lines are written in Chinese from the set's wording (lib/patrol-names.ts and
 * lib/patrol-evidence.ts show them in English).
 * `decided: false` says the crawl saw nothing to judge by (no home dates read, no 政务咨询 column, no guide).
 * Decides nothing else (site down, 严重错误 need people or probes over days).
 */
import { daysBetween } from '../checks/column-freshness';
import type { ColumnRecord } from './column-tree';
import type { ConsultationMessage } from './consultation';
import type { IndicatorSet } from './indicators';
import { evidenceLine } from '../patrol-evidence';
import { thresholdText } from '../patrol-names';

export interface HomeReading {
  url: string;
  latest: string | null;
  latestTitle: string | null;
}

export interface IncompleteGuide {
  url: string;
  title: string;
  missing: string[];
}

export interface Veto {
  id: keyof IndicatorSet['vetoes'];
  triggered: boolean;
  decided: boolean;
  threshold: string;
  source: string;
  evidence: string[];
}

export interface VerdictInput {
  home: HomeReading | null;
  columns: readonly ColumnRecord[];
  messages: readonly ConsultationMessage[];
  consultationColumns: number;
  guides: { checked: number; incomplete: readonly IncompleteGuide[] };
}

const notUpdated = (c: ColumnRecord) => c.status === 'stale' || c.status === 'undated';
const describe = (set: IndicatorSet, c: ColumnRecord) =>
  c.latest
    ? evidenceLine(set.evidence, 'columnLatest', {
        path: c.path.join(' > '),
        label: c.kindLabel ?? c.rule?.label ?? '',
        date: c.latest,
        days: String(c.ageDays),
        url: c.url,
      })
    : evidenceLine(set.evidence, 'columnUndated', {
        path: c.path.join(' > '),
        label: c.kindLabel ?? c.rule?.label ?? '',
        url: c.url,
      });

export function siteVerdict(set: IndicatorSet, input: VerdictInput, now: Date): Veto[] {
  const v = set.vetoes;
  const vetoes: Veto[] = [];

  const home = v['home-not-updated'];
  const homeAge = input.home?.latest ? daysBetween(input.home.latest, now) : null;
  vetoes.push({
    id: 'home-not-updated',
    triggered: input.home !== null && (homeAge === null || homeAge > home.maxDays),
    decided: input.home !== null,
    threshold: thresholdText(home, { maxDays: home.maxDays }, 'zh_CN'),
    source: home.source,
    evidence: input.home
      ? [
          input.home.latest
            ? evidenceLine(set.evidence, 'homeLatest', {
                date: input.home.latest,
                days: String(homeAge),
                title: input.home.latestTitle ?? '',
                url: input.home.url,
              })
            : evidenceLine(set.evidence, 'homeUndated', { url: input.home.url }),
        ]
      : [evidenceLine(set.evidence, 'homeUnread', {})],
  });

  const cols = v['columns-not-updated'];
  const groupOne = input.columns.filter(
    (c) => notUpdated(c) && set.columnKinds.find((k) => k.id === c.kind)?.vetoGroupOne === true,
  );
  // The product's default rule is no 19号 rule: columns held only to it are not counted unless the set says so.
  const countsDefault = set.defaultRule?.countsForVeto === true;
  const any = input.columns.filter((c) => notUpdated(c) && c.rule !== null && (!c.rule.isDefault || countsDefault));
  vetoes.push({
    id: 'columns-not-updated',
    triggered: groupOne.length >= cols.groupOneAtLeast || any.length >= cols.anyAtLeast,
    decided: true,
    threshold: thresholdText(
      cols,
      {
        groupOneAtLeast: cols.groupOneAtLeast,
        groupOne: groupOne.length,
        anyAtLeast: cols.anyAtLeast,
        any: any.length,
      },
      'zh_CN',
    ),
    source: cols.source,
    evidence: any.map((c) => describe(set, c)),
  });

  const blank = v['blank-columns'];
  const blanks = input.columns.filter((c) => c.status === 'blank');
  vetoes.push({
    id: 'blank-columns',
    triggered: blanks.length >= blank.atLeast,
    decided: true,
    threshold: thresholdText(blank, { atLeast: blank.atLeast, count: blanks.length }, 'zh_CN'),
    source: blank.source,
    evidence: blanks.map((c) => `${c.path.join(' > ')} ${c.url}`),
  });

  const inter = v['interaction-unanswered'];
  const late = input.messages.filter((m) => m.answered === null && daysBetween(m.asked, now) > inter.maxDays);
  vetoes.push({
    id: 'interaction-unanswered',
    triggered: late.length > 0,
    decided: input.consultationColumns > 0 || input.messages.length > 0,
    threshold: thresholdText(inter, { maxDays: inter.maxDays }, 'zh_CN'),
    source: inter.source,
    evidence:
      input.consultationColumns === 0 && input.messages.length === 0
        ? [evidenceLine(set.evidence, 'noConsultation', {})]
        : late.map((m) =>
            evidenceLine(set.evidence, 'unanswered', {
              date: m.asked,
              days: daysBetween(m.asked, now),
              title: m.title,
              url: m.url,
            }),
          ),
  });

  const guides = v['service-guides-incomplete'];
  vetoes.push({
    id: 'service-guides-incomplete',
    triggered: input.guides.incomplete.length >= guides.guidesAtLeast,
    decided: input.guides.checked > 0,
    threshold: thresholdText(
      guides,
      {
        missingAtLeast: guides.missingAtLeast,
        guidesAtLeast: guides.guidesAtLeast,
        incomplete: input.guides.incomplete.length,
        checked: input.guides.checked,
      },
      'zh_CN',
    ),
    source: guides.source,
    evidence:
      input.guides.checked === 0
        ? [evidenceLine(set.evidence, 'noGuides', {})]
        : input.guides.incomplete.map((g) =>
            evidenceLine(set.evidence, 'guideMissing', { title: g.title, missing: g.missing.join('、'), url: g.url }),
          ),
  });
  return vetoes;
}
