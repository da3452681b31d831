/**
 * CLI: serve the demo portal.
 *
 *   tsx demo-portal/serve.ts [--port 8080] [--now 2026-11-28T12:00:00+08:00] [--site patrol]
 *
 * --port 0 picks a free port. --now pins the date tokens (useful for reproducible screenshots);
 * without it, dates are computed from the clock at each request.
 */
import { startDemoServer } from './server.ts';

function argValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === name) return args[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: tsx demo-portal/serve.ts [--port 8080] [--now <ISO date>] [--site patrol]');
    return;
  }
  const portArg = argValue(args, '--port') ?? process.env.DEMO_PORT ?? '8080';
  const port = Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port: ${portArg}`);
    process.exitCode = 2;
    return;
  }
  const nowArg = argValue(args, '--now');
  const now = nowArg === undefined ? undefined : new Date(nowArg);
  if (now && Number.isNaN(now.getTime())) {
    console.error(`invalid --now: ${nowArg}`);
    process.exitCode = 2;
    return;
  }

  const site = argValue(args, '--site') === 'patrol' ? 'patrol' : 'portal';
  const server = await startDemoServer(now ? { port, now, site } : { port, site });
  console.log(`${site === 'patrol' ? '巡检演示站 patrol demo' : '中国罗源湾 demo portal'}: ${server.origin}/`);
  if (now) console.log(`date tokens pinned to ${now.toISOString()}`);
  console.log('Press Ctrl+C to stop.');

  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
