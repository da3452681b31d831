/** The panel's first render at volume, in headless Chromium: the findings list and the coverage view of an audit with N findings. */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { withScriptPage } from '../lib/headless-page';

export interface PanelFigures {
  findings: number;
  listFirstMs: number;
  listMedianMs: number;
  coverageMedianMs: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchPanel(findings = 10_000): Promise<PanelFigures> {
  const root = resolve(import.meta.dirname, '../..');
  const bundle = await build({
    entryPoints: [resolve(root, 'scripts/bench/panel-render.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': root },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  return withScriptPage(script, async (page) => {
    await page.waitForFunction('typeof globalThis.__panelBench === "object"');
    const auditId = (await page.evaluate(`__panelBench.seed(${findings})`)) as string;
    const list: number[] = [];
    const cov: number[] = [];
    for (let i = 0; i < 7; i++) {
      list.push((await page.evaluate(`__panelBench.time('list', ${JSON.stringify(auditId)})`)) as number);
      cov.push((await page.evaluate(`__panelBench.time('coverage', ${JSON.stringify(auditId)})`)) as number);
    }
    return { findings, listFirstMs: list[0]!, listMedianMs: median(list), coverageMedianMs: median(cov) };
  });
}
