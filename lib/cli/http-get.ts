/**
 * One GET over Node's own http / https, for the command line's URL loader (fetch-url.ts) when no fetch is handed in:
 * what the loader needs of an answer — status, headers, the body as it arrives, a way to stop it — without loading
 * fetch's implementation (undici: ~15 MB on first use), so that `gongkai check <URL>` holds little more than the
 * page's bytes (scripts/bench-loader.ts measures it). It asks as Node's fetch asks (the same request headers) and
 * reads as it reads: redirects are answers, not followed (fetch-url.ts follows them); a body sent with
 * Content-Encoding gzip, deflate or br is decoded, an unknown coding left as sent.
 * Decides nothing about limits, deadlines or what the bytes are (fetch-url.ts); every error is passed on as Node
 * raised it (its `code` names the cause: ECONNREFUSED, CERT_HAS_EXPIRED …).
 */
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** An answer's parts the loader reads: fetch's `Response` and Node's `IncomingMessage` both give them. */
export interface WebAnswer {
  status: number;
  statusText: string;
  header(name: string): string | null;
  /** The body's bytes (decoded), in order. */
  body: AsyncIterable<Uint8Array>;
  /** Stops reading the body and lets the connection go. */
  cancel(): Promise<void>;
}

/** The headers Node's fetch sends (apart from the user agent, which the caller gives). */
const FETCH_HEADERS = {
  accept: '*/*',
  'accept-language': '*',
  'sec-fetch-mode': 'cors',
  'accept-encoding': 'gzip, deflate',
};

/** A body's decoder for one Content-Encoding (as fetch decodes: lenient about a stream cut short), or null. */
function decoder(coding: string): Transform | null {
  const lenient = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip(lenient);
  if (coding === 'deflate') return createInflate(lenient);
  if (coding === 'br')
    return createBrotliDecompress({
      flush: constants.BROTLI_OPERATION_FLUSH,
      finishFlush: constants.BROTLI_OPERATION_FLUSH,
    });
  return null;
}

/** The body with its Content-Encoding undone, last applied first; an unknown coding leaves the rest as sent. */
function decodedBody(message: IncomingMessage): Readable {
  const codings = (message.headers['content-encoding'] ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .reverse();
  let body: Readable = message;
  for (const coding of codings) {
    const next = decoder(coding);
    if (!next) break;
    // An error on the way in (the connection broke off) ends the decoded body with that error.
    body.on('error', (error) => next.destroy(error));
    body = body.pipe(next);
  }
  return body;
}

/**
 * Node ends a body the server cut short with `aborted` (ECONNRESET) where fetch says the other side closed the
 * connection (UND_ERR_SOCKET): given fetch's code, so the loader names one cause the same way over both.
 */
function closedEarly(error: unknown): unknown {
  if (!(error instanceof Error) || error.message !== 'aborted') return error;
  return Object.assign(new Error('the server closed the connection', { cause: error }), { code: 'UND_ERR_SOCKET' });
}

/**
 * A TLS failure Node's http reports as `write EPROTO …:SSL routines:…:wrong version number:…` — it writes the request
 * before the handshake fails — given the code Node gives the same failure on the socket itself, which is what fetch
 * reports (ERR_SSL_WRONG_VERSION_NUMBER: the reason in capitals).
 */
function tlsReason(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = code === 'EPROTO' && /:SSL routines:[^:]*:([a-z ]+):/.exec((error as Error).message)?.[1];
  if (!reason) return error;
  return Object.assign(new Error(reason, { cause: error }), {
    code: `ERR_SSL_${reason.toUpperCase().replace(/ /g, '_')}`,
  });
}

/** The body's chunks, a cut-short body's error said as fetch says it. */
async function* chunksOf(body: Readable): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    throw closedEarly(error);
  }
}

/** GETs `url` (http: or https:), stopped by `signal`; resolves once the status and headers are in. */
export function getAnswer(url: string, userAgent: string, signal: AbortSignal): Promise<WebAnswer> {
  const get = url.startsWith('https:') ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { ...FETCH_HEADERS, 'user-agent': userAgent }, signal, agent: false });
    request.on('error', (error) => reject(tlsReason(error)));
    request.on('response', (message) => {
      const body = decodedBody(message);
      // An error while nobody reads (the connection breaks off before the body is read) is seen by the reader, when
      // it comes to read, from the stream's state: it must not end the process meanwhile.
      for (const stream of new Set<Readable>([message, body])) stream.on('error', () => undefined);
      resolve({
        status: message.statusCode ?? 0,
        statusText: message.statusMessage ?? '',
        header: (name) => {
          const value = message.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
        body: chunksOf(body),
        cancel: async () => {
          body.destroy();
          message.destroy();
        },
      });
    });
  });
}
