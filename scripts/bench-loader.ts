/**
 * The command line's URL loader against hostile servers on 127.0.0.1 (the soak cases too slow for unit tests): the
 * `gongkai` bin itself, run as a child process, on a server that never answers (must end within --timeout, exit 2,
 * one line), one that drips a byte at a time, and one whose body never ends (must stop at the 50 MB cap with the
 * process's peak memory under 200 MB). Prints one line per case; exit 1 when a budget is exceeded.
 * Time is measured from the moment the server receives the request to the moment the process has ended, so the CLI's
 * start-up (loading TypeScript through tsx: 1–6 s depending on the machine's load) is not counted against `--timeout`;
 * the start-up is printed beside it.
 */
import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = resolve(ROOT, 'scripts/gongkai.mjs');
const REPORT_PEAK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\npeak-rss-kb="+process.resourceUsage().maxRSS+"\\n"))';
const TIMEOUT_SECONDS = 3;
const MEMORY_BUDGET_MB = 200;
/** After the deadline: printing the line and the process's exit. */
const END_GRACE_SECONDS = 1;

interface Run {
  code: number | null;
  stderr: string[];
  /** From the request's arrival at the server to the process's end (NaN when no request came). */
  seconds: number;
  /** From the process's start to the request's arrival: the CLI's start-up. */
  startupSeconds: number;
  peakMb: number;
}

/** When the server received the last request (performance.now()). */
let requestAt = Number.NaN;

function runBin(args: string[]): Promise<Run> {
  const started = performance.now();
  requestAt = Number.NaN;
  const child = spawn(process.execPath, ['--import', REPORT_PEAK, BIN, ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.resume();
  return new Promise((done) =>
    child.on('close', (code) => {
      const peak = /peak-rss-kb=(\d+)/.exec(stderr);
      done({
        code,
        stderr: stderr.split('\n').filter((l) => l.trim() && !l.startsWith('peak-rss-kb=')),
        seconds: (performance.now() - requestAt) / 1000,
        startupSeconds: (requestAt - started) / 1000,
        peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN,
      });
    }),
  );
}

const open = new Set<ServerResponse>();
const server = createServer((req, res) => {
  requestAt = performance.now();
  open.add(res);
  res.on('close', () => open.delete(res));
  if (req.url === '/hang') return;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  if (req.url === '/drip') {
    const t = setInterval(() => res.write('<'), 100);
    res.on('close', () => clearInterval(t));
    return;
  }
  const chunk = Buffer.alloc(256 * 1024, '<p>无尽的正文</p>');
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on('drain', pump);
  pump();
});

async function main(): Promise<void> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const over: string[] = [];
  const report = (name: string, run: Run, ok: boolean, budget: string) => {
    const value = `${run.seconds.toFixed(1)} s, ${run.peakMb.toFixed(0)} MB`;
    console.log(`${ok ? ' ok ' : 'OVER'}  ${name.padEnd(44)} ${value.padStart(16)}   budget ${budget}`);
    console.log(`        start-up before the request ${run.startupSeconds.toFixed(1)} s (not counted)`);
    console.log(`        exit ${run.code}: ${run.stderr.join(' | ')}`);
    if (!ok) over.push(name);
  };
  for (const [name, path] of [
    ['URL that never answers', '/hang'],
    ['URL that drips one byte every 0.1 s', '/drip'],
  ] as const) {
    const run = await runBin(['check', origin + path, '--timeout', String(TIMEOUT_SECONDS)]);
    const ok = run.code === 2 && run.stderr.length === 1 && run.seconds <= TIMEOUT_SECONDS + END_GRACE_SECONDS;
    report(
      `${name} (--timeout ${TIMEOUT_SECONDS})`,
      run,
      ok,
      `exit 2, one line, ≤ ${TIMEOUT_SECONDS} s + ${END_GRACE_SECONDS} s from the request`,
    );
  }
  const endless = await runBin(['check', `${origin}/endless`]);
  report(
    'URL whose body never ends',
    endless,
    endless.code === 2 && endless.stderr.length === 1 && endless.peakMb < MEMORY_BUDGET_MB,
    `exit 2, one line, < ${MEMORY_BUDGET_MB} MB`,
  );
  for (const res of open) res.destroy();
  server.close();
  console.log(over.length ? `Over budget: ${over.join('; ')}` : 'All budgets met.');
  if (over.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
