/**
 * The side panel at open: how much JavaScript it loads before it can paint (gzipped, from the built extension's
 * sidepanel.html: its module script, its modulepreload links and every static import of those chunks — dynamic
 * `import()` chunks are listed apart, they load when a view needs them) and, in real Chromium with the built demo
 * extension on a demo portal page, the time to the panel's first paint and to its first checked result.
 * Decides nothing about the product; prints figures against the budget. `npx tsx scripts/bench-panel.ts`
 * (`--no-build` reuses .output/chrome-mv3-demo).
 */
import { readFileSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDemoServer } from '../demo-portal/server';
import { buildDemoExtension } from './lib/build-extension';
import { DEMO_EXTENSION_DIR, launchWithExtension, openTab } from './lib/extension-harness';

export const PANEL_OPEN_BUDGET_KB = 150;

export interface PanelOpenSize {
  /** Gzipped bytes of JavaScript loaded at open. */
  gzipped: number;
  raw: number;
  files: { file: string; gzipped: number }[];
  /** Chunks only reachable through import(): loaded when a view needs them. */
  lazy: { file: string; gzipped: number }[];
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** The JavaScript `html` (a page of the built extension in `dir`) loads at open, following its static import graph. */
export function panelJsAtOpen(dir: string, html = 'sidepanel.html'): PanelOpenSize {
  const page = readFileSync(join(dir, html), 'utf8');
  const roots = [
    ...page.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => join(dir, m[1]!));
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolve(dirname(file), m[1]!));
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(resolve(dirname(file), m[1]!));
  }
  const sized = (file: string) => ({ file: file.slice(dir.length + 1), gzipped: gzipSync(readFileSync(file)).length });
  const files = [...seen].map(sized).sort((a, b) => b.gzipped - a.gzipped);
  return {
    gzipped: files.reduce((sum, f) => sum + f.gzipped, 0),
    raw: [...seen].reduce((sum, f) => sum + readFileSync(f).length, 0),
    files,
    lazy: [...lazy].filter((f) => !seen.has(f)).map(sized),
  };
}

/** Gzipped bytes of the extension's files at these paths (each counted once). */
export function gzippedFiles(dir: string, paths: readonly string[]): number {
  return [...new Set(paths)].reduce((sum, p) => sum + gzipSync(readFileSync(join(dir, p))).length, 0);
}

export interface PanelOpenTimes {
  runs: number;
  /** first-contentful-paint of the panel page, from navigation start (median). */
  firstPaintMs: number;
  /** data-state="ready": the inspected page read and checked (median). */
  readyMs: number;
  /** The extension's JavaScript files the panel had loaded once the page was checked (first run). */
  loadedByReady: string[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Opens the panel page `runs` times (a fresh page each time) on one demo portal page, in real Chromium. */
export async function panelOpenTimes(runs = 7): Promise<PanelOpenTimes> {
  const server = await startDemoServer({ now: new Date('2026-11-28T04:00:00Z') });
  const session = await launchWithExtension();
  try {
    const { tabId } = await openTab(session, `${server.origin}/`);
    const paints: number[] = [];
    const ready: number[] = [];
    let loadedByReady: string[] = [];
    for (let i = 0; i < runs; i++) {
      const panel = await session.context.newPage();
      const requested: string[] = [];
      // Resource timing does not list chrome-extension:// files; the requests do.
      panel.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await panel.setViewportSize({ width: 420, height: 860 });
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
      await panel.waitForSelector('main[data-state="ready"], main[data-state="problem"]', { timeout: 30_000 });
      const readyAt = (await panel.evaluate('performance.now()')) as number;
      const fcp = (await panel.evaluate(
        `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1`,
      )) as number;
      if (i === 0) loadedByReady = requested.filter((p) => p.endsWith('.js'));
      paints.push(fcp);
      ready.push(readyAt);
      await panel.close();
    }
    return { runs, firstPaintMs: median(paints), readyMs: median(ready), loadedByReady };
  } finally {
    await session.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) buildDemoExtension({ quiet: true });
  const size = panelJsAtOpen(DEMO_EXTENSION_DIR);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ok = size.gzipped <= PANEL_OPEN_BUDGET_KB * 1024;
  console.log(
    `${ok ? ' ok ' : 'OVER'}  side panel JavaScript at open, gzipped   ${kb(size.gzipped).padStart(10)}   budget ≤ ${PANEL_OPEN_BUDGET_KB} KB`,
  );
  for (const f of size.files) console.log(`        ${f.file.padEnd(44)} ${kb(f.gzipped).padStart(10)}`);
  for (const f of size.lazy) console.log(`        (on demand) ${f.file.padEnd(32)} ${kb(f.gzipped).padStart(10)}`);
  const times = await panelOpenTimes();
  const byReady = gzippedFiles(DEMO_EXTENSION_DIR, [...times.loadedByReady, ...size.files.map((f) => `/${f.file}`)]);
  console.log(`      side panel JavaScript loaded once the page is checked ${kb(byReady).padStart(10)}   (no budget)`);
  console.log(
    ` ok   side panel first paint (median of ${times.runs})     ${`${times.firstPaintMs.toFixed(0)} ms`.padStart(10)}`,
  );
  console.log(` ok   side panel page read and checked (median)  ${`${times.readyMs.toFixed(0)} ms`.padStart(10)}`);
  if (!ok) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
