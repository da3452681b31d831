/**
 * Turns the bytes of a saved or fetched page into text the way a browser would: a byte-order mark first, then the
 * HTTP Content-Type charset (for URLs), then a `<meta charset>` / `<meta http-equiv="Content-Type">` in the first
 * 4 KB, then UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, which old portals use).
 */
import iconv from 'iconv-lite';

export interface DecodedHtml {
  text: string;
  /** The encoding used, as a browser would report it: UTF-8, GBK, GB18030, UTF-16LE … */
  charset: string;
  source: 'bom' | 'header' | 'meta' | 'sniffed';
}

const ALIASES: Record<string, string> = { gb2312: 'GBK', gbk: 'GBK', 'x-gbk': 'GBK', gb18030: 'GB18030', 'utf-8': 'UTF-8', utf8: 'UTF-8', big5: 'Big5' };

function canonical(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (ALIASES[l]) return ALIASES[l]!;
  return iconv.encodingExists(l) ? l.toUpperCase() : null;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? canonical(m[1]!) : null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), charset: 'UTF-8', source: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), charset: 'UTF-16LE', source: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), charset: 'UTF-16BE', source: 'bom' };
  const fromHeader = contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] : undefined;
  const header = fromHeader ? canonical(fromHeader) : null;
  if (header) return { text: iconv.decode(buf, header), charset: header, source: 'header' };
  const meta = metaCharset(buf);
  // A page that says GBK but is valid UTF-8 is very rare; a page that says UTF-8 but is not is common: trust bytes.
  if (meta && !(meta === 'UTF-8' && !isUtf8(buf))) return { text: iconv.decode(buf, meta), charset: meta, source: 'meta' };
  if (isUtf8(buf)) return { text: buf.toString('utf8'), charset: 'UTF-8', source: 'sniffed' };
  return { text: iconv.decode(buf, 'gb18030'), charset: 'GB18030', source: 'sniffed' };
}
