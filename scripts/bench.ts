/**
 * `npm run bench`: prints the product's speed and size figures against the budgets the issues set. Timings are
 * measured here, never asserted in tests. Exit 1 when a budget is exceeded.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDemoExtension } from './lib/build-extension';
import { BARE_WALK_DEFINITION, benchEngine, engineLines, showSpread } from './bench/engine-bench';
import { generateLongListPage, generatePortalPage } from './bench/generate-portal-page';
import { benchPanel } from './bench/panel-bench';
import { PANEL_OPEN_BUDGET_KB, panelJsAtOpen, panelOpenTimes } from './bench-panel';
import { DEMO_EXTENSION_DIR } from './lib/extension-harness';
import { benchCrawl, CRAWL_MEMORY_BUDGET_MB, CRAWL_RATIO_BUDGET } from './bench-crawl';
import { overBudget, runSoak } from './soak-snapshot';
import { benchPlanImport } from './bench/plan-import-bench';
import { benchRealPages } from './bench/real-pages-bench';

const ROOT = resolve(import.meta.dirname, '..');
const over: string[] = [];

function line(name: string, value: string, budget: string, ok: boolean): void {
  console.log(`${ok ? ' ok ' : 'OVER'}  ${name.padEnd(44)} ${value.padStart(24)}   budget ${budget}`);
  if (!ok) over.push(name);
}

async function main(): Promise<void> {
  console.log('Gongkai Inspector benchmark (this machine:', process.arch, `${process.version})\n`);

  buildDemoExtension({ quiet: true });
  const content = readFileSync(resolve(ROOT, '.output/chrome-mv3-demo/content-scripts/content.js'));
  const gz = gzipSync(content).length;
  line('content script, gzipped', `${(gz / 1024).toFixed(1)} KB`, '≤ 40 KB', gz <= 40 * 1024);
  // The side panel at open (scripts/bench-panel.ts runs this part alone).
  const open = panelJsAtOpen(DEMO_EXTENSION_DIR);
  line(
    'side panel JavaScript at open, gzipped',
    `${(open.gzipped / 1024).toFixed(1)} KB`,
    `≤ ${PANEL_OPEN_BUDGET_KB} KB`,
    open.gzipped <= PANEL_OPEN_BUDGET_KB * 1024,
  );
  const openTimes = await panelOpenTimes();
  line(`side panel first paint (median of ${openTimes.runs})`, `${openTimes.firstPaintMs.toFixed(0)} ms`, '', true);
  line('side panel page read and checked (median)', `${openTimes.readyMs.toFixed(0)} ms`, '', true);

  // bench-plan exits 1 over its budget; its figure is read either way.
  const plan = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/bench-plan.ts')],
    { encoding: 'utf8' },
  ).stdout;
  const planMs = Number(/median[^\d]*([\d.]+)\s*ms/i.exec(plan)?.[1] ?? NaN);
  line('parse the seed plan (median)', `${planMs.toFixed(1)} ms`, '< 50 ms', planMs < 50);

  // bench-match exits 1 over its budget and prints its own line.
  const matching = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/bench-match.ts')],
    { encoding: 'utf8' },
  );
  process.stdout.write(matching.stdout);
  if (matching.status !== 0) over.push('column matching (see above)');
  const imp = benchPlanImport(100);
  line('import a 100-task plan, HTML (median)', `${imp.htmlMs.toFixed(1)} ms`, '< 200 ms', imp.htmlMs < 200);
  line('import a 100-task plan, copied text (median)', `${imp.copiedMs.toFixed(1)} ms`, '< 200 ms', imp.copiedMs < 200);

  const e = await benchEngine(generatePortalPage(10_000));
  console.log(
    `\n  generated portal page: ${e.elements} elements; engine found ${e.engineOutput.fields} fields, ${e.engineOutput.items} list items, ${e.engineOutput.results} results`,
  );
  console.log(`  ${BARE_WALK_DEFINITION}`);
  for (const l of engineLines(e)) line(l.name, l.value, l.budget, l.ok);

  const long = await benchEngine(generateLongListPage(3_000), 9, false);
  console.log(`\n  stress case, a single list of 3,000 dated rows (${long.elements} elements; no budget):`);
  line(
    `snapshot + all checks (${long.samples} samples × ${long.engineReps})`,
    showSpread(long.engine, 2, ' ms'),
    `(${showSpread(long.ratio, 0, '×')} its bare walk)`,
    true,
  );

  // The real pages kept for the engine (no budget: the budget is judged on the generated page above). On a small page
  // the bare walk takes microseconds, and the ratio measures the engine's fixed cost per page (matching, template
  // selection), not how it scales.
  const real = await benchRealPages();
  console.log(
    `\n  real portal pages (tests/real-pages and ../shared/real-pages, the page's own scripts off; no budget):`,
  );
  line(`snapshot + all checks, per page (${real.pages} pages)`, showSpread(real.engine, 2, ' ms'), '', true);
  line(
    'engine / bare text walk, per page',
    showSpread(real.ratio, 0, '×'),
    `(highest ${real.worst.ratio.toFixed(0)}×: ${real.worst.page})`,
    true,
  );

  const panel = await benchPanel(10_000);
  console.log(
    `\n  side panel, audit of ${panel.findings.toLocaleString('en')} findings (headless Chromium, real IndexedDB):`,
  );
  line('findings list, first render (cold)', `${panel.listFirstMs.toFixed(1)} ms`, '< 200 ms', panel.listFirstMs < 200);
  line(
    'findings list, first render (median of 7)',
    `${panel.listMedianMs.toFixed(1)} ms`,
    '< 200 ms',
    panel.listMedianMs < 200,
  );
  line('coverage view, first render (median of 7)', `${panel.coverageMedianMs.toFixed(1)} ms`, '', true);

  console.log(
    '\n  audit database at volume (fake-indexeddb in Node; `npx tsx scripts/bench-storage.ts --browser` for Chromium):',
  );
  const storage = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/bench-storage.ts')],
    { encoding: 'utf8' },
  );
  for (const l of storage.stdout
    .split('\n')
    .filter(
      (x) =>
        (/^(ok|OVER|\s+\d|\s+ok)|budget/.test(x) || /findings on/.test(x)) && !/^(All budgets|Over budget)/.test(x),
    ))
    console.log(l);
  if (storage.status !== 0) over.push('storage benchmark (see above)');

  console.log('\n  exports of an audit of 100,000 findings (Node):');
  const exportsRun = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/bench-export.ts')],
    { encoding: 'utf8' },
  );
  for (const l of exportsRun.stdout.split('\n').filter((x) => x.trim())) console.log(l);
  if (exportsRun.status !== 0) over.push('exports (see above)');

  const crawl = await benchCrawl();
  console.log(
    `\n  whole-site patrol: gongkai crawl of a generated site, ${crawl.pages} pages on 127.0.0.1 (concurrency 2, no delay):`,
  );
  line('crawl (fetch, patrol, audit file)', `${(crawl.crawlMs / 1000).toFixed(1)} s`, '', true);
  line('floor: same pages fetched, parsed once', `${(crawl.floorMs / 1000).toFixed(1)} s`, '', true);
  line('crawl / floor', `${crawl.ratio.toFixed(2)}×`, `≤ ${CRAWL_RATIO_BUDGET}×`, crawl.ratio <= CRAWL_RATIO_BUDGET);
  line(
    'crawl peak memory (RSS)',
    `${crawl.maxRssMb.toFixed(0)} MB`,
    `≤ ${CRAWL_MEMORY_BUDGET_MB} MB`,
    crawl.maxRssMb <= CRAWL_MEMORY_BUDGET_MB,
  );

  console.log('\n  the command line on hostile URLs (servers on 127.0.0.1, the gongkai bin as a child process):');
  const loaderRun = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/bench-loader.ts')],
    { encoding: 'utf8' },
  );
  for (const l of loaderRun.stdout.split('\n').filter((x) => x.trim() && !/^(All budgets|Over budget)/.test(x)))
    console.log(l);
  if (loaderRun.status !== 0) over.push('URL loader (see above)');

  console.log('\n  soak: the bad-input corpus at full size, each in its own process (scripts/soak-snapshot.ts):');
  for (const figure of runSoak((l) => console.log(l))) if (overBudget(figure)) over.push(`soak: ${figure.name}`);

  console.log(over.length ? `\nOver budget: ${over.join('; ')}` : '\nAll budgets met.');
  if (over.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
