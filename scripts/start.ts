/**
 * `npm start`: builds the extension, serves the bundled demo portal on 127.0.0.1 and
 * - with a display: opens Chromium with the extension loaded on the demo portal's home page;
 * - without one (no DISPLAY): walks the demo portal headless and writes what the panel shows under out/demo-walk/.
 */
import { resolve } from 'node:path';
import { startDemoServer } from '../demo-portal/server';
import { buildDemoExtension } from './lib/build-extension';
import { walkDemo } from './lib/demo-walk';
import { launchWithExtension } from './lib/extension-harness';
import { findBrowser } from './lib/find-browser';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--walk');

async function main(): Promise<void> {
  findBrowser({ install: true });
  console.log('构建扩展 Building the extension…');
  buildDemoExtension({ quiet: true });
  const server = await startDemoServer({ port: headed ? 8730 : 0 });
  console.log(`演示门户 Demo portal: ${server.origin}/`);

  if (headed) {
    const session = await launchWithExtension({ headless: false, viewport: null });
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(`${server.origin}/`);
    console.log('已打开 Chromium。点击工具栏中的扩展图标（政务公开巡检助手）打开侧边栏；关闭浏览器即退出。');
    console.log(
      'Chromium is open. Click the extension icon (Gongkai Inspector) to open the side panel; close the browser to quit.',
    );
    await new Promise<void>((done) => session.context.on('close', () => done()));
    await server.close();
    return;
  }

  const session = await launchWithExtension();
  try {
    const report = await walkDemo(session, server.origin, resolve(import.meta.dirname, '../out/demo-walk'));
    console.log(
      '  页面 page                          栏目 column        任务 tasks   不合格/需复核/通过 fail/review/pass',
    );
    for (const step of report.steps) {
      const count = (status: string) => step.panel.results.filter((r) => r.status === status).length;
      const tasks = step.panel.tasks.length > 0 ? step.panel.tasks.join(',') : '—';
      console.log(
        `  ${step.path.padEnd(34)} ${(step.panel.column ?? '—').padEnd(7, '　')} ${tasks.padEnd(11)} ${count('fail')}/${count('needs-review')}/${count('pass')}`,
      );
    }
    console.log(`\n已巡检 ${report.steps.length} 个演示页面 Walked ${report.steps.length} demo pages.`);
    console.log(`结果 Results: ${report.summaryFile}`);
    console.log(`截图对照 Side-by-side view: ${report.indexFile}`);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
