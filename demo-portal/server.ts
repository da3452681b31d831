/**
 * The demo portal server: serves `demo-portal/site/` (a fictional copy of the county portal
 * 中国罗源湾) on 127.0.0.1 with Node's `http` only.
 *
 * At serve time, for `.html` files:
 *  1. server-side includes `<!--#include virtual="/inc/header.html" -->` are expanded (Apache SSI
 *     style, as many government CMS outputs use; nested up to 4 levels, only inside site/);
 *  2. date tokens `{{date:-3d|YYYY-MM-DD}}` are expanded relative to `now` (see date-tokens.ts);
 *  3. a page whose source declares a GBK-family charset in a <meta> (gbk / gb2312 / gb18030) is
 *     encoded to GBK bytes and sent as `text/html; charset=gbk`; every other page is UTF-8.
 *
 * URLs:
 *  - `/dir/` and `/dir` (redirected to `/dir/`) serve `/dir/index.html`;
 *  - TRS-style dated item URLs `/<column>/<YYYYMM>/t<YYYYMMDD>_<id>.html` serve `/<column>/<id>.html`
 *    when that file exists and the folder month equals the file-name month (otherwise 404);
 *  - unknown paths get a 404 page; any `..`/`.` segment, backslash or NUL (raw or percent-encoded)
 *    gets 403; only GET and HEAD are allowed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { expandDateTokens } from './date-tokens.ts';

export interface DemoServerOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free port. */
  port?: number;
  /** The instant date tokens are computed from; defaults to the time of each request. */
  now?: Date;
  /** Which site to serve: the demo portal (default) or the patrol demo (`patrol-site/`, a whole site with known truth). */
  site?: 'portal' | 'patrol';
}

export interface DemoServer {
  /** e.g. `http://127.0.0.1:53121` (no trailing slash) */
  origin: string;
  close(): Promise<void>;
}

export const SITE_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'site');
export const PATROL_SITE_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'patrol-site');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.xls': 'application/vnd.ms-excel',
  '.doc': 'application/msword',
};

const GBK_META_RE = /<meta\b[^>]*charset\s*=\s*["']?\s*(?:gbk|gb2312|gb18030)\b/i;
const INCLUDE_RE = /<!--#include\s+virtual\s*=\s*"([^"]+)"\s*-->/g;
const DATED_ITEM_RE = /^(.*)\/(\d{6})\/t(\d{8})_(\d+)\.html$/;
const MAX_INCLUDE_DEPTH = 4;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Splits the raw request path into decoded segments, refusing traversal: any segment that decodes
 * to `.` or `..`, or contains `/`, `\` or NUL after decoding, is a 403.
 */
function safeSegments(rawPath: string): string[] {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'bad percent-encoding');
    }
    if (seg === '.' || seg === '..' || /[\\/\0]/.test(seg)) throw new HttpError(403, 'forbidden path');
    segments.push(seg);
  }
  return segments;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Resolves a file under the site root, refusing anything (including symlinks) that leaves it. */
async function inRoot(root: string, file: string): Promise<string | null> {
  const resolved = path.resolve(root, file);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  try {
    const real = await realpath(resolved);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    return real;
  } catch {
    return null;
  }
}

type Resolved = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

async function resolveRequest(root: string, rawPath: string): Promise<Resolved> {
  const segments = safeSegments(rawPath);
  const rel = segments.join('/');
  const wantsDir = rawPath.endsWith('/') || segments.length === 0;

  const direct = await inRoot(root, rel === '' ? '.' : rel);
  if (direct) {
    if (await isDir(direct)) {
      if (!wantsDir) return { kind: 'redirect', location: `/${rel}/` };
      const index = await inRoot(root, path.join(rel, 'index.html'));
      if (index && (await isFile(index))) return { kind: 'file', file: index };
      return { kind: 'missing' };
    }
    if (!wantsDir && (await isFile(direct))) return { kind: 'file', file: direct };
    return { kind: 'missing' };
  }

  // TRS-style dated article URL: /zwgk/zdxx/202611/t20261118_2801.html → /zwgk/zdxx/2801.html
  const dated = DATED_ITEM_RE.exec(`/${rel}`);
  if (dated && !wantsDir) {
    const [, dir = '', folderMonth = '', fileDate = '', id = ''] = dated;
    if (fileDate.startsWith(folderMonth)) {
      const target = await inRoot(root, `${dir.replace(/^\//, '')}/${id}.html`);
      if (target && (await isFile(target))) return { kind: 'file', file: target };
    }
  }
  return { kind: 'missing' };
}

async function expandIncludes(root: string, html: string, depth: number): Promise<string> {
  const matches = [...html.matchAll(INCLUDE_RE)];
  if (matches.length === 0) return html;
  if (depth >= MAX_INCLUDE_DEPTH) throw new Error('server-side includes nested too deeply');
  let out = '';
  let last = 0;
  for (const m of matches) {
    const virtual = m[1] ?? '';
    const file = await inRoot(root, safeSegments(virtual).join('/'));
    if (!file || !(await isFile(file))) throw new Error(`include not found: ${virtual}`);
    const included = await readFile(file, 'utf8');
    out += html.slice(last, m.index) + (await expandIncludes(root, included, depth + 1));
    last = m.index + m[0].length;
  }
  return out + html.slice(last);
}

/** Renders an .html file: includes, date tokens, charset. */
export async function renderHtml(
  root: string,
  file: string,
  now: Date,
): Promise<{ body: Buffer; contentType: string }> {
  const source = await readFile(file, 'utf8');
  const html = expandDateTokens(await expandIncludes(root, source, 0), now);
  if (GBK_META_RE.test(html)) {
    return { body: iconv.encode(html, 'gbk'), contentType: 'text/html; charset=gbk' };
  }
  return { body: Buffer.from(html, 'utf8'), contentType: 'text/html; charset=utf-8' };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: Buffer): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function sendNotFound(root: string, req: IncomingMessage, res: ServerResponse, now: Date): Promise<void> {
  const page = path.join(root, '404.html');
  if (await isFile(page)) {
    const { body, contentType } = await renderHtml(root, page, now);
    send(req, res, 404, contentType, body);
  } else {
    send(req, res, 404, 'text/plain; charset=utf-8', Buffer.from('404 Not Found'));
  }
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse, fixedNow?: Date): Promise<void> {
  const now = fixedNow ?? new Date();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('405 Method Not Allowed');
    return;
  }
  const rawUrl = req.url ?? '/';
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  if (!rawPath.startsWith('/')) throw new HttpError(400, 'bad request target');

  const resolved = await resolveRequest(root, rawPath);
  if (resolved.kind === 'redirect') {
    const query = rawUrl.slice(rawPath.length);
    res.writeHead(301, { Location: encodeURI(resolved.location) + query, 'Content-Length': 0 });
    res.end();
    return;
  }
  if (resolved.kind === 'missing') {
    await sendNotFound(root, req, res, now);
    return;
  }
  const ext = path.extname(resolved.file).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    const { body, contentType } = await renderHtml(root, resolved.file, now);
    send(req, res, 200, contentType, body);
    return;
  }
  const body = await readFile(resolved.file);
  send(req, res, 200, CONTENT_TYPES[ext] ?? 'application/octet-stream', body);
}

/** Starts the demo portal on 127.0.0.1. */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const root = await realpath(opts.site === 'patrol' ? PATROL_SITE_ROOT : SITE_ROOT);
  const server = createServer((req, res) => {
    handle(root, req, res, opts.now).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`${status} ${message}`);
      } else {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
