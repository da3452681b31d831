/**
 * User-facing strings come from `public/_locales/<lang>/messages.json` through `browser.i18n` — never
 * hard-coded in components. `MessageKey` is derived from the default (zh_CN) catalogue so a typo fails to compile;
 * check results carry their key as data (`Message`), rendered with `tm`.
 */
import { browser } from 'wxt/browser';
import type zhCN from '../public/_locales/zh_CN/messages.json';
import type { Message } from './checks/types';

export type MessageKey = keyof typeof zhCN;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  const text = (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions);
  return text || key;
}

/** A message produced by the engine (key + positional arguments). */
export function tm(message: Message): string {
  const text = (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(message.key, message.args);
  return text || [message.key, ...message.args].join(' ');
}
