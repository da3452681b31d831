/**
 * The command line's one way to load a URL, bounded: one overall deadline (connecting, headers and body together),
 * the body streamed and stopped at the same size cap as files, redirects followed by hand (at most MAX_REDIRECTS,
 * never to another scheme than http/https, never in a loop), and every failure a `CliInputError` whose one line names
 * the cause. Without a fetch handed in, the request goes over Node's own http / https (http-get.ts: fetch's
 * implementation weighs ~15 MB, a good part of the process while an endless body is read up to the cap).
 * Decides nothing about the bytes (decoding: lib/text/decode-bytes.ts; is it HTML: load-page.ts).
 */
import { CliInputError } from './cli-input-error';
import { getAnswer, type WebAnswer } from './http-get';

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

/** A fetch `Response` as the loader reads answers. */
function fromResponse(response: Response): WebAnswer {
  const body = response.body;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return {
    status: response.status,
    statusText: response.statusText,
    header: (name) => response.headers.get(name),
    body: {
      async *[Symbol.asyncIterator]() {
        if (!body) return;
        reader = body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      },
    },
    cancel: async () => {
      await (reader ? reader.cancel() : body?.cancel())?.catch(() => undefined);
    },
  };
}

/** GETs `url` with `fetcher`, or over Node's http / https when none is given. */
async function ask(url: string, fetcher: typeof fetch | undefined, signal: AbortSignal): Promise<WebAnswer> {
  if (!fetcher) return getAnswer(url, USER_AGENT, signal);
  return fromResponse(await fetcher(url, { redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT } }));
}

export async function fetchBytes(
  source: string,
  fetcher?: typeof fetch,
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
      let response: WebAnswer;
      try {
        response = await ask(url, fetcher, controller.signal);
      } catch (error) {
        throw explain(error, redirects.length ? `after redirect to ${url}` : 'no connection');
      }
      const location = response.header('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.cancel();
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw fail(`redirected to a non-web address (${next.protocol}…), not followed`);
        if (next.href === url || redirects.includes(next.href))
          throw fail(`redirect loop (${[...redirects, url, next.href].join(' → ')})`);
        redirects.push(url);
        if (redirects.length > MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects (last: ${next.href})`);
        url = next.href;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.cancel();
        throw fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const declared = Number(response.header('content-length'));
      if (declared > maxBytes) {
        await response.cancel();
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
      return { url, bytes, contentType: response.header('content-type'), redirects };
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
  response: WebAnswer,
  maxBytes: number,
  declared: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const exact = Number.isSafeInteger(declared) && declared > 0 ? new Uint8Array(declared) : null;
  let chunks: Uint8Array[] = [];
  let total = 0;
  for await (const value of response.body) {
    if (total + value.byteLength > maxBytes) {
      chunks = [];
      await response.cancel();
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
