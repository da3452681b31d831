/**
 * User-facing strings come from `public/_locales/<lang>/messages.json` — never hard-coded in components. By default
 * through `browser.i18n` (the browser's language); when the user picks a language in the settings, the same
 * catalogues are formatted directly (`useLanguage`). `MessageKey` is derived from the default (zh_CN) catalogue so a
 * typo fails to compile; check results carry their key as data (`Message`), rendered with `tm`.
 */
import { browser } from 'wxt/browser';
import type zhCN from '../public/_locales/zh_CN/messages.json';
import type { Message } from './checks/types';
import { formatIn, type Language } from './i18n-catalog';
import { isolateBidi } from './text/bidi';

export type MessageKey = keyof typeof zhCN;

let chosen: Language | null = null;

/** Use this language instead of the browser's (null: follow the browser). */
export function useLanguage(language: Language | null): void {
  chosen = language;
}

export function currentLanguage(): Language {
  if (chosen) return chosen;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

function lookup(key: string, args: string[]): string {
  if (chosen) return formatIn(chosen, { key, args });
  const text = (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, args);
  return text || [key, ...args].join(' ');
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return lookup(key, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]);
}

/**
 * A message produced by the engine (key + positional arguments). Arguments are page text: one holding direction
 * controls is isolated (FSI … PDI) so that it cannot reorder the sentence around it.
 */
export function tm(message: Message): string {
  return lookup(message.key, message.args.map(isolateBidi));
}
