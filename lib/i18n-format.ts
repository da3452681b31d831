/**
 * Formats a message from a messages.json catalogue with the same rules as `browser.i18n.getMessage`: `$NAME$` is
 * replaced by the placeholder's content, in which `$1`…`$9` are the arguments; `$$` is a dollar sign. Holds no
 * catalogue itself (the command line bundles them, i18n-catalog.ts; extension pages read the shipped _locales files).
 */
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type Catalogue = Record<string, Entry>;
export type Language = 'zh_CN' | 'en';

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
