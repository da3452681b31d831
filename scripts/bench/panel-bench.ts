/** The panel's first render at volume, in headless Chromium: the findings list and the coverage view of an audit with N findings. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser } from '../lib/find-browser';

export interface PanelFigures {
  findings: number;
  listFirstMs: number;
  listMedianMs: number;
  coverageMedianMs: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchPanel(findings = 10_000): Promise<PanelFigures> {
  const root = resolve(import.meta.dirname, '../..');
  const bundle = await build({
    entryPoints: [resolve(root, 'scripts/bench/panel-render.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': root },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><body style="width:420px"><script type="module" src="/bench.js"></script></body>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction('typeof globalThis.__panelBench === "object"');
    const auditId = (await page.evaluate(`__panelBench.seed(${findings})`)) as string;
    const list: number[] = [];
    const cov: number[] = [];
    for (let i = 0; i < 7; i++) {
      list.push((await page.evaluate(`__panelBench.time('list', ${JSON.stringify(auditId)})`)) as number);
      cov.push((await page.evaluate(`__panelBench.time('coverage', ${JSON.stringify(auditId)})`)) as number);
    }
    return { findings, listFirstMs: list[0]!, listMedianMs: median(list), coverageMedianMs: median(cov) };
  } finally {
    await browser.close();
    server.close();
  }
}
