/**
 * The benchmark's in-page code (scripts/bench/in-page.ts: the engine as the extension runs it, and the bare text walk)
 * bundled for one page, from a checkout's root — this one, or another being compared (compare.ts).
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

export async function inPageBundle(root: string): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(root, 'scripts/bench/in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]!.text;
}
