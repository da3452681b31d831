/**
 * The layers of README's Architecture are enforced by the linter (biome.jsonc, noRestrictedImports): an import that
 * crosses a layer fails `npm run lint`, and so `npm test`. Each case lints a probe file written inside a layer's folder (the content script: a line added, then restored).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const BIOME = resolve(REPO, 'node_modules/.bin/biome');

/** Lints `source` as if it were a file in `path`'s folder (a probe file written there and removed after). */
function lint(path: string, source: string): { ok: boolean; output: string } {
  const probe = path.endsWith('content.ts') ? path : join(dirname(path), `zz-layering-probe-${process.pid}.ts`);
  const file = resolve(REPO, probe);
  const original = path.endsWith('content.ts') ? readFileSync(file, 'utf8') : null;
  try {
    writeFileSync(file, original === null ? source : `${source}${original}`);
    const run = spawnSync(BIOME, ['lint', probe], { cwd: REPO, encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    if (original === null) rmSync(file, { force: true });
    else writeFileSync(file, original);
  }
}

describe('layering rules', () => {
  it.each([
    ['lib/text/probe.ts', "import { planSchema } from '../plan/model';\n", 'lib/text imports nothing else'],
    ['lib/page/probe.ts', "import { inspectPage } from '../engine/inspect-page';\n", 'lib/page imports only text'],
    ['lib/snapshot/probe.ts', "import { matchTasks } from '../engine/match-tasks';\n", 'lib/snapshot imports only'],
    ['lib/plan/probe.ts', "import { takeSnapshot } from '../snapshot/take-snapshot';\n", 'lib/plan imports only'],
    ['lib/engine/probe.ts', "import { PanelApp } from '../../components/PanelApp';\n", 'never imports UI'],
    ['lib/storage/probe.ts', "import { loadPage } from '../cli/load-page';\n", 'only the command line'],
    ['entrypoints/content.ts', "import { inspectPage } from '@/lib/engine/inspect-page';\n", 'content script'],
    ['components/probe.ts', "import { database } from '@/lib/storage/db';\n", 'Components never open the database'],
    ['components/options/probe.ts', "import { liveQuery } from 'dexie';\n", 'never Dexie directly'],
  ])('%s: a forbidden import fails the lint', (path, source, message) => {
    const result = lint(path, source);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(message);
  });

  it('allowed imports pass', () => {
    expect(lint('lib/snapshot/probe.ts', "import { normalizeLabel } from '../text/normalize';\n").ok).toBe(true);
    expect(lint('lib/plan/probe.ts', "import { templates } from '../../seeds/index';\n").ok).toBe(true);
    expect(lint('lib/cli/probe.ts', "import { inspectPage } from '../engine/inspect-page';\n").ok).toBe(true);
    expect(lint('components/probe.ts', "import type { Finding } from '@/lib/storage/types';\n").ok).toBe(true);
  });
});
