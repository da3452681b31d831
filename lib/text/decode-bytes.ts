/**
 * Turns the bytes of a saved or fetched page (or a plan file) into text the way a browser would: a byte-order mark
 * first, then the HTTP Content-Type charset (for URLs), then a `<meta charset>` / `<meta http-equiv="Content-Type">`
 * in the first 4 KB, then UTF-8 if most of the bytes are UTF-8 (stray bytes become U+FFFD and are counted), else
 * GB18030 (a superset of GBK and GB2312, which old portals use). A declared UTF-8 that most bytes contradict is
 * overruled, as is a GBK meta tag on bytes that are all valid UTF-8 (a re-saved page), and the result says so (`overruled`), as it says how many sequences were invalid (`invalid`). Uses only
 * `TextDecoder`, so the extension's pages and the command line share it.
 */
export interface DecodedText {
  text: string;
  /** The encoding used, as a browser would report it: UTF-8, GBK, GB18030, UTF-16LE … */
  charset: string;
  /** Why: a byte-order mark, the HTTP header, a meta tag, or the bytes themselves (nothing usable was declared). */
  source: 'bom' | 'header' | 'meta' | 'sniffed';
  /** What the header or meta tag declared, when it was not followed (a page that says UTF-8 but is GBK). */
  overruled: string | null;
  /** Byte sequences that are not valid in `charset`, each shown as U+FFFD in `text`. */
  invalid: number;
}

const NAMES: Record<string, string> = {
  gb2312: 'GBK',
  gbk: 'GBK',
  'x-gbk': 'GBK',
  gb18030: 'GB18030',
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  big5: 'Big5',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

function canonical(label: string): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (NAMES[l]) return NAMES[l]!;
  try {
    return new TextDecoder(l).encoding.toUpperCase();
  } catch {
    return null;
  }
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? canonical(m[1]!) : null;
}

/** Replacement characters the decoder made (U+FFFD in the text that the bytes did not spell as EF BF BD). */
function countInvalid(text: string, bytes: Uint8Array, charset: string): number {
  let replaced = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replaced++;
  if (replaced === 0 || charset !== 'UTF-8') return replaced;
  let literal = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1))
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) literal++;
  return replaced - literal;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd && (c < 0xdc00 || c > 0xdfff)) n++;
  }
  return n;
}

/**
 * Bytes read as UTF-8 when most of them agree: at least twice as many valid non-ASCII characters as invalid
 * sequences (nine stray bytes in a UTF-8 page stay nine replacement characters; a GBK page yields about one valid
 * character per four invalid sequences, and is not UTF-8).
 */
function asUtf8(bytes: Uint8Array): { text: string; invalid: number; mostlyValid: boolean } {
  const text = new TextDecoder('utf-8').decode(bytes);
  const invalid = countInvalid(text, bytes, 'UTF-8');
  return { text, invalid, mostlyValid: invalid === 0 || nonAscii(text) >= 2 * invalid };
}

/** The bytes as UTF-8 when every sequence is valid, else null — a GBK page stops the decoder at its first Chinese character. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Valid multi-byte UTF-8 characters, with no invalid sequence, that outweigh a GBK meta tag (see decodeBytes). */
const SURELY_UTF8 = 8;

function decodeAs(bytes: Uint8Array, charset: string, source: DecodedText['source'], overruled: string | null = null) {
  const text = new TextDecoder(charset.toLowerCase()).decode(bytes);
  return { text, charset, source, overruled, invalid: countInvalid(text, bytes, charset) };
}

export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'UTF-8', 'bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'UTF-16LE', 'bom');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'UTF-16BE', 'bom');
  const fromHeader = contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] : undefined;
  const header = fromHeader ? canonical(fromHeader) : null;
  const declared = header ?? metaCharset(bytes);
  const source = header ? 'header' : 'meta';
  // A page that says UTF-8 but is not is common: that declaration is followed unless most of the bytes disagree with
  // it. A saved page that says GBK in its meta tag but whose bytes are all valid UTF-8 is common too (a scraper or
  // "save as" re-encoded the page and kept the old tag): Chinese text in GBK is never valid UTF-8 for more than a few
  // characters, so such bytes are read as UTF-8 and the result says the tag was overruled. The HTTP header, which is
  // what a browser follows for a live page, is always followed.
  if (declared && declared !== 'UTF-8') {
    if (source === 'meta') {
      const text = strictUtf8(bytes);
      if (text !== null && nonAscii(text) >= SURELY_UTF8)
        return { text, charset: 'UTF-8', source: 'sniffed', overruled: declared, invalid: 0 };
    }
    return decodeAs(bytes, declared, source);
  }
  const utf8 = asUtf8(bytes);
  if (utf8.mostlyValid)
    return {
      text: utf8.text,
      charset: 'UTF-8',
      source: declared ? source : 'sniffed',
      overruled: null,
      invalid: utf8.invalid,
    };
  return decodeAs(bytes, 'GB18030', 'sniffed', declared);
}
