/**
 * Builds the extension with the project's own WXT in `demo` mode (granted the loopback demo portal and <all_urls> for
 * screenshots) or `restricted` mode (the loopback portal only: for testing what an ungranted site shows).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export function buildDemoExtension(options: { quiet?: boolean; mode?: 'demo' | 'restricted' } = {}): void {
  execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', options.mode ?? 'demo'],
    {
      cwd: ROOT,
      stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
    },
  );
}
