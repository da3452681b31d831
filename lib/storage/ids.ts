/**
 * Record ids and the few normalisations they rest on.
 *
 * Decides: stable ids are a 128-bit non-cryptographic hash (cyrb128) of their parts joined by NUL, hex-encoded, with a
 * one-letter prefix saying what they name (`p-` page, `f-` automatic finding, `m-` checklist answer,
 * `w-` a site's patrol record); ids of things a
 * person creates (audits `a-`, free-form findings `u-`, screenshots `s-`) are random UUIDs. A page's URL drops its
 * #fragment (the same document); a site is a URL origin. The hash is synchronous on purpose: ids are computed inside
 * IndexedDB transactions, which end at the first await of anything that is not a database request.
 * Does not decide: what counts as the same page beyond the fragment (query strings stay: portals route by them).
 */

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** 32 hex characters. */
export function hashText(text: string): string {
  return cyrb128(text)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
}

/** A stable id from its parts: the same parts give the same id, on any machine. */
export function stableId(prefix: string, ...parts: ReadonlyArray<string | undefined | null>): string {
  return `${prefix}-${hashText(parts.map((p) => p ?? '').join('\u0000'))}`;
}

export function randomId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** The URL a page is recorded under: without its #fragment. Text that is not a URL is kept, trimmed. */
export function pageUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    return u.href;
  } catch {
    return url.trim();
  }
}

/** The site of a URL or of a bare host name (`www.luoyuan.gov.cn` → `http://www.luoyuan.gov.cn`); null when it is
 * neither, or not http(s). */
export function siteOrigin(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (!u.hostname) return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function pageId(auditId: string, url: string): string {
  return stableId('p', auditId, pageUrl(url));
}

/** The id of an audit's patrol record of a site (one per audit and site). */
export function siteRecordId(auditId: string, origin: string): string {
  return stableId('w', auditId, origin);
}
