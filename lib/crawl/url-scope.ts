/**
 * Which URLs belong to the site being patrolled and how a URL is written once (so each is fetched once): http(s) only,
 * the fragment dropped, the host lower-cased. Same site = same host (http and https both, a leading `www.` ignored);
 * other sub-domains of the same government are other sites (other jobs), listed as external.
 * Also tells a file (attachment) from a page by its extension. Decides nothing about robots.txt (robots.ts).
 */

const FILE_EXTENSION =
  /\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|csv|pptx?|txt|jpe?g|png|gif|bmp|webp|svg|mp4|mp3|avi|flv|wmv|apk|exe|dwg|tif?f)$/i;

/** A URL written once: no fragment; null for what is not an http(s) link (mailto:, javascript:, bad syntax). */
export function canonicalUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(href) : new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}

function siteHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

export function sameSite(url: string, start: string): boolean {
  try {
    return siteHost(new URL(url).host) === siteHost(new URL(start).host);
  } catch {
    return false;
  }
}

/** A document to download rather than a page to read (by the path's extension). */
export function looksLikeFile(url: string): boolean {
  try {
    return FILE_EXTENSION.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
