/**
 * User-facing strings come from `public/_locales/<lang>/messages.json` through `browser.i18n` — never
 * hard-coded in components. `MessageKey` is derived from the default (zh_CN) catalogue so a typo fails to compile.
 */
import { browser } from 'wxt/browser';
import type zhCN from '../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zhCN;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  const text = browser.i18n.getMessage(key, substitutions);
  return text || key;
}
