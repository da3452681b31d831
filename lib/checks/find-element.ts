/**
 * Finds a template element among the page's fields: by its name or a synonym, compared through the one normaliser
 * (traditional/simplified, width, whitespace, pinyin). A label matches when it equals a name, or is a name followed
 * by a parenthetical (`法定办结时限（工作日）`), or a name behind list numbering (`1.事项名称`, `（一）事项名称`).
 * Decides which field stands for the element; not whether its value is good enough.
 */
import type { TemplateElement } from '../plan/model';
import type { Field, HeaderTable } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';

const NUMBERING = /^(?:\d+[.、.]|[一二三四五六七八九十]+[、.]|\(\d+\)|\([一二三四五六七八九十]+\)|[①-⑳])/;

export function labelKey(label: string): string {
  return normalizeLabel(label).replace(NUMBERING, '');
}

export function elementNames(element: TemplateElement): string[] {
  return [element.name, ...element.synonyms].map(labelKey);
}

export function labelMatches(pageLabel: string, names: readonly string[]): boolean {
  const key = labelKey(pageLabel);
  return names.some((name) => key === name || (key.startsWith(name) && /^\(/.test(key.slice(name.length))));
}

/** The best field for an element: a filled one before an empty one, in page order. */
export function findField(fields: readonly Field[], element: TemplateElement): Field | undefined {
  const names = elementNames(element);
  const candidates = fields.filter((f) => labelMatches(f.label, names));
  return candidates.find((f) => f.value.trim().length > 0) ?? candidates[0];
}

/** A header table naming the element as one of its columns. */
export function findHeader(tables: readonly HeaderTable[], element: TemplateElement): HeaderTable | undefined {
  const names = elementNames(element);
  return tables.find((t) => t.headers.some((h) => labelMatches(h, names)));
}
