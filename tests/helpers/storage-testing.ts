/**
 * Helpers for the storage tests (never imported by the extension): a fresh database per test and real page reports
 * (a fixture page through the real snapshot and engine); the synthetic data of synthetic.ts is re-exported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotFromHtml } from '../../lib/html/snapshot-from-html';
import { inspectPage, type PageReport } from '../../lib/engine/inspect-page';
import type { PageSnapshot } from '../../lib/snapshot/types';
import { luoyuan2017, templates } from '../../seeds/index';
import { GongkaiDb } from '../../lib/storage/db';
import { NOW } from './synthetic';

let counter = 0;

/** A new, empty, open database with a unique name; `dispose()` closes and deletes it. */
export async function freshDb(label: string): Promise<GongkaiDb & { dispose(): Promise<void> }> {
  const db = new GongkaiDb(`test-${label}-${counter++}-${Math.random().toString(36).slice(2, 8)}`) as GongkaiDb & {
    dispose(): Promise<void>;
  };
  db.dispose = async () => {
    db.close();
    await db.delete();
  };
  await db.open();
  return db;
}

export const plan = luoyuan2017;
export const templateMap = new Map(templates.map((t) => [t.id, t]));

/** A fixture page of lib/checks/fixtures, snapshotted and inspected with the bundled plan. */
export function realReport(fixture: string, url: string, now = NOW): { snapshot: PageSnapshot; report: PageReport } {
  const html = readFileSync(join(import.meta.dirname, '../../lib/checks/fixtures', fixture), 'utf8');
  const snapshot = snapshotFromHtml(html, url);
  return { snapshot, report: inspectPage(snapshot, { plan: luoyuan2017, templates: templateMap, now }) };
}

export { NOW, meta, result, seeded, syntheticPages, syntheticReport, type SyntheticResult } from './synthetic';
