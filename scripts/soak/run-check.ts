/**
 * One `gongkai check` run measured from inside its own process, for the soak script: exit code, wall time, CPU time
 * (user + system, all threads) and peak memory (max RSS), printed as one JSON line after the command's own output.
 */
import { runCli } from '../../lib/cli/main';

const started = performance.now();
let exit = 0;
let crash: string | null = null;
try {
  exit = await runCli(['check', ...process.argv.slice(2)], {
    out: () => {},
    err: (s) => process.stderr.write(`${s}\n`),
  });
} catch (error) {
  exit = 2;
  crash = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    exit,
    crash,
    wallMs: performance.now() - started,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMB: usage.maxRSS / 1024,
  })}\n`,
);
