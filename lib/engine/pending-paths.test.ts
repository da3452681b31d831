/**
 * The page reader puts its pieces' paths off and computes only those the checks report. What a user sees must not
 * change: on every real page kept for the engine (tests/real-pages, and ../shared/real-pages when it is there), the
 * report filled by the second answer equals the report of a snapshot located at once — same evidence, same places.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { luoyuan2017, templates } from '../../seeds/index';
import { parseHtmlAt } from '../html/snapshot-from-html';
import { pathsOf } from '../snapshot/locator';
import { PathTables } from '../snapshot/path-tables';
import { deferredElements, takeSnapshot } from '../snapshot/take-snapshot';
import { inspectPage, type PageReport } from './inspect-page';
import { fillPaths, pendingRefs } from './pending-paths';
import { htmlFiles } from '../../scripts/lib/page-labels';

const REPO = resolve(import.meta.dirname, '../..');
const OPTIONS = {
  plan: luoyuan2017,
  templates: new Map(templates.map((t) => [t.id, t])),
  now: new Date('2026-11-28T04:00:00Z'),
};

const PAGES = [...htmlFiles(resolve(REPO, 'tests/real-pages')), ...htmlFiles(resolve(REPO, '../shared/real-pages'))];
const URL_OF = 'http://www.example.gov.cn/zwgk/page.html';

function deferredReport(html: string): { report: PageReport; refs: number[]; pieces: number } {
  const doc = parseHtmlAt(html, URL_OF);
  const snapshot = takeSnapshot(doc, URL_OF, { deferPaths: true });
  const report = inspectPage(snapshot, OPTIONS);
  const refs = pendingRefs(report);
  fillPaths(report, refs, pathsOf(deferredElements(snapshot)!, refs));
  return { report, refs, pieces: deferredElements(snapshot)!.length };
}

describe('paths put off until the checks have reported', () => {
  it('give every real page the same report, evidence and places as paths computed at once', () => {
    expect(PAGES.length).toBeGreaterThan(60);
    let asked = 0;
    let numbered = 0;
    for (const file of PAGES) {
      const html = readFileSync(file, 'utf8');
      const eager = inspectPage(takeSnapshot(parseHtmlAt(html, URL_OF), URL_OF), OPTIONS);
      const { report, refs, pieces } = deferredReport(html);
      expect(JSON.stringify(report), file).toBe(JSON.stringify(eager));
      // Nothing the report points at is left without its path, or with a ref.
      for (const result of report.results)
        for (const locator of [
          ...result.evidence.map((e) => e.locator),
          ...(result.elements ?? []).flatMap((e) => (e.locator ? [e.locator] : [])),
        ]) {
          expect(locator.ref, file).toBeUndefined();
          expect(locator.path, file).not.toBe('');
        }
      asked += refs.length;
      numbered += pieces;
    }
    // The point of it: most pieces of a page are never reported, and are never located.
    expect(asked).toBeLessThan(numbered / 2);
  });

  it('gives an empty path, never another element’s, for a piece the page removed or a table it no longer keeps', () => {
    const doc = parseHtmlAt(
      '<table><tr><td>索引号</td><td>FJ-1</td></tr><tr><td>发布机构</td><td>县财政局</td></tr></table>',
      URL_OF,
    );
    const snapshot = takeSnapshot(doc, URL_OF, { deferPaths: true });
    const [first, second] = snapshot.fields;
    expect(first!.locator.path).toBe('');
    const tables = new PathTables();
    tables.keep(snapshot);
    const table = snapshot.pathTable!;
    deferredElements(snapshot)![first!.locator.ref!]!.remove();
    expect(tables.paths(table, [first!.locator.ref!, second!.locator.ref!])).toEqual([
      '',
      expect.stringContaining('td'),
    ]);
    // Four more snapshots later the first table is forgotten: its refs give nothing rather than the newer pieces.
    for (let i = 0; i < 4; i++) tables.keep(takeSnapshot(doc, URL_OF, { deferPaths: true }));
    expect(tables.paths(table, [second!.locator.ref!])).toEqual(['']);
    expect(tables.paths(999, [0])).toEqual(['']);
  });
});
