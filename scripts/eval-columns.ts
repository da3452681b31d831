/**
 * `npm run eval:columns [-- --plan <id|file>] [--map <task-map.json>] [--tsv <file>] [--quiet]`: measures the
 * column→task matcher on the development set (../shared/dev/columns.tsv, labelled with the 罗源2017 task numbers) and
 * prints top-1 (the first proposal is one of the expected tasks), top-1 strict (it is the first expected), top-3 (one
 * of the first three is expected) among the rows with expected tasks, "no task" right among the negatives, and every
 * miss. With another plan, `--map` gives for each 罗源 task number the task numbers of that plan that govern the same
 * columns (scripts/eval-maps/*.json, written by reading both plans); rows whose tasks have no counterpart are left out
 * and counted.
 * The set measures; nothing in the product reads it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolvePlan } from '../lib/cli/resolve-plan';
import { matchTasks } from '../lib/engine/match-tasks';

const { values } = parseArgs({
  options: {
    plan: { type: 'string' },
    map: { type: 'string' },
    tsv: { type: 'string' },
    quiet: { type: 'boolean' },
  },
});
const ROOT = resolve(import.meta.dirname, '..');
const tsvPath = values.tsv ?? resolve(ROOT, '../shared/dev/columns.tsv');
const plan = await resolvePlan(values.plan);
const map: Record<string, string[]> | null = values.map ? JSON.parse(readFileSync(values.map, 'utf8')) : null;

const rows = readFileSync(tsvPath, 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => {
    const [text = '', expected = ''] = l.split('\t');
    return {
      text,
      expected: expected
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });

/** 罗源 numbers → this plan's numbers (identity for the 罗源 plan itself). */
function translate(ids: string[]): string[] | null {
  if (!map) return ids;
  const out = ids.flatMap((id) => map[id] ?? []);
  return [...new Set(out)];
}

/** A proposal's number as the set writes it: 26, 58a, 59b. */
function label(taskId: string, no: string): string {
  const tail = taskId.split('/').pop() ?? '';
  return /^t\d+[a-z]$/.test(tail) ? tail.slice(1) : no;
}

let pos = 0;
let top1 = 0;
let strict = 0;
let top3 = 0;
let neg = 0;
let negRight = 0;
let skipped = 0;
const misses: string[] = [];
for (const row of rows) {
  const wanted = row.expected.length ? translate(row.expected) : [];
  if (row.expected.length && (!wanted || wanted.length === 0)) {
    skipped++;
    continue;
  }
  const got = matchTasks(plan, row.text).map((m) => label(m.taskId, m.no));
  if (wanted!.length === 0) {
    neg++;
    if (got.length === 0) negRight++;
    else misses.push(`NEG  ${row.text}  → ${got.slice(0, 3).join(',')}`);
    continue;
  }
  pos++;
  const first = got[0];
  if (first && wanted!.includes(first)) top1++;
  if (first && first === wanted![0]) strict++;
  if (got.slice(0, 3).some((g) => wanted!.includes(g))) top3++;
  if (!first || !wanted!.includes(first))
    misses.push(`POS  ${row.text}  → ${got.slice(0, 3).join(',') || '(none)'}   expected ${wanted!.join(',')}`);
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–') + ` % (${a}/${b})`;
console.log(`plan ${plan.id} (${plan.tasks.length} tasks) on ${tsvPath}`);
if (map) console.log(`rows left out (their tasks have no counterpart in this plan): ${skipped}`);
console.log(`top-1          ${pct(top1, pos)}`);
console.log(`top-1 strict   ${pct(strict, pos)}`);
console.log(`top-3          ${pct(top3, pos)}`);
console.log(`no-task right  ${pct(negRight, neg)}`);
if (!values.quiet) {
  console.log(`\nmisses (${misses.length}):`);
  for (const m of misses) console.log('  ' + m);
}
