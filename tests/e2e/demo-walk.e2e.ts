/** `npm start` without a display: the demo walk writes, for every demo column, the panel's JSON and two screenshots. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWalk } from '../../demo-portal/pages';
import { startDemoServer, type DemoServer } from '../../demo-portal/server';
import { walkDemo, type WalkReport } from '../../scripts/lib/demo-walk';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/extension-harness';

let server: DemoServer;
let session: ExtensionSession;
let out: string;
let report: WalkReport;

beforeAll(async () => {
  server = await startDemoServer();
  session = await launchWithExtension();
  out = mkdtempSync(join(tmpdir(), 'gongkai-walk-'));
  report = await walkDemo(session, server.origin, out);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('demo walk', () => {
  it('visits every demo column and reads each page', () => {
    expect(report.steps.map((s) => s.path)).toEqual(demoWalk.map((p) => p.path));
    for (const step of report.steps) expect(step.panel.state, step.path).toBe('ready');
  });

  it('writes a JSON summary and real screenshots of page and panel for each step', () => {
    const summary = JSON.parse(readFileSync(report.summaryFile, 'utf8')) as WalkReport;
    expect(summary.steps).toHaveLength(demoWalk.length);
    for (const step of report.steps) {
      for (const file of [step.pageShot, step.panelShot]) {
        const path = join(out, file);
        expect(existsSync(path), file).toBe(true);
        expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
        expect(statSync(path).size).toBeGreaterThan(5_000);
      }
      expect(JSON.parse(readFileSync(join(out, step.summaryFile), 'utf8')).panel.title).toBe(step.panel.title);
    }
  });

  it('writes a side-by-side index that escapes page text', () => {
    const html = readFileSync(report.indexFile, 'utf8');
    expect(html).toContain(report.steps[0]!.pageShot);
    expect(html).not.toMatch(/<script/i);
  });
});
