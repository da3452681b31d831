/**
 * `npm run eval:pages`: how often the engine agrees with an inspector on real pages — element status, column (name and
 * breadcrumb) and page kind — overall and per site family, for our corpus (tests/real-pages) and the shared pages
 * (../shared/real-pages, read in place), then every miss. `--json` prints the figures as JSON.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { luoyuan2017, templates as bundled } from '../seeds/index';
import { inspectFile, readLabels, scorePage, type PageScore } from './lib/page-labels';

const REPO = resolve(import.meta.dirname, '..');
const NOW = new Date('2026-11-28T04:00:00Z');
const TEMPLATES = new Map(bundled.map((t) => [t.id, t]));

interface Tally {
  elements: [number, number];
  column: [number, number];
  kind: [number, number];
  pages: number;
}

function tally(scores: readonly PageScore[]): Tally {
  const t: Tally = { elements: [0, 0], column: [0, 0], kind: [0, 0], pages: scores.length };
  for (const s of scores) {
    t.elements[0] += s.elements.right;
    t.elements[1] += s.elements.total;
    t.column[0] += s.column.right;
    t.column[1] += s.column.total;
    t.kind[0] += s.kind.right;
    t.kind[1] += s.kind.total;
  }
  return t;
}

function pct([right, total]: [number, number]): string {
  return total === 0 ? '   —  ' : `${((100 * right) / total).toFixed(1).padStart(5)}% (${right}/${total})`;
}

function line(name: string, t: Tally): string {
  return `${name.padEnd(22)} pages ${String(t.pages).padStart(3)}  element ${pct(t.elements).padEnd(18)} column ${pct(t.column).padEnd(16)} kind ${pct(t.kind)}`;
}

function evaluate(dir: string): PageScore[] {
  return readLabels(dir).map((label) => {
    const { snapshot, report } = inspectFile(dir, label.file, luoyuan2017, TEMPLATES, NOW);
    return scorePage(label, snapshot, report, TEMPLATES);
  });
}

const sets: Array<[string, string]> = [['tests/real-pages', resolve(REPO, 'tests/real-pages')]];
const shared = resolve(REPO, '../shared/real-pages');
if (existsSync(resolve(shared, 'labels.json'))) sets.push(['../shared/real-pages', shared]);

const output: Record<string, unknown> = {};
for (const [name, dir] of sets) {
  const scores = evaluate(dir);
  const families = [...new Set(scores.map((s) => s.family))].sort();
  output[name] = {
    all: tally(scores),
    families: Object.fromEntries(families.map((f) => [f, tally(scores.filter((s) => s.family === f))])),
    misses: scores.flatMap((s) => s.misses),
  };
  if (process.argv.includes('--json')) continue;
  console.log(`\n== ${name}`);
  console.log(line('all', tally(scores)));
  for (const f of families) console.log(line(`  ${f}`, tally(scores.filter((s) => s.family === f))));
  const misses = scores.flatMap((s) => s.misses);
  if (misses.length > 0) console.log(`misses (${misses.length}):`);
  for (const m of misses) console.log(`  ${m.file}  ${m.what}: expected ${m.expected}, got ${m.got}`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(output, null, 1));
