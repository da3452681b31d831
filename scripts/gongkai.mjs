#!/usr/bin/env node
// The `gongkai` command: runs the TypeScript engine through tsx (no build step), see lib/cli/main.ts.
// Exit 1 means "a page failed the gate" only: anything unexpected ends in one line and exit 2, never a stack trace
// with exit 1 (a crash must not look like a gate failure). GONGKAI_DEBUG=1 prints the stack too.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`gongkai plan x | head`) closes the pipe: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
try {
  const { runCli } = await import('../lib/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
} catch (error) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`gongkai: unexpected error: ${text.split('\n')[0]}\n`);
  if (process.env.GONGKAI_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}
