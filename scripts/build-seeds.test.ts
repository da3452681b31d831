/** seeds/<plan>/plan.json must be what `npm run seeds` would write now: fails when the file is stale. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSeed, SEEDS } from './build-seeds';

describe('build-seeds', () => {
  it.each(SEEDS.map((s) => [s.dir, s] as const))(
    'seeds/%s/plan.json is up to date (run `npm run seeds`)',
    (_dir, seed) => {
      const built = buildSeed(seed);
      const current = readFileSync(built.path, 'utf8');
      expect(current === built.json, `seeds/${seed.dir}/plan.json is stale: run \`npm run seeds\``).toBe(true);
    },
  );
});
