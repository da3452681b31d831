/**
 * The engine against the bare text walk on real portal pages (tests/real-pages, and ../shared/real-pages when it is
 * there), each page served on 127.0.0.1 to one Chromium with the page's own scripts off, timed as the budgeted
 * benchmark times the generated page (scripts/bench/engine-bench.ts: the same bundle, samples filling 25 ms, paired
 * ratios). No budget: the budget is judged on the generated page; this says how the ratio stands on pages nobody here
 * wrote. `npx tsx scripts/bench/real-pages-bench.ts` runs it alone.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { inPageBundle } from './in-page-bundle';
import { findBrowser } from '../lib/find-browser';
import { type Spread, spread } from './engine-bench';
import { htmlFiles } from '../lib/page-labels';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_MS = 25;

export interface RealPagesFigures {
  pages: number;
  /** Engine ÷ bare walk per page (the median of each page's paired samples), over the pages. */
  ratio: Spread;
  /** The page with the highest ratio, and its ratio. */
  worst: { page: string; ratio: number };
  /** Engine milliseconds per page, over the pages. */
  engine: Spread;
}

export async function benchRealPages(samples = 5): Promise<RealPagesFigures> {
  const files = [...htmlFiles(resolve(ROOT, 'tests/real-pages')), ...htmlFiles(resolve(ROOT, '../shared/real-pages'))];
  const script = await inPageBundle(ROOT);
  // The page's bytes as stored (GBK pages keep their meta charset); each page at its own path.
  const server = createServer((req, res) => {
    const file = files[Number(/^\/p\/(\d+)\//.exec(req.url ?? '')?.[1] ?? -1)];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--headless=new', '--no-sandbox'] });
  const ratios: number[] = [];
  const engines: number[] = [];
  let worst = { page: '', ratio: 0 };
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    // Nothing leaves the machine: a page's images, styles and scripts from elsewhere are not fetched.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    for (let i = 0; i < files.length; i++) {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/p/${i}/index.html`, { waitUntil: 'domcontentloaded' });
      const cdp = await context.newCDPSession(page);
      const run = (expression: string) =>
        cdp.send('Runtime.evaluate', { expression, returnByValue: true }) as Promise<{
          result: { value: unknown };
          exceptionDetails?: unknown;
        }>;
      const loaded = await run(script);
      if (loaded.exceptionDetails) throw new Error(`benchmark code failed on ${files[i]}`);
      const time = async (what: 'Engine' | 'Bare', reps: number) =>
        (await run(`__gongkaiBench.time${what}(${reps})`)).result.value as number;
      for (let w = 0; w < 3; w++) await time('Engine', 1);
      const engineReps = Math.max(1, Math.ceil(SAMPLE_MS / Math.max(0.01, await time('Engine', 3))));
      const bareReps = Math.max(1, Math.ceil(SAMPLE_MS / Math.max(0.001, await time('Bare', 50))));
      const pageRatios: number[] = [];
      const pageEngine: number[] = [];
      for (let s = 0; s < samples; s++) {
        const engine = await time('Engine', engineReps);
        const bare = await time('Bare', bareReps);
        pageRatios.push(engine / bare);
        pageEngine.push(engine);
      }
      const ratio = spread(pageRatios).median;
      ratios.push(ratio);
      engines.push(spread(pageEngine).median);
      if (ratio > worst.ratio) worst = { page: relative(resolve(ROOT, '..'), files[i]!), ratio };
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { pages: files.length, ratio: spread(ratios), worst, engine: spread(engines) };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const r = await benchRealPages();
  console.log(
    `real pages: ${r.pages}; engine ÷ bare walk per page ${r.ratio.median.toFixed(1)}× [${r.ratio.q1.toFixed(1)}–${r.ratio.q3.toFixed(1)}], highest ${r.worst.ratio.toFixed(1)}× (${r.worst.page}); engine ${r.engine.median.toFixed(2)} ms per page [${r.engine.q1.toFixed(2)}–${r.engine.q3.toFixed(2)}]`,
  );
}
