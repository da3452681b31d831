/**
 * User-facing strings come from `public/_locales/<lang>/messages.json` — never hard-coded in components. By default
 * through `browser.i18n` (the browser's language); when the user picks a language in the settings, the shipped
 * catalogue of that language (_locales/<lang>/messages.json, read once) is formatted directly (`chooseLanguage`). `MessageKey` is derived from the default (zh_CN) catalogue so a
 * typo fails to compile; check results carry their key as data (`Message`), rendered with `tm`.
 */
import { browser } from 'wxt/browser';
import type zhCN from '../public/_locales/zh_CN/messages.json';
import type { Message } from './checks/types';
import { formatMessage, type Catalogue, type Language } from './i18n-format';
import { localiseArgs } from './localise-args';
import { isolateBidi } from './text/bidi';

export type MessageKey = keyof typeof zhCN;

let chosen: { language: Language; catalogue: Catalogue } | null = null;
const loaded = new Map<Language, Catalogue>();

/**
 * Use this language instead of the browser's (null: follow the browser). Its catalogue is the extension's own
 * _locales file; when it cannot be read the browser's language stays and the error is thrown to the caller.
 */
export async function chooseLanguage(language: Language | null): Promise<void> {
  if (language === null) {
    chosen = null;
    return;
  }
  let catalogue = loaded.get(language);
  if (!catalogue) {
    const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
    if (!response.ok) throw new Error(`_locales/${language}/messages.json: HTTP ${response.status}`);
    catalogue = (await response.json()) as Catalogue;
    loaded.set(language, catalogue);
  }
  chooseCatalogue(language, catalogue);
}

/** Use this language with a catalogue already at hand (pages outside the extension: benchmarks). */
export function chooseCatalogue(language: Language, catalogue: Catalogue): void {
  chosen = { language, catalogue };
}

export function currentLanguage(): Language {
  if (chosen) return chosen.language;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

function lookup(key: string, args: string[]): string {
  if (chosen) return formatMessage(chosen.catalogue, key, args);
  const text = (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, args);
  return text || [key, ...args].join(' ');
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return lookup(key, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]);
}

/**
 * A message produced by the engine (key + positional arguments). Arguments are page text: one holding direction
 * controls is isolated (FSI … PDI) so that it cannot reorder the sentence around it. Arguments that name a policy-table
 * entry (a freshness rule, a patrol's names) are shown in the interface's language (lib/localise-args.ts).
 */
export function tm(message: Message): string {
  const shown = localiseArgs(message, currentLanguage());
  return lookup(shown.key, shown.args.map(isolateBidi));
}
