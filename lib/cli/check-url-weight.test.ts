/**
 * What `gongkai check <URL>` holds before the page is in: neither the engine (its checks, the catalogues, zod …) nor
 * fetch's implementation (undici) is loaded until a page's bytes have arrived, so a body read up to the 50 MB cap
 * shares the process with little else (the peak itself is measured by `npm run bench`, scripts/bench-loader.ts). A URL
 * that fails never loads them; a page that loads brings the engine, and the output is as before.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../../tests/helpers/run-cli';

/** Modules of the engine, as they are first evaluated in this test's process. */
const evaluated = vi.hoisted(() => [] as string[]);
vi.mock('../engine/inspect-page', async (original) => {
  evaluated.push('engine');
  return original();
});
vi.mock('../i18n-catalog', async (original) => {
  evaluated.push('catalogues');
  return original();
});

const PAGE = '<!doctype html><meta charset="utf-8"><title>罗源县政务公开</title><h1>通知公告</h1>';
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('gongkai check <URL>: what loads before the page', () => {
  it('loads the engine only once a page is in', async () => {
    const missing = await runCliCaptured(['check', `${origin}/missing`]);
    expect([missing.code, missing.err]).toEqual([2, `gongkai: cannot fetch ${origin}/missing: HTTP 404 Not Found`]);
    expect(evaluated).toEqual([]);
    const page = await runCliCaptured(['check', `${origin}/page`, '--lang', 'en']);
    expect(page.code).toBe(0);
    expect(page.out.split('\n')[0]).toBe(`== ${origin}/page`);
    expect(page.out).toContain('罗源县政务公开  [UTF-8]');
    expect(evaluated.sort()).toEqual(['catalogues', 'engine']);
  });

  it('fetches with Node’s own http: the `gongkai` bin never loads fetch’s implementation for a page', async () => {
    const bin = resolve(import.meta.dirname, '../../scripts/gongkai.mjs');
    // Says at exit whether undici (fetch's implementation, ~15 MB) was loaded in the process.
    const probe = `data:text/javascript,process.on("exit",()=>process.stderr.write("undici="+process.moduleLoadList.some((m)=>m.includes("undici"))))`;
    // Spawned, not run synchronously: the child asks this process's server, which must go on serving.
    const child = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const proc = spawn(process.execPath, ['--import', probe, bin, 'check', `${origin}/page`], {
        cwd: resolve(import.meta.dirname, '../..'),
      });
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      proc.stdout.resume();
      proc.on('close', (code) => done({ code, stderr }));
    });
    expect(child.code).toBe(0);
    expect(child.stderr).toBe('undici=false');
  }, 60_000);
});
