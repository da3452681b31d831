/**
 * Parse time of the seed plan (budget: < 50 ms): prints the median of 20 runs of `parsePlan` on
 * seeds/luoyuan-2017/source.txt with its overrides, after one warm-up run (module load, OpenCC tables, JIT). The
 * normaliser's caches are emptied before every run, so each run is a cold parse of the text.
 * Usage: `npx tsx scripts/bench-plan.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOverrides } from '../lib/plan/overrides';
import { parsePlan } from '../lib/plan/parse-plan';
import { clearNormalizeCaches } from '../lib/text/normalize';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_MS = 50;

const runs = Math.max(1, Number(process.argv[2] ?? 20) || 20);
const source = readFileSync(resolve(ROOT, 'seeds/luoyuan-2017/source.txt'), 'utf8');
const overrides = loadOverrides(JSON.parse(readFileSync(resolve(ROOT, 'seeds/luoyuan-2017/overrides.json'), 'utf8')));
const parse = () => parsePlan(source, { kind: 'text', id: 'luoyuan-2017', overrides });

const first = performance.now();
const warm = parse();
const firstMs = performance.now() - first;
if (!warm.ok) throw new Error(warm.error.message);

const times: number[] = [];
for (let i = 0; i < runs; i++) {
  clearNormalizeCaches();
  const t0 = performance.now();
  parse();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const mid = Math.floor(times.length / 2);
const median = times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
console.log(
  `plan parse (luoyuan-2017, ${warm.plan.tasks.length} tasks): median ${median.toFixed(1)} ms over ${runs} runs ` +
    `(min ${(times[0] ?? 0).toFixed(1)}, max ${(times[times.length - 1] ?? 0).toFixed(1)}, first run ${firstMs.toFixed(1)} ms; budget ${BUDGET_MS} ms)`,
);
if (median > BUDGET_MS) process.exitCode = 1;
