/**
 * Bundled into the benchmark page: the engine as the extension runs it (snapshot, then every check against the
 * bundled plan) and the bare text pass it is compared with.
 */
import { inspectPage } from '../../lib/engine/inspect-page';
import { takeSnapshot } from '../../lib/snapshot/take-snapshot';
import { luoyuan2017, templates } from '../../seeds/index';

const templateMap = new Map(templates.map((t) => [t.id, t]));

function snapshotAndCheck(): { results: number; fields: number; items: number } {
  const snapshot = takeSnapshot(document, location.href);
  const report = inspectPage(snapshot, {
    plan: luoyuan2017,
    templates: templateMap,
    now: new Date('2026-11-28T04:00:00Z'),
  });
  return { results: report.results.length, fields: snapshot.fields.length, items: snapshot.listItems.length };
}

/** The floor: visit every text node once and add up its length. */
function bareTextPass(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) total += node.nodeValue?.length ?? 0;
  return total;
}

(globalThis as Record<string, unknown>).__gongkaiBench = { snapshotAndCheck, bareTextPass };
