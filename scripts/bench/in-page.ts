/**
 * Bundled into the benchmark page: the engine as the extension runs it (the snapshot with its paths put off, every
 * check against the bundled plan, then the paths of what the checks report — the page reader's second answer) and the
 * bare text walk it is compared with, each timed in the page over many repetitions per sample
 * (Chromium's clock has a 0.1 ms resolution; a bare walk of a 10,000-element page takes about half a millisecond).
 */
import { inspectPage } from '../../lib/engine/inspect-page';
import { fillPaths, pendingRefs } from '../../lib/engine/pending-paths';
import { pathsOf } from '../../lib/snapshot/locator';
import { deferredElements, takeSnapshot } from '../../lib/snapshot/take-snapshot';
import { luoyuan2017, templates } from '../../seeds/index';

const templateMap = new Map(templates.map((t) => [t.id, t]));

function snapshotAndCheck(): { results: number; fields: number; items: number } {
  const snapshot = takeSnapshot(document, location.href, { deferPaths: true });
  const report = inspectPage(snapshot, {
    plan: luoyuan2017,
    templates: templateMap,
    now: new Date('2026-11-28T04:00:00Z'),
  });
  const refs = pendingRefs(report);
  fillPaths(report, refs, pathsOf(deferredElements(snapshot)!, refs));
  return { results: report.results.length, fields: snapshot.fields.length, items: snapshot.listItems.length };
}

/**
 * The floor, "the bare text walk": a TreeWalker over the text nodes under `body` (NodeFilter.SHOW_TEXT), reading each
 * node's text (`nodeValue`) and adding up its length — the least any reader of a page's text must do.
 */
function bareTextWalk(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) total += node.nodeValue?.length ?? 0;
  return total;
}

/** Milliseconds per pass of `fn` over `reps` back-to-back passes (one clock reading before, one after). */
function perPass(fn: () => unknown, reps: number): number {
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) sink += fn() ? 1 : 0;
  const ms = (performance.now() - t0) / reps;
  if (sink < 0) throw new Error('unreachable');
  return ms;
}

const timeEngine = (reps: number) => perPass(snapshotAndCheck, reps);
const timeBare = (reps: number) => perPass(bareTextWalk, reps);

(globalThis as Record<string, unknown>).__gongkaiBench = { snapshotAndCheck, bareTextWalk, timeEngine, timeBare };
