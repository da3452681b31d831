/**
 * Soak: `gongkai check` on the bad-input corpus at full size (lib/snapshot/bad-input/pages.ts) — 100,000 links in one
 * parent, 150,000 dated rows, a page nested 10,000 levels deep and a 49 MB article, each of the last two with an ID
 * number at its very end (found: `--fail-on privacy` exits 1 — nothing past a cap is lost in silence).
 * Each runs in its own Node process and reports wall time, CPU time and peak memory; `npm run bench` prints these.
 * Budgets (issue 16): the link storm and the long list finish in < 10 s with < 1 GB. Time is judged on CPU time (user +
 * system), which a loaded machine does not inflate; wall time is printed beside it. Exit 1 when a budget is exceeded.
 * Run alone: `npx tsx scripts/soak-snapshot.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { datedRowsPage, deepPage, hugeTextPage, linkStormPage } from '../lib/snapshot/bad-input/pages';

const ROOT = resolve(import.meta.dirname, '..');
const ID = '350123198503151238';

export interface SoakFigure {
  name: string;
  bytes: number;
  exit: number;
  expectExit: number;
  crash: string | null;
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
  /** Budgets, when the issue sets one. */
  budget?: { cpuMs: number; rssMB: number };
}

interface SoakCase {
  name: string;
  html: () => string;
  budget?: SoakFigure['budget'];
  /** Extra arguments, and the exit code that shows the page was read whole (1: the privacy gate caught the ID). */
  args?: string[];
  expectExit?: number;
}

const CASES: SoakCase[] = [
  { name: '100,000 links in one parent', html: () => linkStormPage(100_000), budget: { cpuMs: 10_000, rssMB: 1024 } },
  { name: '150,000 dated rows', html: () => datedRowsPage(150_000), budget: { cpuMs: 10_000, rssMB: 1024 } },
  {
    name: 'nested 10,000 levels deep, ID number at the bottom',
    html: () => deepPage(10_000, `<p>身份证号：${ID}</p>`),
    args: ['--fail-on', 'privacy'],
    expectExit: 1,
  },
  {
    name: '49 MB article, ID number at the end',
    html: () => hugeTextPage(49_000_000, `身份证号：${ID}`),
    args: ['--fail-on', 'privacy'],
    expectExit: 1,
  },
];

export function runSoak(log: (line: string) => void = console.log): SoakFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-soak-'));
  const figures: SoakFigure[] = [];
  try {
    for (const c of CASES) {
      const file = join(dir, 'page.html');
      writeFileSync(file, c.html());
      const bytes = statSync(file).size;
      const run = spawnSync(
        process.execPath,
        [
          resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'),
          resolve(ROOT, 'scripts/soak/run-check.ts'),
          file,
          ...(c.args ?? []),
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const last = run.stdout.trim().split('\n').pop() ?? '';
      let figure: SoakFigure;
      try {
        figure = {
          name: c.name,
          bytes,
          expectExit: c.expectExit ?? 0,
          ...JSON.parse(last),
          ...(c.budget ? { budget: c.budget } : {}),
        };
      } catch {
        figure = {
          name: c.name,
          bytes,
          exit: run.status ?? -1,
          expectExit: c.expectExit ?? 0,
          crash: (run.stderr.trim().split('\n').pop() ?? 'no output').slice(0, 200),
          wallMs: NaN,
          cpuMs: NaN,
          maxRssMB: NaN,
        };
      }
      figures.push(figure);
      log(describe(figure));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

export function overBudget(f: SoakFigure): boolean {
  if (f.crash || f.exit !== f.expectExit) return true;
  return f.budget !== undefined && !(f.cpuMs < f.budget.cpuMs && f.maxRssMB < f.budget.rssMB);
}

export function describe(f: SoakFigure): string {
  const mb = (f.bytes / 1024 / 1024).toFixed(1);
  const figures = `${(f.cpuMs / 1000).toFixed(1)} s CPU (${(f.wallMs / 1000).toFixed(1)} s wall), ${f.maxRssMB.toFixed(0)} MB`;
  const budget = f.budget
    ? `budget < ${f.budget.cpuMs / 1000} s, < ${f.budget.rssMB / 1024} GB`
    : f.expectExit === 1
      ? 'finishes; the ID is found (exit 1 under --fail-on privacy)'
      : 'finishes, exit 0';
  const outcome = f.crash ? `crashed: ${f.crash}` : `exit ${f.exit}`;
  return `${overBudget(f) ? 'OVER' : ' ok '}  gongkai check, ${f.name} (${mb} MB): ${figures}, ${outcome}   ${budget}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = runSoak();
  if (figures.some(overBudget)) process.exitCode = 1;
}
