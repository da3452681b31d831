/**
 * The highlight colours, in one place: what the user sets in the options (settings), the outlines and the missing
 * list drawn on the page (overlay.ts), and the flash of one element (flash.ts) all use these three tones.
 */
export interface HighlightColors {
  present: string;
  empty: string;
  problem: string;
}

export type HighlightTone = keyof HighlightColors;

export const DEFAULT_HIGHLIGHT_COLORS: HighlightColors = { present: '#1a7f37', empty: '#bf8700', problem: '#cf222e' };
