/**
 * The command line's one way to load a URL, bounded: one overall deadline (connecting, headers and body together),
 * the body streamed and stopped at the same size cap as files, redirects followed by hand (at most MAX_REDIRECTS,
 * never to another scheme than http/https, never in a loop), and every failure a `CliInputError` whose one line names
 * the cause. Decides nothing about the bytes (decoding: lib/text/decode-bytes.ts; is it HTML: load-page.ts).
 */
import { CliInputError } from './cli-input-error';

export const MAX_PAGE_BYTES = 50 * 1024 * 1024;
export const MAX_REDIRECTS = 10;
export const DEFAULT_TIMEOUT_SECONDS = 30;

export interface FetchedBytes {
  /** The address the bytes came from, after redirects. */
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
  /** The addresses before `url`, in order (empty without redirects). */
  redirects: string[];
}

export interface FetchLimits {
  timeoutSeconds?: number;
  maxBytes?: number;
}

const USER_AGENT = 'GongkaiInspector/0.1 (+transparency audit)';
const MB = 1024 * 1024;

export async function fetchBytes(
  source: string,
  fetcher: typeof fetch = fetch,
  limits: FetchLimits = {},
): Promise<FetchedBytes> {
  const seconds = limits.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const maxBytes = limits.maxBytes ?? MAX_PAGE_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, seconds * 1000);
  const fail = (cause: string) => new CliInputError(`cannot fetch ${source}: ${cause}`);
  const explain = (error: unknown, stage: string): CliInputError =>
    error instanceof CliInputError
      ? error
      : timedOut
        ? fail(`no complete answer within ${seconds} s (--timeout)`)
        : fail(`${stage}: ${networkCause(error)}`);
  try {
    const redirects: string[] = [];
    let url = source;
    for (;;) {
      let response: Response;
      try {
        response = await fetcher(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'user-agent': USER_AGENT },
        });
      } catch (error) {
        throw explain(error, redirects.length ? `after redirect to ${url}` : 'no connection');
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined);
        const next = new URL(response.headers.get('location')!, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw fail(`redirected to a non-web address (${next.protocol}…), not followed`);
        if (next.href === url || redirects.includes(next.href))
          throw fail(`redirect loop (${[...redirects, url, next.href].join(' → ')})`);
        redirects.push(url);
        if (redirects.length > MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects (last: ${next.href})`);
        url = next.href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw fail(`larger than ${maxBytes / MB} MB (Content-Length ${declared})`);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, maxBytes, declared, () =>
          fail(`larger than ${maxBytes / MB} MB, stopped reading`),
        );
      } catch (error) {
        throw explain(error, 'the page broke off');
      }
      return { url, bytes, contentType: response.headers.get('content-type'), redirects };
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body, chunk by chunk, stopped (and what was read dropped) as soon as it passes `maxBytes`. The body is held once:
 * with a Content-Length, straight into one buffer of that size; without, as the chunks received, joined at the end.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  declared: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const exact = Number.isSafeInteger(declared) && declared > 0 ? new Uint8Array(declared) : null;
  let chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > maxBytes) {
      chunks = [];
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (exact && total + value.byteLength <= exact.byteLength) exact.set(value, total);
    else chunks.push(value);
    total += value.byteLength;
  }
  if (exact && chunks.length === 0) return total === exact.byteLength ? exact : exact.subarray(0, total);
  if (!exact && chunks.length === 1) return chunks[0]!;
  // No length given, or a server that sent more than it announced: join what came, in order.
  const bytes = new Uint8Array(total);
  let at = 0;
  if (exact) {
    const head = Math.min(total - chunks.reduce((n, c) => n + c.byteLength, 0), exact.byteLength);
    bytes.set(exact.subarray(0, head), 0);
    at = head;
  }
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate not trusted',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
};

/** Node's fetch says "fetch failed" / "terminated" and puts the reason in `cause`: the one line names the reason. */
function networkCause(error: unknown): string {
  let e: unknown = error;
  let deepest = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return CAUSES[code] ?? code;
    deepest = e;
    e = (e as { cause?: unknown }).cause;
  }
  const message = deepest instanceof Error ? deepest.message : String(deepest);
  return message.split('\n')[0] ?? message;
}
