/**
 * Compares the engine of two or more checkouts on the benchmark's generated page, for a change too small for one run
 * of `npm run bench` to show (a few per cent): each checkout's engine is measured in a browser of its own (engines
 * sharing a page disturb each other's measure), in CPU time of the page's thread (Chromium's ThreadTime: the load of
 * other processes counts less than in wall time), the order of the checkouts turned round each round. Prints each
 * checkout's engine ÷ bare walk per round and their mean. Not a budget: `npm run bench` judges the budget.
 *
 *   npx tsx scripts/bench/compare.ts DIR_A DIR_B [--rounds 3]
 */
import { resolve } from 'node:path';
import { inPageBundle } from './in-page-bundle';
import { withHtmlPage } from '../lib/headless-page';
import { generatePortalPage } from './generate-portal-page';

const args = process.argv.slice(2);
let rounds = 3;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = Number(args[++i]);
  else dirs.push(resolve(args[i]!));
}
if (dirs.length < 2 || !(rounds > 0)) {
  console.error('usage: npx tsx scripts/bench/compare.ts DIR_A DIR_B [DIR…] [--rounds N]');
  process.exit(2);
}

/** Samples per run; each figure is the samples' 20th percentile (the least disturbed). */
const SAMPLES = 10;
const html = generatePortalPage(10_000);

async function ratioOf(dir: string): Promise<number> {
  const script = await inPageBundle(dir);
  return withHtmlPage(html, '/zwgk/czsz/index.html', async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Runtime.evaluate', { expression: script });
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
    const threadTime = async () =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) as number;
    const perPass = async (what: 'Engine' | 'Bare', reps: number) => {
      const t0 = await threadTime();
      await page.evaluate(`__gongkaiBench.time${what}(${reps})`);
      return ((await threadTime()) - t0) / reps;
    };
    for (let i = 0; i < 3; i++) await perPass('Engine', 3);
    const engine: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      bare.push(await perPass('Bare', 100));
      engine.push(await perPass('Engine', 10));
    }
    const low = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.2)]!;
    return low(engine) / low(bare);
  });
}

const figures = new Map<string, number[]>(dirs.map((d) => [d, []]));
for (let r = 0; r < rounds; r++) {
  for (const dir of r % 2 === 0 ? dirs : [...dirs].reverse()) figures.get(dir)!.push(await ratioOf(dir));
}
for (const [dir, values] of figures) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`${mean.toFixed(2)}×  (${values.map((v) => v.toFixed(2)).join(' ')})  ${dir}`);
}
