/**
 * Formats messages from the bundled messages.json catalogues outside the browser (the command line, the export
 * worker's reports), with the rules of `browser.i18n.getMessage` (i18n-format.ts). Extension pages do not bundle the
 * catalogues: they read the shipped _locales files when the user picks a language (lib/i18n.ts).
 */
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';
import type { Message } from './checks/types';
import { formatMessage, type Catalogue, type Language } from './i18n-format';
import { localiseArgs } from './localise-args';

export { formatMessage, type Catalogue, type Language };

const CATALOGUES: Record<Language, Catalogue> = { zh_CN: zhCN as Catalogue, en: en as Catalogue };

/** An engine message in the language; arguments that name a policy-table entry too (lib/localise-args.ts). */
export function formatIn(language: Language, message: Message): string {
  const shown = localiseArgs(message, language);
  return formatMessage(CATALOGUES[language], shown.key, shown.args);
}

export function hasMessage(language: Language, key: string): boolean {
  return key in CATALOGUES[language];
}
