/**
 * Formats messages from a messages.json catalogue outside the browser (the command line, reports), with the same
 * rules as `browser.i18n.getMessage`: `$NAME$` is replaced by the placeholder's content, in which `$1`…`$9` are the
 * arguments; `$$` is a dollar sign.
 */
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';
import type { Message } from './checks/types';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type Catalogue = Record<string, Entry>;
export type Language = 'zh_CN' | 'en';

const CATALOGUES: Record<Language, Catalogue> = { zh_CN: zhCN as Catalogue, en: en as Catalogue };

export function formatMessage(catalogue: Catalogue, key: string, args: readonly string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return [key, ...args].join(' ');
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name];
      return placeholder ? fill(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

export function formatIn(language: Language, message: Message): string {
  return formatMessage(CATALOGUES[language], message.key, message.args);
}

export function hasMessage(language: Language, key: string): boolean {
  return key in CATALOGUES[language];
}
