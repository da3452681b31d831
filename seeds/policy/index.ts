/**
 * The product's policy tables, as data with their sources (seeds/policy/*.json), read and checked when loaded
 * (read-table.ts: a shape error names the file and the entry):
 *   - url-columns.json: the folder names portals give columns in page addresses (czyjs → 财政预决算), column
 *     detection's last resort;
 *   - generic-column-labels.json: column names that name no subject of disclosure (工作动态, 通知公告), which the
 *     matcher does not compare with a task's keywords;
 *   - plan-periods.json: the names of a plan's publication periods (按月), as freshness rules state them.
 * Every entry names its source (the national rule or document) and its English name (`en`), which the English
 * interface shows (lib/policy-names.ts). Imports nothing from lib/ but types.
 */
import type { Period } from '../../lib/plan/model';
import genericColumnLabelsJson from './generic-column-labels.json';
import planPeriodsJson from './plan-periods.json';
import { readTable } from './read-table';
import urlColumnsJson from './url-columns.json';

/** The plan model's periods (lib/plan/model.ts PERIODS; a test keeps the two equal — the model brings zod). */
const PERIOD_IDS: readonly string[] = ['monthly', 'quarterly', 'halfYearly', 'yearly', 'periodic'] satisfies Period[];

export interface UrlColumn {
  /** The folder, lower-case (`czyjs`). */
  folder: string;
  /** The column it names, as its source names it (`财政预决算`). */
  name: string;
  en: string;
  source: string;
}

export interface GenericColumnLabel {
  /** The name in normal form (simplified script, no spaces). */
  label: string;
  en: string;
  source: string;
}

export interface PlanPeriodName {
  period: Period;
  /** The plan's wording (`按月`). */
  name: string;
  en: string;
  source: string;
}

export const urlColumns: readonly UrlColumn[] = readTable(
  'url-columns.json',
  urlColumnsJson,
  ['folder', 'name', 'en', 'source'],
  'folder',
  (entry) =>
    /^[a-z][a-z0-9]*$/.test(entry.folder) ? null : `"folder" ${entry.folder} is not lower-case letters and digits`,
);

export const genericColumnLabels: readonly GenericColumnLabel[] = readTable(
  'generic-column-labels.json',
  genericColumnLabelsJson,
  ['label', 'en', 'source'],
  'label',
  (entry) => (/\s/.test(entry.label) ? `"label" ${entry.label} holds a space (labels are in normal form)` : null),
);

export const planPeriodNames: readonly PlanPeriodName[] = readTable(
  'plan-periods.json',
  planPeriodsJson,
  ['period', 'name', 'en', 'source'],
  'period',
  (entry) =>
    PERIOD_IDS.includes(entry.period) ? null : `"period" ${entry.period} is none of ${PERIOD_IDS.join(', ')}`,
) as PlanPeriodName[];
