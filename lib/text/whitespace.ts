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

/** Whitespace as a page shows it: JavaScript's \s (with U+00A0, U+3000, U+FEFF) and the zero-width space. */
const SHOWN_SPACE = /[\s\u200b]+/g;

/** One character of JavaScript's `\s`, by its code. */
export function isRegExpSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** One character of SHOWN_SPACE, by its code: `\s` and the zero-width space. */
function isShownSpace(c: number): boolean {
  return c === 0x200b || isRegExpSpace(c);
}

/**
 * Text as a page shows it: runs of whitespace as one space, trimmed. A text without any (most titles and labels of a
 * Chinese page) is returned as it is, without a copy or a search: the snapshot asks this of thousands of texts a page.
 */
export function collapseShown(s: string): string {
  return hasShownSpace(s) ? s.replace(SHOWN_SPACE, ' ').trim() : s;
}

/** Text without any whitespace a page shows (labels spaced out: `索 引 号`); a text without any is returned as it is. */
export function removeShown(s: string): string {
  return hasShownSpace(s) ? s.replace(SHOWN_SPACE, '') : s;
}

/** One character of SHOWN_SPACE (a search the regex engine runs faster than a loop over the characters). */
const HAS_SHOWN_SPACE = /[\s\u200b]/;

function hasShownSpace(s: string): boolean {
  return HAS_SHOWN_SPACE.test(s);
}

/** How many characters of the text are not whitespace as a page shows it: what collapseShown keeps at the least. */
export function shownInk(s: string): number {
  let ink = 0;
  for (let i = 0; i < s.length; i++) if (!isShownSpace(s.charCodeAt(i))) ink += 1;
  return ink;
}
