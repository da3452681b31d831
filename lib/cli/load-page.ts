/**
 * Loads a page for the command line: a local .html file or an http(s) URL (the portal being audited — the only kind
 * of request the product makes; fetched within a deadline and a size cap by fetch-url.ts), decoded by the one decoder
 * (which says what it chose and why), parsed as a browser parses it, and snapshotted with the same code the extension
 * runs in the page. Bad input becomes a `CliInputError` with a one-line message.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageSnapshot } from '../snapshot/types';
import { type DecodedText, decodeBytes } from '../text/decode-bytes';
import { CliInputError } from './cli-input-error';
import { fetchBytes, type FetchLimits, MAX_PAGE_BYTES } from './fetch-url';
import { readLocalFile } from './read-local-file';

export { CliInputError };

/** The HTML parser (parse5 + linkedom, ~30 MB) loaded once the bytes are in: a URL's body is streamed before it. */
async function snapshotFromHtml(html: string, url: string, charset?: string): Promise<PageSnapshot> {
  return (await import('../html/snapshot-from-html')).snapshotFromHtml(html, url, charset);
}

export interface LoadedPage {
  source: string;
  url: string;
  snapshot: PageSnapshot;
  /** How the bytes became text: the encoding, where it came from, bytes that did not fit it. */
  decoding: Omit<DecodedText, 'text'>;
  /** For a URL: the addresses it was redirected from, in order. */
  redirects: string[];
}

export interface LoadOptions extends FetchLimits {
  fetcher?: typeof fetch;
  /** The address to give a local file (its place on the audited site); its file:// URL otherwise. */
  fileUrl?: (path: string) => string;
}

const HTML_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;
const HTML_FILE = /\.(?:s?html?|xhtml)$/i;

function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 20_000);
  if (start.includes('\u0000')) return false;
  return /<(html|head|body|div|table|p|title|meta|!doctype)[\s>]/i.test(start);
}

export async function loadPage(source: string, options: LoadOptions = {}): Promise<LoadedPage> {
  if (/^https?:\/\//i.test(source)) {
    const fetched = await fetchBytes(source, options.fetcher, options);
    const decoded = decodeBytes(fetched.bytes, fetched.contentType);
    // A server that names a type is believed; one that names none is sniffed, as a browser does.
    const type = fetched.contentType?.split(';')[0]?.trim();
    if (type ? !HTML_TYPES.test(fetched.contentType!) : !looksLikeHtml(decoded.text))
      throw new CliInputError(`${source} is not an HTML page${type ? ` (Content-Type ${type})` : ''}`);
    return {
      source,
      url: fetched.url,
      snapshot: await snapshotFromHtml(decoded.text, fetched.url, decoded.charset),
      decoding: decodingOf(decoded),
      redirects: fetched.redirects,
    };
  }
  const path = resolve(source);
  const bytes = await readLocalFile(source, MAX_PAGE_BYTES);
  const decoded = decodeBytes(bytes);
  // A file named .html is a page whatever it holds (a fragment, plain text); anything else must look like HTML.
  if (!(HTML_FILE.test(path) && !decoded.text.slice(0, 20_000).includes('\u0000')) && !looksLikeHtml(decoded.text))
    throw new CliInputError(`${source} is not an HTML page`);
  const url = options.fileUrl ? options.fileUrl(path) : pathToFileURL(path).href;
  return {
    source,
    url,
    snapshot: await snapshotFromHtml(decoded.text, url, decoded.charset),
    decoding: decodingOf(decoded),
    redirects: [],
  };
}

function decodingOf({ text: _text, ...decision }: DecodedText): Omit<DecodedText, 'text'> {
  return decision;
}
