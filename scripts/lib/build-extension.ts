/** Builds the extension in `demo` mode (granted the loopback demo portal) with the project's own WXT. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export function buildDemoExtension(options: { quiet?: boolean } = {}): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'demo'], {
    cwd: ROOT,
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
  });
}
