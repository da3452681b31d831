/**
 * Helpers for the storage tests (never imported by the extension): a fresh database per test and real page reports
 * (a fixture page through the real snapshot and engine); the synthetic data of synthetic.ts is re-exported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { snapshotFromHtml } from '../../lib/html/snapshot-from-html';
import { inspectPage, type PageReport } from '../../lib/engine/inspect-page';
import type { PageSnapshot } from '../../lib/snapshot/types';
import { luoyuan2017, templates } from '../../seeds/index';
import { createAudit } from '../../lib/storage/audits';
import { GongkaiDb, type Audit } from '../../lib/storage/db';
import { recordPageReport, type RecordedPage } from '../../lib/storage/findings';
import { NOW, meta, syntheticReport, type SyntheticResult } from './synthetic';

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

export type TestDb = Awaited<ReturnType<typeof freshDb>>;

/** A fresh database for each test of the file (or describe block) that calls it, handed to `take` before the test
 * and disposed of after it. */
export function withFreshDb(label: string, take: (db: TestDb) => void): void {
  let db: TestDb | null = null;
  beforeEach(async () => {
    db = await freshDb(label);
    take(db);
  });
  afterEach(async () => {
    await db?.dispose();
    db = null;
  });
}

/** The audit most storage tests record into: 巡检 of www.luoyuan.gov.cn against the bundled plan, created at NOW. */
export function newTestAudit(db: GongkaiDb, now = NOW): Promise<Audit> {
  return createAudit(db, { name: '巡检', origin: 'www.luoyuan.gov.cn', planId: 'luoyuan-2017' }, now);
}

/** As `withFreshDb`, with that audit in it. */
export function withFreshAudit(label: string, take: (fresh: { db: TestDb; audit: Audit }) => void): void {
  let db: TestDb;
  withFreshDb(label, (fresh) => {
    db = fresh;
  });
  beforeEach(async () => take({ db, audit: await newTestAudit(db) }));
}

/** Records a synthetic page report (synthetic.ts) with snapshot meta `hash`, by `inspector` at `now`. */
export function recordSynthetic(
  db: GongkaiDb,
  auditId: string,
  url: string,
  taskIds: string[],
  results: SyntheticResult[],
  { hash = 'h1', inspector = '林检查', now = NOW }: { hash?: string; inspector?: string; now?: Date } = {},
): Promise<RecordedPage> {
  return recordPageReport(db, auditId, syntheticReport(url, taskIds, results), meta(hash), inspector, now);
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
