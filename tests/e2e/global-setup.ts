import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findBrowser } from '../../scripts/lib/find-browser';

export default function setup(): void {
  findBrowser({ install: true });
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'demo'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
