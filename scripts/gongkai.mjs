#!/usr/bin/env node
// The `gongkai` command: runs the TypeScript engine through tsx (no build step), see lib/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../lib/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
});
process.exitCode = code;
