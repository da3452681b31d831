/**
 * The audit database at volume: `npx tsx scripts/bench-storage.ts` (fake-indexeddb in Node), or with `--browser` the
 * same code in headless Chromium against its real IndexedDB. Records synthetic checked pages (20 results each, pages
 * spread over the plan's 61 tasks) through the real write path (`recordPageReport`) into a fresh database and times,
 * at 10,000 and at 100,000 findings, the coverage query and the first window (50 rows) of the findings list —
 * unfiltered, then with a few filters and a text search, before and after the list cache is loaded (list-cache.ts;
 * audits above its limit are not cached). Medians of 5 runs, except where a single first run is the point.
 * Exit 1 when a budget is exceeded.
 *
 * fake-indexeddb is a pure-JS IndexedDB (its own B-trees, a structured clone per record read): slower than a
 * browser's, so its figures are an upper bound; `--browser` gives Chromium's.
 */
import type { Plan } from '../lib/plan/model';

const PER_PAGE = 20;
const RUNS = 5;

export interface StorageBenchOptions {
  environment: string;
  print(line: string): void;
}

/** Runs the benchmark wherever an IndexedDB is (Node with fake-indexeddb, or a page); returns the budgets exceeded. */
export async function runStorageBench({ environment, print }: StorageBenchOptions): Promise<string[]> {
  // Imported here, not at the top: in Node, fake-indexeddb must be installed before Dexie loads.
  const [
    { createAudit },
    { coverage },
    { GongkaiDb },
    { recordPageReport },
    { queryFindings },
    { LIST_CACHE_LIMIT, dropListCache },
    { NOW, seeded, syntheticPages },
    { luoyuan2017 },
  ] = await Promise.all([
    import('../lib/storage/audits'),
    import('../lib/storage/coverage'),
    import('../lib/storage/db'),
    import('../lib/storage/findings'),
    import('../lib/storage/findings-query'),
    import('../lib/storage/list-cache'),
    import('../tests/helpers/synthetic'),
    import('../seeds/index'),
  ]);
  const plan: Plan = luoyuan2017;
  const over: string[] = [];
  const line = (name: string, value: string, budget: string, ok: boolean) => {
    print(`${ok ? ' ok ' : 'OVER'}  ${name.padEnd(44)} ${value.padStart(14)}   budget ${budget}`);
    if (!ok) over.push(name);
  };
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  };
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const thousands = (n: number) => n.toLocaleString('en-US');

  print(`Gongkai Inspector storage benchmark (${environment})\n`);
  const db = new GongkaiDb(`bench-storage-${Date.now()}`);
  await db.open();
  try {
    const audit = await createAudit(db, { name: 'bench', origin: 'www.luoyuan.gov.cn', planId: plan.id }, NOW);
    const rand = seeded(2026);
    let pages = 0;
    let recordMs = 0;
    const measure = async (findings: number, budgets: { coverage: number; firstPage?: number }) => {
      const target = findings / PER_PAGE;
      const t0 = performance.now();
      for (const p of syntheticPages(target - pages, PER_PAGE, rand, pages))
        await recordPageReport(db, audit.id, p.report, p.meta, 'bench', p.now);
      recordMs += performance.now() - t0;
      pages = target;
      const count = await db.findings.count();
      print(
        `  ${thousands(count)} findings on ${thousands(pages)} pages (recording: ${(recordMs / pages).toFixed(2)} ms a page of ${PER_PAGE} results)`,
      );
      const label = thousands(findings);
      const cov = await median(() => coverage(db, audit.id, plan));
      line(`coverage query at ${label} findings`, ms(cov), `< ${budgets.coverage} ms`, cov < budgets.coverage);
      const first = await median(() => queryFindings(db, audit.id, { limit: 50 }));
      line(
        `findings list, first 50 rows at ${label}`,
        ms(first),
        budgets.firstPage ? `< ${budgets.firstPage} ms` : '–',
        budgets.firstPage ? first < budgets.firstPage : true,
      );
      const once = async (run: () => Promise<unknown>) => {
        const t0 = performance.now();
        await run();
        return performance.now() - t0;
      };
      const query = (q: Parameters<typeof queryFindings>[2]) => () => queryFindings(db, audit.id, { limit: 50, ...q });
      const fail = query({ filter: { statuses: ['fail'] } });
      const text = query({ filter: { text: '政務公開' } });
      dropListCache(db);
      line('  … status fail', ms(await median(fail)), '–', true);
      line(
        '  … status fail, problems first',
        ms(await median(query({ filter: { statuses: ['fail'] }, sort: 'status' }))),
        '–',
        true,
      );
      line(
        '  … one task, without a note',
        ms(await median(query({ filter: { taskId: plan.tasks[14]!.id, hasNote: false } }))),
        '–',
        true,
      );
      line(
        '  … one unit (县财政局), fail',
        ms(await median(query({ filter: { unit: '县财政局', statuses: ['fail'] }, plan }))),
        '–',
        true,
      );
      line('  … 50 rows from the middle', ms(await median(query({ offset: Math.floor(count / 2) }))), '–', true);
      const cached = count <= LIST_CACHE_LIMIT.findings;
      line(
        cached ? '  … text 政務公開, first (loads the list cache)' : '  … text 政務公開 (audit too large to cache)',
        ms(await once(text)),
        '–',
        true,
      );
      if (cached) {
        line('  … text 政務公開, list cache loaded', ms(await median(text)), '–', true);
        line('  … status fail, list cache loaded', ms(await median(fail)), '–', true);
        // Re-check the last page (new results, same URL): the cache catches up on what changed.
        const [again] = syntheticPages(1, PER_PAGE, rand, pages - 1);
        await recordPageReport(db, audit.id, again!.report, { ...again!.meta, hash: 'recheck' }, 'bench', again!.now);
        line('  … text, just after re-checking a page (sync)', ms(await once(text)), '–', true);
      }
      print('');
    };
    await measure(10_000, { coverage: 100, firstPage: 50 });
    await measure(100_000, { coverage: 100, firstPage: 50 });
  } finally {
    db.close();
    await db.delete();
  }
  print(over.length ? `Over budget: ${over.join('; ')}` : 'All budgets met.');
  return over;
}

async function inBrowser(): Promise<string[]> {
  const [{ resolve }, { build }, { withScriptPage }] = await Promise.all([
    import('node:path'),
    import('esbuild'),
    import('./lib/headless-page'),
  ]);
  const root = resolve(import.meta.dirname, '..');
  const bundle = await build({
    stdin: {
      contents: `import { runStorageBench } from './scripts/bench-storage.ts';
        globalThis.__storageBench = () => runStorageBench({ environment: 'Chromium IndexedDB, ' + navigator.userAgent.match(/Chrome\\/[\\d.]+/)?.[0], print: (l) => console.log(l) });`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    external: ['node:*', 'esbuild', 'playwright-core', 'fake-indexeddb/*', './lib/find-browser', './lib/headless-page'],
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  return withScriptPage(script, async (page) => {
    page.on('console', (message) => {
      if (message.type() === 'log') console.log(message.text());
    });
    await page.waitForFunction('typeof globalThis.__storageBench === "function"');
    return (await page.evaluate('globalThis.__storageBench()', undefined)) as string[];
  });
}

async function main(): Promise<void> {
  let over: string[];
  if (process.argv.includes('--browser')) over = await inBrowser();
  else {
    const fakeIndexedDb: string = 'fake-indexeddb/auto'; // a side-effect import; the name in a variable keeps it untyped
    await import(fakeIndexedDb);
    over = await runStorageBench({
      environment: `fake-indexeddb on Node ${process.version}, ${process.arch}`,
      print: (l) => console.log(l),
    });
  }
  if (over.length) process.exitCode = 1;
}

if (typeof process !== 'undefined' && /bench-storage\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
