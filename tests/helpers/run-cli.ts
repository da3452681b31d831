/**
 * The command line run in-process by the tests, its output captured: the exit code, what it printed on stdout and on
 * stderr (lines joined), as `gongkai` would show them. The clock is fixed when `now` is given (--now still wins).
 */
import { runCli } from '../../lib/cli/main';

export interface CliRun {
  code: number;
  /** stdout, one line per call, joined with \n. */
  out: string;
  /** The same, as the lines the command printed. */
  lines: string[];
  err: string;
}

export async function runCliCaptured(
  argv: string[],
  options: { now?: Date; fetcher?: typeof fetch } = {},
): Promise<CliRun> {
  const lines: string[] = [];
  const err: string[] = [];
  const { now, fetcher } = options;
  const code = await runCli(argv, {
    out: (s) => lines.push(s),
    err: (s) => err.push(s),
    ...(now ? { now: () => now } : {}),
    ...(fetcher ? { fetcher } : {}),
  });
  return { code, out: lines.join('\n'), lines, err: err.join('\n') };
}
