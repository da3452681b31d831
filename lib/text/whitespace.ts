/**
 * Spaces, in one place. JavaScript's \s already covers the ideographic space (U+3000) and the no-break space; pages
 * also hide zero-width characters between words, which ALL_SPACE adds. Decides nothing about other characters
 * (width, 繁/简: normalize.ts).
 */
export const ALL_SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/g;

/** Runs of spaces as one space, trimmed (names typed by a person, link texts). */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Without any space (comparing labels and values that pages space out: 联 系 电 话). */
export function removeSpaces(s: string): string {
  return s.replace(/\s+/g, '');
}
