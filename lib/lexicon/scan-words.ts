/**
 * Word-level reading of Chinese text with the lexicon as dictionary: forward maximum matching over the normalised
 * text (at each position the longest lexicon name that starts there; a character no name starts with is skipped).
 * So 预算执行 is one word (财政收支), not 预算 + 执行, and 政府信息公开年报 is the annual report, not the container
 * 政府信息公开. Linear in the text; no segmenter library and nothing added to the content script.
 *
 * Decides: which lexicon words a text holds and where. Does not decide what they mean for a task.
 */
import { normalizeLabel } from '../text/normalize';
import type { Lexicon } from './lexicon';

export interface WordHit {
  /** The normalised lexicon name found. */
  word: string;
  conceptIds: readonly string[];
  /** Character offsets in the normalised text. */
  start: number;
  end: number;
}

/** Scans already-normalised text. */
export function scanNormalized(lexicon: Lexicon, text: string): WordHit[] {
  // Offsets are in characters; Chinese text is one UTF-16 unit per character, so slice directly unless it is not.
  const chars: string | string[] = /[\uD800-\uDFFF]/.test(text) ? [...text] : text;
  const piece = (from: number, to: number) =>
    typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join('');
  const hits: WordHit[] = [];
  let i = 0;
  while (i < chars.length) {
    let found: WordHit | null = null;
    const lengths = lexicon.lengthsByFirst.get(chars[i]!) ?? [];
    for (const len of lengths) {
      if (i + len > chars.length) continue;
      const word = piece(i, i + len);
      const ids = lexicon.byName.get(word);
      if (ids) {
        found = { word, conceptIds: ids, start: i, end: i + len };
        break;
      }
    }
    if (found) {
      hits.push(found);
      i = found.end;
    } else i++;
  }
  return hits;
}

/** Normalises (繁→简, width, spaces) and scans. */
export function scanWords(lexicon: Lexicon, text: string): WordHit[] {
  return scanNormalized(lexicon, normalizeLabel(text));
}
