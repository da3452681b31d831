/**
 * Engine speed in one real Chromium run, side by side on a generated 10,000-element portal page: snapshot + all checks,
 * the bare text walk (a TreeWalker over the text nodes reading each one's text), and an axe-core run, with ratios.
 * `npx tsx scripts/bench/engine-bench.ts` runs this part alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inPageBundle } from './in-page-bundle';
import { withHtmlPage } from '../lib/headless-page';

const ROOT = resolve(import.meta.dirname, '../..');

/** A median with its spread: the quartiles and the extremes of the samples. */
export interface Spread {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

export interface EngineFigures {
  elements: number;
  /** Milliseconds per pass: each sample times `engineReps` (or `bareReps`) passes back to back. */
  engine: Spread;
  bare: Spread;
  /** Engine ÷ bare walk, per pair of samples taken one after the other (the load of the moment cancels out). */
  ratio: Spread;
  engineReps: number;
  bareReps: number;
  axeMs: number;
  samples: number;
  engineOutput: { results: number; fields: number; items: number };
}

/** Each sample lasts at least this long, so that Chromium's 0.1 ms clock resolution is negligible (< 0.5 %). */
const SAMPLE_MS = 25;

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: s[0]!, max: s[s.length - 1]! };
}

/** `median [q1–q3]`, with `digits` decimals. */
export function showSpread(s: Spread, digits: number, unit = ''): string {
  return `${s.median.toFixed(digits)}${unit} [${s.q1.toFixed(digits)}–${s.q3.toFixed(digits)}]`;
}

/**
 * The engine and the bare text walk (scripts/bench/in-page.ts defines both) on `html` in one Chromium page: after a
 * warm-up, `samples` pairs of samples, each timing many passes back to back (as many as fill SAMPLE_MS), the engine's
 * and the walk's taken one after the other; then axe-core, three runs.
 */
export async function benchEngine(html: string, samples = 15, withAxe = true): Promise<EngineFigures> {
  const script = await inPageBundle(ROOT);
  return withHtmlPage(html, '/zwgk/czsz/index.html', async (page) => {
    // The benchmark's own code (the engine bundle, axe-core: some 700 KB) is run without adding <script> elements, so
    // that the page measured is the generated page alone (the engine reads every inline script of a page).
    const cdp = await page.context().newCDPSession(page);
    for (const code of [script, readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')]) {
      const run = (await cdp.send('Runtime.evaluate', { expression: code })) as { exceptionDetails?: unknown };
      if (run.exceptionDetails)
        throw new Error(`benchmark code failed in the page: ${JSON.stringify(run.exceptionDetails)}`);
    }
    const elements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
    const engineOutput = (await page.evaluate('__gongkaiBench.snapshotAndCheck()')) as EngineFigures['engineOutput'];
    const time = (what: 'Engine' | 'Bare', reps: number) =>
      page.evaluate(`__gongkaiBench.time${what}(${reps})`) as Promise<number>;
    // Warm-up (the JIT), then the number of passes that fills a sample.
    for (let i = 0; i < 3; i++) await time('Engine', 1);
    const engineReps = Math.max(1, Math.ceil(SAMPLE_MS / (await time('Engine', 3))));
    await time('Bare', 50);
    const bareReps = Math.max(1, Math.ceil(SAMPLE_MS / (await time('Bare', 50))));
    const engine: number[] = [];
    const bare: number[] = [];
    const ratio: number[] = [];
    for (let i = 0; i < samples; i++) {
      engine.push(await time('Engine', engineReps));
      bare.push(await time('Bare', bareReps));
      ratio.push(engine[i]! / bare[i]!);
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
      engine: spread(engine),
      bare: spread(bare),
      ratio: spread(ratio),
      engineReps,
      bareReps,
      axeMs: withAxe ? spread(axe).median : NaN,
      samples,
      engineOutput,
    };
  });
}

export const ENGINE_RATIO_BUDGET = 10;
export const AXE_FRACTION_BUDGET = 1 / 100;

export interface BenchLine {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
}

/** The budgeted lines of the engine benchmark on the portal page; the ratio judged is the median of the paired ratios. */
export function engineLines(e: EngineFigures): BenchLine[] {
  const vsAxe = e.engine.median / e.axeMs;
  return [
    {
      name: `snapshot + all checks (${e.samples} samples × ${e.engineReps})`,
      value: showSpread(e.engine, 2, ' ms'),
      budget: '',
      ok: true,
    },
    {
      name: `bare text walk (${e.samples} samples × ${e.bareReps})`,
      value: showSpread(e.bare, 3, ' ms'),
      budget: '',
      ok: true,
    },
    { name: 'axe-core run (median of 3)', value: `${e.axeMs.toFixed(0)} ms`, budget: '', ok: true },
    {
      name: 'engine / bare text walk (median of pairs)',
      value: showSpread(e.ratio, 1, '×'),
      budget: `≤ ${ENGINE_RATIO_BUDGET}×`,
      ok: e.ratio.median <= ENGINE_RATIO_BUDGET,
    },
    {
      name: 'engine / axe-core',
      value: `1/${(1 / vsAxe).toFixed(0)}`,
      budget: `≤ 1/${1 / AXE_FRACTION_BUDGET}`,
      ok: vsAxe <= AXE_FRACTION_BUDGET,
    },
  ];
}

/** What "bare text walk" means, printed with the figures. */
export const BARE_WALK_DEFINITION =
  "bare text walk: a TreeWalker over the text nodes under body (SHOW_TEXT), reading each node's nodeValue; " +
  "timed, like the engine, over many passes per sample (Chromium's clock ticks in 0.1 ms); medians with quartiles [q1–q3]";

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { generateLongListPage, generatePortalPage } = await import('./generate-portal-page');
  const e = await benchEngine(generatePortalPage(10_000));
  console.log(`  ${BARE_WALK_DEFINITION}`);
  console.log(`  generated portal page: ${e.elements} elements`);
  let over = false;
  for (const l of engineLines(e)) {
    console.log(`${l.ok ? ' ok ' : 'OVER'}  ${l.name.padEnd(44)} ${l.value.padStart(24)}   budget ${l.budget}`);
    over ||= !l.ok;
  }
  if (process.argv.includes('--long')) {
    const long = await benchEngine(generateLongListPage(3_000), 9, false);
    console.log(
      `  stress case, 3,000 dated rows: ${showSpread(long.engine, 2, ' ms')}, ${showSpread(long.ratio, 0, '×')} its bare walk`,
    );
  }
  process.exitCode = over ? 1 : 0;
}
