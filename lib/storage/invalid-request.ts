/**
 * A request the storage layer refuses before writing anything: an audit with no name, a site that is not a URL, an
 * unknown plan or audit, a write to an archived audit. Carries an i18n message key (and arguments) for the panel.
 *
 * Decides: which refusals exist and their message keys. Does not cover failed writes (storage-error.ts) nor edit
 * conflicts, which are results, not errors (findings.ts).
 */
import type { Message } from '../checks/types';

/** Message keys of the refusals (texts proposed for public/_locales in the storage report). */
export const INVALID_REQUEST_KEYS = {
  auditNameEmpty: 'auditNameEmpty',
  auditOriginInvalid: 'auditOriginInvalid',
  auditPlanUnknown: 'auditPlanUnknown',
  auditUnknown: 'auditUnknown',
  auditArchived: 'auditArchived',
  pageUnknown: 'findingPageUnknown',
  findingUnknown: 'findingUnknown',
  findingNotManual: 'findingNotManual',
  pinColumnEmpty: 'pinColumnEmpty',
  settingInvalid: 'settingInvalid',
  columnAlias: 'columnAliasInvalid',
  columnAliasesFull: 'columnAliasesFull',
  templateRule: 'templateRuleInvalid',
  templateRulesFull: 'templateRulesFull',
} as const;

export type InvalidRequestKey = (typeof INVALID_REQUEST_KEYS)[keyof typeof INVALID_REQUEST_KEYS];

export class InvalidRequest extends Error {
  override name = 'InvalidRequest';
  readonly key: InvalidRequestKey;
  readonly args: string[];

  constructor(key: InvalidRequestKey, ...args: Array<string | number>) {
    super(`${key}${args.length ? `: ${args.join(', ')}` : ''}`);
    this.key = key;
    this.args = args.map(String);
  }

  get userMessage(): Message {
    return { key: this.key, args: this.args };
  }
}
