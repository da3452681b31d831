/**
 * Engine speed in one real Chromium run, side by side on a generated 10,000-element portal page:
 * snapshot + all checks (median of several runs), a bare TreeWalker text pass, and an axe-core run, with ratios.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser } from '../lib/find-browser';

const ROOT = resolve(import.meta.dirname, '../..');

export interface EngineFigures {
  elements: number;
  engineMs: number;
  bareMs: number;
  axeMs: number;
  runs: number;
  engineOutput: { results: number; fields: number; items: number };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchEngine(html: string, runs = 15, withAxe = true): Promise<EngineFigures> {
  const bundle = await build({
    entryPoints: [resolve(ROOT, 'scripts/bench/in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/zwgk/czsz/index.html`);
    await page.addScriptTag({ content: script });
    await page.addScriptTag({ path: resolve(ROOT, 'node_modules/axe-core/axe.min.js') });
    const elements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
    const timed = (expr: string) =>
      page.evaluate(
        `(() => { const t0 = performance.now(); const out = ${expr}; return { ms: performance.now() - t0, out }; })()`,
      ) as Promise<{ ms: number; out: unknown }>;
    const engine: number[] = [];
    const bare: number[] = [];
    let engineOutput = { results: 0, fields: 0, items: 0 };
    for (let i = 0; i < 3; i++) {
      await timed('__gongkaiBench.snapshotAndCheck()');
      await timed('__gongkaiBench.bareTextPass()');
    }
    for (let i = 0; i < runs; i++) {
      const e = await timed('__gongkaiBench.snapshotAndCheck()');
      engine.push(e.ms);
      engineOutput = e.out as typeof engineOutput;
      bare.push((await timed('__gongkaiBench.bareTextPass()')).ms);
    }
    const axe: number[] = [];
    for (let i = 0; i < (withAxe ? 3 : 0); i++) {
      axe.push(
        (await page.evaluate(
          `(async () => { const t0 = performance.now(); await axe.run(document, { resultTypes: ['violations'] }); return performance.now() - t0; })()`,
        )) as number,
      );
    }
    return {
      elements,
      engineMs: median(engine),
      bareMs: median(bare),
      axeMs: withAxe ? median(axe) : NaN,
      runs,
      engineOutput,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
