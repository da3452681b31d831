/**
 * The patrol's speed and memory (issue 13): `gongkai crawl` of a generated site of 2,000+ pages on 127.0.0.1, against
 * the floor — fetching the same pages at the same concurrency and parsing each once (budget ≤ 4×) — and the crawl's
 * peak resident memory (budget ≤ 1 GB). Each side runs in its own process (its memory is its own); the site is served
 * from this one. Usage: `npx tsx scripts/bench-crawl.ts [columns]` (default 40 columns → 2,522 pages). Exit 1 over a
 * budget when run alone; `npm run bench` reads `benchCrawl()`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGeneratedSite } from './bench/generated-site';

const ROOT = resolve(import.meta.dirname, '..');
const CONCURRENCY = '2';
export const CRAWL_RATIO_BUDGET = 4;
export const CRAWL_MEMORY_BUDGET_MB = 1024;

export interface CrawlBench {
  pages: number;
  sitePages: number;
  crawlMs: number;
  floorMs: number;
  ratio: number;
  maxRssMb: number;
}

function child(args: string[]): Promise<{ ms: number; maxRssMb: number; pages: number }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(
      process.execPath,
      [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/bench/crawl-child.ts'), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench child failed (${code}): ${err}`));
      else resolvePromise(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

export async function benchCrawl(columns = 40): Promise<CrawlBench> {
  const site = await startGeneratedSite(columns);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-crawl-'));
  try {
    const crawl = await child(['crawl', site.origin, dir, CONCURRENCY]);
    const urls = readFileSync(join(dir, 'pages.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { url: string }).url);
    writeFileSync(join(dir, 'urls.txt'), urls.join('\n'));
    const floor = await child(['floor', join(dir, 'urls.txt'), CONCURRENCY]);
    return {
      pages: crawl.pages,
      sitePages: site.pages,
      crawlMs: crawl.ms,
      floorMs: floor.ms,
      ratio: crawl.ms / floor.ms,
      maxRssMb: crawl.maxRssMb,
    };
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const b = await benchCrawl(Number(process.argv[2] ?? 40) || 40);
  console.log(
    `crawl of a generated site (${b.pages} pages fetched of ${b.sitePages}, concurrency ${CONCURRENCY}, no delay): ` +
      `${(b.crawlMs / 1000).toFixed(1)} s; floor ${(b.floorMs / 1000).toFixed(1)} s; ${b.ratio.toFixed(2)}× ` +
      `(budget ≤ ${CRAWL_RATIO_BUDGET}×); peak memory ${b.maxRssMb.toFixed(0)} MB (budget ≤ ${CRAWL_MEMORY_BUDGET_MB} MB)`,
  );
  if (b.ratio > CRAWL_RATIO_BUDGET || b.maxRssMb > CRAWL_MEMORY_BUDGET_MB) process.exitCode = 1;
}
