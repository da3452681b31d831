/**
 * For benchmarks: serves a bundled script (and optionally an HTML body) — or a whole HTML page — from 127.0.0.1, opens
 * it in headless Chromium (Debian's, through the browser finder) and hands the page to `use`; everything is closed
 * afterwards.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { findBrowser } from './find-browser';

export const HEADLESS_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export async function withScriptPage<T>(script: string, use: (page: Page) => Promise<T>, body = ''): Promise<T> {
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><body>${body}<script type="module" src="/bench.js"></script></body>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({ executablePath: findBrowser(), args: HEADLESS_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return await use(page);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Serves `html` at every path, opens it at `path` (the address the page is read as) and hands the page to `use`. */
export async function withHtmlPage<T>(html: string, path: string, use: (page: Page) => Promise<T>): Promise<T> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({ executablePath: findBrowser(), args: HEADLESS_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return await use(page);
  } finally {
    await browser.close();
    server.close();
  }
}
