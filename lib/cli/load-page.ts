/**
 * Loads a page for the command line: a local .html file or an http(s) URL (the portal being audited — the only kind
 * of request the product makes), decoded as a browser would, parsed with linkedom, and snapshotted with the same
 * code the extension runs in the page. Bad input becomes a `CliInputError` with a one-line message.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { snapshotFromHtml } from '../html/snapshot-from-html';
import type { PageSnapshot } from '../snapshot/types';
import { decodeBytes } from '../text/decode-bytes';

export { snapshotFromHtml };

export class CliInputError extends Error {
  override name = 'CliInputError';
}

const MAX_BYTES = 50 * 1024 * 1024;

export interface LoadedPage {
  source: string;
  url: string;
  snapshot: PageSnapshot;
}

function looksLikeHtml(text: string): boolean {
  return /<(html|head|body|div|table|p|title|meta|!doctype)[\s>]/i.test(text.slice(0, 20_000));
}

export async function loadPage(source: string, fetcher: typeof fetch = fetch): Promise<LoadedPage> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetcher(source, {
        redirect: 'follow',
        headers: { 'user-agent': 'GongkaiInspector/0.1 (+transparency audit)' },
      });
    } catch (error) {
      throw new CliInputError(`cannot fetch ${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new CliInputError(`cannot fetch ${source}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const decoded = decodeBytes(bytes, response.headers.get('content-type'));
    if (!looksLikeHtml(decoded.text)) throw new CliInputError(`${source} is not an HTML page`);
    return {
      source,
      url: response.url || source,
      snapshot: snapshotFromHtml(decoded.text, response.url || source, decoded.charset),
    };
  }
  const path = resolve(source);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CliInputError(`no such file: ${source}`);
  }
  if (!info.isFile()) throw new CliInputError(`not a file: ${source}`);
  if (info.size > MAX_BYTES) throw new CliInputError(`${source} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const bytes = new Uint8Array(await readFile(path));
  const decoded = decodeBytes(bytes);
  // A file named .html is a page whatever it holds (a fragment, plain text); anything else must look like HTML.
  if (!/\.(?:s?html?|xhtml)$/i.test(path) && !looksLikeHtml(decoded.text))
    throw new CliInputError(`${source} is not an HTML page`);
  const url = pathToFileURL(path).href;
  return { source, url, snapshot: snapshotFromHtml(decoded.text, url, decoded.charset) };
}
