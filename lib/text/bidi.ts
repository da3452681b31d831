/**
 * Text-direction control characters (U+202A–202E embeddings and overrides, U+2066–2069 isolates) in page text: they
 * can make a title read differently from what it holds (`‮txt.exe` shows as `exe.txt`). Page text is drawn in bidi
 * isolation everywhere, and text holding these characters is flagged (含方向控制字符); this module only finds them,
 * isolates a piece of text, and spells them out for plain-text outputs (the command line, CSV).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS_ALL = /[\u202a-\u202e\u2066-\u2069]/g;

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/**
 * The text wrapped in FSI … PDI when it holds direction controls: a PDI closes every embedding or override opened
 * inside it, so inserted page text cannot turn the message around it. Text without controls is returned as is.
 */
export function isolateBidi(text: string): string {
  return hasBidiControls(text) ? `\u2068${text}\u2069` : text;
}

/** The controls spelled out (`[U+202E]`), for outputs that cannot isolate: the text shows what it holds. */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS_ALL, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}
