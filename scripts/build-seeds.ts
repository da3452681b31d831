/**
 * `npm run seeds`: regenerates each bundled plan (seeds/<plan>/plan.json) from its source text and reviewed
 * overrides with the project's own parser. `--check` writes nothing and exits 1 when a plan.json is stale or missing
 * (scripts/build-seeds.test.ts runs the same comparison under vitest).
 *
 * Decides: which seeds exist and how plan.json is serialised (2-space JSON, trailing newline).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PlanWarning } from '../lib/plan/errors';
import { loadOverrides } from '../lib/plan/overrides';
import { parsePlan } from '../lib/plan/parse-plan';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled plans: folder under seeds/ and plan id. */
export const SEEDS = [{ dir: 'luoyuan-2017', id: 'luoyuan-2017' }] as const;

export interface BuiltSeed {
  dir: string;
  path: string;
  json: string;
  warnings: PlanWarning[];
}

export function buildSeed(seed: (typeof SEEDS)[number], root = ROOT): BuiltSeed {
  const folder = resolve(root, 'seeds', seed.dir);
  const source = readFileSync(resolve(folder, 'source.txt'), 'utf8');
  const overrides = loadOverrides(JSON.parse(readFileSync(resolve(folder, 'overrides.json'), 'utf8')));
  const result = parsePlan(source, { kind: 'text', id: seed.id, overrides });
  if (!result.ok) throw new Error(`seeds/${seed.dir}: ${result.error.message} / ${result.error.messageZh}`);
  return {
    dir: seed.dir,
    path: resolve(folder, 'plan.json'),
    json: `${JSON.stringify(result.plan, null, 2)}\n`,
    warnings: result.warnings,
  };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  let stale = 0;
  for (const seed of SEEDS) {
    const built = buildSeed(seed);
    for (const w of built.warnings) console.log(`  warning (${seed.dir}): ${w.message}`);
    const current = readOrEmpty(built.path);
    if (current === built.json) {
      console.log(`seeds/${seed.dir}/plan.json is up to date`);
      continue;
    }
    if (check) {
      console.error(`seeds/${seed.dir}/plan.json is stale: run \`npm run seeds\``);
      stale++;
    } else {
      writeFileSync(built.path, built.json);
      console.log(`wrote seeds/${seed.dir}/plan.json`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
