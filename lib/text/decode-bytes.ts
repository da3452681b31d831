/**
 * Turns the bytes of a saved or fetched page (or a plan file) into text the way a browser would: a byte-order mark
 * first, then the HTTP Content-Type charset (for URLs), then a `<meta charset>` / `<meta http-equiv="Content-Type">`
 * in the first 4 KB, then UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, which old
 * portals use). Uses only `TextDecoder`, so the extension's pages and the command line share it.
 */
export interface DecodedText {
  text: string;
  /** The encoding used, as a browser would report it: UTF-8, GBK, GB18030, UTF-16LE … */
  charset: string;
  source: 'bom' | 'header' | 'meta' | 'sniffed';
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

function decode(bytes: Uint8Array, charset: string): string {
  return new TextDecoder(charset.toLowerCase()).decode(bytes);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? canonical(m[1]!) : null;
}

export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode(bytes.subarray(3), 'utf-8'), charset: 'UTF-8', source: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode(bytes.subarray(2), 'utf-16le'), charset: 'UTF-16LE', source: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode(bytes.subarray(2), 'utf-16be'), charset: 'UTF-16BE', source: 'bom' };
  const fromHeader = contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] : undefined;
  const header = fromHeader ? canonical(fromHeader) : null;
  if (header) return { text: decode(bytes, header), charset: header, source: 'header' };
  const meta = metaCharset(bytes);
  // A page that says GBK but is valid UTF-8 is rare; a page that says UTF-8 but is not is common: trust the bytes.
  if (meta && !(meta === 'UTF-8' && !isUtf8(bytes)))
    return { text: decode(bytes, meta), charset: meta, source: 'meta' };
  if (isUtf8(bytes)) return { text: decode(bytes, 'utf-8'), charset: 'UTF-8', source: 'sniffed' };
  return { text: decode(bytes, 'gb18030'), charset: 'GB18030', source: 'sniffed' };
}
