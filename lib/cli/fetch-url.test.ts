/**
 * The bounded URL loader against real misbehaving servers on 127.0.0.1: one that never answers, one that sends headers
 * and falls silent, one that drips, one whose body never ends, one that breaks off, redirect loops and chains, a
 * redirect to file:, a refused connection, HTTP errors and non-HTML answers. Each ends in a `CliInputError` whose one
 * line names the cause; the command line exits 2 with that line. The deadline here is a fraction of a second and the
 * cap 1 MB, so the file stays fast; the 50 MB cap and the process's memory are measured by `npm run bench`.
 * Each case runs twice: over a fetch handed in (as the tests of the commands hand one in) and over Node's own
 * http (http-get.ts, the command line's default), which must end the same way, with the same line.
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliInputError } from './cli-input-error';
import { fetchBytes, MAX_REDIRECTS } from './fetch-url';
import { loadPage } from './load-page';
import { runCli } from './main';

const PAGE = '<!doctype html><meta charset="utf-8"><title>罗源县政务公开</title><p>公民身份号码 350123198503121530</p>';
const LIMITS = { timeoutSeconds: 0.4, maxBytes: 1024 * 1024 };

type Route = (req: IncomingMessage, res: ServerResponse) => void;
const timers = new Set<NodeJS.Timeout>();
const every = (ms: number, fn: () => void) => {
  const t = setInterval(fn, ms);
  timers.add(t);
  return t;
};

const routes: Record<string, Route> = {
  '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  '/hang': () => undefined,
  '/headers-then-silence': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.flushHeaders();
  },
  '/drip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const t = every(50, () => res.write('<p>滴</p>'));
    res.on('close', () => clearInterval(t));
  },
  '/endless': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, '<p>无尽</p>');
    const pump = () => {
      while (res.write(chunk)) if (res.destroyed) return;
    };
    res.on('drain', pump);
    pump();
  },
  '/declared-huge': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * 1024) }).end(),
  '/broken-off': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
    res.write('<html><body><p>一半');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/moved': (_req, res) => res.writeHead(301, { location: '/page' }).end(),
  '/missing': (_req, res) => res.writeHead(404).end('not here'),
  '/pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
  '/untyped': (_req, res) => res.writeHead(200).end(PAGE),
  // Bodies in many pieces: with a Content-Length (read straight into one buffer), without one (joined at the end), and
  // compressed, where the length announced is the compressed one and the page is longer.
  '/long-sized': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(LONG)) });
    writeInPieces(res, LONG);
  },
  '/long-unsized': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    writeInPieces(res, LONG);
  },
  '/long-gzip': (_req, res) => {
    const body = gzipSync(LONG);
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': body.length });
    writeInPieces(res, body);
  },
  '/long-deflate': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' });
    writeInPieces(res, deflateSync(LONG));
  },
  '/long-br': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' });
    writeInPieces(res, brotliCompressSync(LONG));
  },
  '/headers': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
};

const LONG = `${PAGE}${'<p>第三方平台信息公开，办事指南与收费依据。</p>'.repeat(10_000)}`;
function writeInPieces(res: ServerResponse, body: string | Buffer): void {
  const bytes = Buffer.from(body);
  for (let at = 0; at < bytes.length; at += 10_000) res.write(bytes.subarray(at, at + 10_000));
  res.end();
}

let server: Server;
let origin: string;
let refused: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    const chain = /^\/chain\/(\d+)$/.exec(url);
    if (chain) {
      const n = Number(chain[1]);
      res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : '/page' }).end();
      return;
    }
    (routes[url] ?? routes['/missing']!)(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise((done) => closed.close(done));
});

afterAll(async () => {
  for (const t of timers) clearInterval(t);
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

/** The two ways a request goes: a fetch handed in, and Node's own http (the command line's default). */
const TRANSPORTS = [
  ['fetch', fetch],
  ['Node http', undefined],
] as const;

async function failure(path: string, fetcher: typeof fetch | undefined, limits = LIMITS): Promise<string> {
  try {
    await fetchBytes(path.startsWith('http') ? path : origin + path, fetcher, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(CliInputError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error(`${path} loaded`);
}

describe.each(TRANSPORTS)('fetchBytes over %s: every failure is one line naming its cause', (_, fetcher) => {
  it.each([
    ['/hang', 'no complete answer within 0.4 s (--timeout)'],
    ['/headers-then-silence', 'no complete answer within 0.4 s (--timeout)'],
    ['/drip', 'no complete answer within 0.4 s (--timeout)'],
    ['/endless', 'larger than 1 MB, stopped reading'],
    ['/declared-huge', 'larger than 1 MB (Content-Length 2097152)'],
    ['/broken-off', 'the page broke off'],
    ['/loop-a', 'redirect loop'],
    ['/to-file', 'redirected to a non-web address (file:…), not followed'],
    [`/chain/${MAX_REDIRECTS + 1}`, `more than ${MAX_REDIRECTS} redirects`],
    ['/missing', 'HTTP 404 Not Found'],
  ])('%s → %s', async (path, cause) => {
    expect(await failure(path, fetcher)).toContain(cause);
  });

  it('names a refused connection', async () => {
    expect(await failure(refused, fetcher)).toContain('connection refused');
  });

  it('shows the loop it found', async () => {
    expect(await failure('/loop-a', fetcher)).toContain(`${origin}/loop-a → ${origin}/loop-b → ${origin}/loop-a`);
  });
});

describe.each(TRANSPORTS)('fetchBytes and loadPage over %s: what loads', (_, fetcher) => {
  it('follows up to the limit of redirects and says where it ended', async () => {
    const got = await fetchBytes(`${origin}/chain/${MAX_REDIRECTS - 1}`, fetcher, LIMITS);
    expect(got.url).toBe(`${origin}/page`);
    expect(got.redirects).toHaveLength(MAX_REDIRECTS);
    const page = await loadPage(`${origin}/moved`, { ...LIMITS, ...(fetcher ? { fetcher } : {}) });
    expect(page.url).toBe(`${origin}/page`);
    expect(page.redirects).toEqual([`${origin}/moved`]);
    expect(page.snapshot.title).toBe('罗源县政务公开');
  });

  it.each(['/long-sized', '/long-unsized', '/long-gzip', '/long-deflate', '/long-br'])(
    '%s: a body in many pieces arrives whole',
    async (path) => {
      const got = await fetchBytes(origin + path, fetcher, LIMITS);
      expect(got.bytes.byteLength).toBe(Buffer.byteLength(LONG));
      expect(new TextDecoder().decode(got.bytes)).toBe(LONG);
    },
  );

  it('refuses a non-HTML answer by its type, and sniffs an untyped one', async () => {
    const options = { ...LIMITS, ...(fetcher ? { fetcher } : {}) };
    await expect(loadPage(`${origin}/pdf`, options)).rejects.toThrow(
      /is not an HTML page \(Content-Type application\/pdf\)/,
    );
    expect((await loadPage(`${origin}/untyped`, options)).snapshot.title).toBe('罗源县政务公开');
  });
});

describe('Node http and fetch: the same request, the same line', () => {
  it('asks with the same headers', async () => {
    const sent = async (fetcher: typeof fetch | undefined) => {
      const got = await fetchBytes(`${origin}/headers`, fetcher, LIMITS);
      const { host: _h, connection: _c, ...headers } = JSON.parse(new TextDecoder().decode(got.bytes));
      return headers;
    };
    const viaFetch = await sent(fetch);
    expect(viaFetch['user-agent']).toMatch(/^GongkaiInspector\//);
    expect(await sent(undefined)).toEqual(viaFetch);
  });

  it.each(['/hang', '/drip', '/endless', '/declared-huge', '/broken-off', '/loop-a', '/to-file', '/missing'])(
    '%s ends in the same line',
    async (path) => {
      expect(await failure(path, undefined)).toBe(await failure(path, fetch));
    },
  );

  it('names a TLS failure the same way (https:// to a server that speaks plain http)', async () => {
    const tls = `${origin.replace('http:', 'https:')}/page`;
    expect(await failure(tls, undefined)).toBe(await failure(tls, fetch));
  });
});

describe('gongkai check on a misbehaving URL', () => {
  it.each([
    ['/hang', 'no complete answer within 0.4 s'],
    ['/drip', 'no complete answer within 0.4 s'],
    ['/loop-a', 'redirect loop'],
    ['/to-file', 'non-web address'],
  ])('%s exits 2 with one line', async (path, cause) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['check', origin + path, '--timeout', '0.4'], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(cause);
    expect(err[0]).toMatch(/^gongkai: cannot fetch /);
    expect(out).toEqual([]);
  });

  it.each(['0', '-1', 'soon', ''])('--timeout %j is refused', async (value) => {
    const err: string[] = [];
    const code = await runCli(['check', `${origin}/page`, `--timeout=${value}`], {
      out: () => undefined,
      err: (s) => err.push(s),
    });
    expect(code).toBe(2);
    expect(err[0]).toContain('--timeout must be a number of seconds');
  });
});
