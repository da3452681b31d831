/**
 * `npm run eval:columns [-- --plan <id|file>] [--map <task-map.json>] [--tsv <file>] [--quiet]`: measures the
 * column→task matcher on the development set (../shared/dev/columns.tsv, labelled with the 罗源2017 task numbers) and,
 * apart from it, on the real column names of portals the lexicon was not built from (tests/real-columns/columns.tsv,
 * labelled the same way before the matcher ran on them) and on the breadcrumbs of the real-page corpus
 * (tests/real-columns/real-page-breadcrumbs.tsv, labelled after the lexicon's last fixes) and on the columns of seven
 * more county portals (tests/real-columns/county-portals.tsv, labelled before the matcher ran) and on the columns of eleven
 * more county, district and city portals (tests/real-columns/more-portals.tsv, labelled before the matcher ran) and on
 * four more portals (tests/real-columns/after-fix-portals.tsv, labelled after that set's fixes) and on the columns of
 * five city portals, a district, two city education bureaus and nine county fiscal columns
 * (tests/real-columns/city-and-bureau-portals.tsv, labelled before the matcher ran) and on two more city bureaus and a
 * district (tests/real-columns/after-fix-bureaus.tsv, labelled after that set's fixes); `--tsv` measures one file
 * instead. For each set it
 * prints top-1 (the first proposal is one of the expected tasks), top-1 strict (it is the first expected), top-3 (one
 * of the first three is expected) among the rows with expected tasks, "no task" right among the negatives, and every
 * miss. With another plan, `--map` gives for each 罗源 task number the task numbers of that plan that govern the same
 * columns (scripts/eval-maps/*.json, written by reading both plans); a row is measured on the counterpart of its first
 * (narrowest) task, rows without one are left out and counted, and rows the other plan governs though 罗源 does not are
 * relabelled there. Answers the matcher marks tentative (no task names the kind of column, only requirements mention it;
 * the panel and CLI say so) are counted apart, and so are the no-task rows that got only such an answer.
 * The set measures; nothing in the product reads it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolvePlan } from '../lib/cli/resolve-plan';
import { locationFromText } from '../lib/engine/column';
import { matchLocation } from '../lib/engine/match-tasks';

const { values } = parseArgs({
  options: {
    plan: { type: 'string' },
    map: { type: 'string' },
    tsv: { type: 'string' },
    quiet: { type: 'boolean' },
  },
});
const ROOT = resolve(import.meta.dirname, '..');
const sets: { name: string; path: string }[] = values.tsv
  ? [{ name: values.tsv, path: values.tsv }]
  : [
      { name: 'development set', path: resolve(ROOT, '../shared/dev/columns.tsv') },
      { name: 'real columns of other portals', path: resolve(ROOT, 'tests/real-columns/columns.tsv') },
      {
        name: 'breadcrumbs of the real-page corpus (labelled after the fixes)',
        path: resolve(ROOT, 'tests/real-columns/real-page-breadcrumbs.tsv'),
      },
      {
        name: 'county portals (labelled before the matcher ran on them)',
        path: resolve(ROOT, 'tests/real-columns/county-portals.tsv'),
      },
      {
        name: 'eleven more portals (labelled before the matcher ran on them)',
        path: resolve(ROOT, 'tests/real-columns/more-portals.tsv'),
      },
      {
        name: 'four more portals (labelled after the fixes, before the matcher ran on them)',
        path: resolve(ROOT, 'tests/real-columns/after-fix-portals.tsv'),
      },
      {
        name: 'city portals, a district, two city bureaus, nine county fiscal columns (labelled before the matcher ran on them)',
        path: resolve(ROOT, 'tests/real-columns/city-and-bureau-portals.tsv'),
      },
      {
        name: 'two city bureaus and a district (labelled after the sixth set’s fixes, before the matcher ran on them)',
        path: resolve(ROOT, 'tests/real-columns/after-fix-bureaus.tsv'),
      },
    ];
interface PlanMap {
  /** The plan file, relative to the map file (used when --plan is not given). */
  plan?: string;
  /** 罗源 task number → this plan's task numbers. */
  map: Record<string, string[]>;
  /** Rows (exact text) labelled afresh for this plan: negatives for 罗源 that a task of this plan governs. */
  relabel?: Record<string, string[]>;
  /** The same for every row whose text contains the key. */
  relabelContaining?: Record<string, string[]>;
}
const mapFile: PlanMap | null = values.map ? JSON.parse(readFileSync(values.map, 'utf8')) : null;
const plan = await resolvePlan(
  values.plan ?? (mapFile?.plan && values.map ? resolve(dirname(values.map), mapFile.plan) : undefined),
);
const map = mapFile?.map ?? null;

function evaluate(name: string, tsvPath: string): void {
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

  /**
   * 罗源 numbers → this plan's numbers (identity for the 罗源 plan itself). For another plan only the row's first,
   * narrowest task is translated: 回应关切 (57,55) is not a policy-interpretation column because 55 also asks for responses.
   */
  function translate(ids: string[]): string[] | null {
    if (!map) return ids;
    return map[ids[0]!] ?? [];
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
  let tentative = 0;
  let negTentative = 0;
  let rightTentative = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const relabelled =
      mapFile?.relabel?.[row.text] ??
      Object.entries(mapFile?.relabelContaining ?? {}).find(([k]) => row.text.includes(k))?.[1];
    if (relabelled) row.expected = ['relabelled'];
    const wanted = relabelled ?? (row.expected.length ? translate(row.expected) : []);
    if (row.expected.length && (!wanted || wanted.length === 0)) {
      skipped++;
      continue;
    }
    const match = matchLocation(plan, locationFromText(row.text));
    const got = match.tasks.map((m) => label(m.taskId, m.no));
    const mark = match.tentative ? '  (tentative)' : '';
    if (match.tentative) tentative++;
    if (wanted!.length === 0) {
      neg++;
      if (got.length === 0) negRight++;
      else {
        if (match.tentative) negTentative++;
        misses.push(`NEG  ${row.text}  → ${got.slice(0, 3).join(',')}${mark}`);
      }
      continue;
    }
    pos++;
    const first = got[0];
    if (first && wanted!.includes(first)) {
      top1++;
      if (match.tentative) rightTentative++;
    }
    if (first && first === wanted![0]) strict++;
    if (got.slice(0, 3).some((g) => wanted!.includes(g))) top3++;
    if (!first || !wanted!.includes(first))
      misses.push(
        `POS  ${row.text}  → ${got.slice(0, 3).join(',') || '(none)'}   expected ${wanted!.join(',')}${mark}`,
      );
  }
  const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '–'} % (${a}/${b})`;
  console.log(`\n== ${name}: plan ${plan.id} (${plan.tasks.length} tasks) on ${tsvPath}`);
  if (map) console.log(`rows left out (their tasks have no counterpart in this plan): ${skipped}`);
  console.log(`top-1          ${pct(top1, pos)}`);
  console.log(`top-1 strict   ${pct(strict, pos)}`);
  console.log(`top-3          ${pct(top3, pos)}`);
  console.log(`no-task right  ${pct(negRight, neg)}`);
  console.log(
    `tentative      ${tentative} answers said to rest only on requirements: ${rightTentative} right top-1, ` +
      `${negTentative} on no-task rows (no-task right counting those as said: ${pct(negRight + negTentative, neg)})`,
  );
  if (!values.quiet) {
    console.log(`\nmisses (${misses.length}):`);
    for (const m of misses) console.log(`  ${m}`);
  }
}

for (const set of sets) evaluate(set.name, set.path);
