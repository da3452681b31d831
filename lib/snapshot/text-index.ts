/**
 * One pass over a document's text nodes (script and style left out), shared by every extractor that looks for
 * words — blank-column notices, validity marks, the 发布时间 line, `标签：值` lines, digit runs — so that none of them
 * has to read the text of every element (which is quadratic on nested layouts).
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);

export interface TextEntry {
  parent: Element;
  /** The parent's tag name, read once (extractors test it often). */
  tag: string;
  value: string;
}

export function indexText(doc: Document): TextEntry[] {
  const body = doc.body;
  if (!body) return [];
  const out: TextEntry[] = [];
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!hasInk(value)) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    const tag = parent.tagName;
    if (SKIP.has(tag)) continue;
    out.push({ parent, tag, value });
  }
  return out;
}

/** True when the text has a character other than whitespace (checked without allocating). */
export function hasInk(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff) return true;
  }
  return false;
}

/** Text of an element from the browser's own textContent, whitespace collapsed: fast, for small elements. */
export function flatText(el: Element): string {
  return (el.textContent ?? '').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}
