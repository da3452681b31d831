/**
 * The demo walk: the product's main job run headless on the bundled demo portal. For every demo column it opens the
 * page, opens the side panel page for that tab, and writes what the panel shows — a JSON summary and PNG screenshots
 * of the page and of the panel — plus an index.html that shows each pair side by side.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPages } from '../../demo-portal/pages';
import { escapeHtml } from '../../lib/text/escape-html';
import { openPanelFor, readPanel, type ExtensionSession, type PanelSummary } from './extension-harness';

export interface WalkStep {
  path: string;
  column: string;
  url: string;
  summaryFile: string;
  pageShot: string;
  panelShot: string;
  panel: PanelSummary;
}

export interface WalkReport {
  origin: string;
  createdAt: string;
  steps: WalkStep[];
  indexFile: string;
  summaryFile: string;
}

function slug(index: number, path: string): string {
  const name = path
    .replace(/^\/|\/$/g, '')
    .replace(/index\.html$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${String(index + 1).padStart(2, '0')}-${name || 'home'}`;
}

export async function walkDemo(session: ExtensionSession, origin: string, outDir: string): Promise<WalkReport> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const steps: WalkStep[] = [];
  const pages = demoPages.filter((p) => p.walk);
  for (const [i, demo] of pages.entries()) {
    const name = slug(i, demo.path);
    const page = await session.context.newPage();
    await page.goto(origin + demo.path, { waitUntil: 'load' });
    const panel = await openPanelFor(session, page);
    const summary = await readPanel(panel);
    const step: WalkStep = {
      path: demo.path,
      column: demo.column,
      url: page.url(),
      summaryFile: `${name}.json`,
      pageShot: `${name}.page.png`,
      panelShot: `${name}.panel.png`,
      panel: summary,
    };
    await page.screenshot({ path: join(outDir, step.pageShot) });
    await panel.screenshot({ path: join(outDir, step.panelShot), fullPage: true });
    writeFileSync(join(outDir, step.summaryFile), `${JSON.stringify(step, null, 2)}\n`);
    steps.push(step);
    await panel.close();
    await page.close();
  }
  const report: WalkReport = {
    origin,
    createdAt: new Date().toISOString(),
    steps,
    indexFile: join(outDir, 'index.html'),
    summaryFile: join(outDir, 'summary.json'),
  };
  writeFileSync(report.summaryFile, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(report.indexFile, renderIndex(report));
  return report;
}

function renderIndex(report: WalkReport): string {
  const rows = report.steps
    .map(
      (s) => `<section><h2>${escapeHtml(s.column)} <small>${escapeHtml(s.path)}</small></h2>
<div class="pair"><img src="${escapeHtml(s.pageShot)}" alt="page" class="page"><img src="${escapeHtml(s.panelShot)}" alt="panel" class="panel"></div>
<details><summary>JSON</summary><pre>${escapeHtml(JSON.stringify(s.panel, null, 2))}</pre></details></section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>政务公开巡检助手 · 演示巡检</title>
<style>body{font:14px/1.5 sans-serif;margin:16px}.pair{display:flex;gap:12px;align-items:flex-start}.page{width:70%;border:1px solid #ccc}.panel{width:28%;border:1px solid #ccc}pre{white-space:pre-wrap}</style>
<h1>演示巡检 Demo walk — ${escapeHtml(report.origin)}</h1><p>${escapeHtml(report.createdAt)}</p>
${rows}
</html>
`;
}
