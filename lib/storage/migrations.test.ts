/**
 * Upgrades: for each earlier schema version, a database written by that version (through a Dexie that declares only
 * the versions up to it, with real data) is opened with the current GongkaiDb, and everything must have survived and
 * the current API must work on it. One case per version; a new version adds one (see db.ts). The newest case loads
 * the fixture of the current version: today it proves the fixture is sound, once a version is added it upgrades it.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse-plan';
import { createAudit, getActiveAudit } from './audits';
import { coverage } from './coverage';
import { DB_VERSION, GongkaiDb, STORES, type Finding, type StoredPlan } from './db';
import { queryFindings } from './findings-query';
import { getFinding, recordPageReport, setVerdict, snapshotMeta } from './findings';
import { getPin } from './pins';
import { loadActivePlan } from './plans';
import { findingScreenshots } from './screenshots';
import { getSettings } from './settings';
import { readTaskCounts, recountTaskCounts } from './task-counts';
import { saveSiteRecord, siteRecordsOf } from './sites';
import { loadAuditData } from '../export/audit-data';
import { sampleSiteRecord } from '../../tests/helpers/import-testing';
import { NOW, plan, realReport } from '../../tests/helpers/storage-testing';

/** A Dexie that knows only the schema versions 1…`version`, as the extension of that time did. */
function dexieAt(name: string, version: number): Dexie {
  const db = new Dexie(name);
  STORES.slice(0, version).forEach((stores, i) => {
    db.version(i + 1).stores({ ...stores });
  });
  return db;
}

interface MigrationCase {
  from: number;
  /** Writes a database of version `from` with real data. */
  write(old: Dexie): Promise<void>;
  /** Checks the upgraded database. */
  verify(db: GongkaiDb): Promise<void>;
}

function importedPlans(): StoredPlan[] {
  const html = readFileSync(join(import.meta.dirname, '../../demo-portal/site/zwgk/ghjh/1801.html'), 'utf8');
  const parsed = parsePlan(html, { parseHtml: (h) => parseHTML(h).document as unknown as Document, id: 'excerpt' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const record = (
    p: typeof plan,
    at: string,
    origin: StoredPlan['origin'],
    warnings: StoredPlan['warnings'],
  ): StoredPlan => ({
    id: p.id,
    title: p.title,
    region: p.region,
    year: p.year,
    taskCount: p.tasks.length,
    importedAt: at,
    origin,
    plan: p,
    warnings,
  });
  return [
    record(
      parsed.plan,
      '2026-10-01T02:00:00.000Z',
      { kind: 'file', name: 'luoyuan-2017-excerpt.html' },
      parsed.warnings,
    ),
    record(
      { ...plan, id: 'luoyuan-2017-2' },
      '2026-10-02T02:00:00.000Z',
      { kind: 'page', name: 'http://www.luoyuan.gov.cn/zwgk/ghjh/201706/t20170601_1.html' },
      [],
    ),
  ];
}

type Dump = { version: number; tables: Record<string, Array<Record<string, unknown>>> };

function loadDump(version: number): Dump {
  return JSON.parse(readFileSync(join(import.meta.dirname, `fixtures/v${version}.json`), 'utf8')) as Dump;
}

function revive(row: Record<string, unknown>): Record<string, unknown> {
  const blob = row.blob as { type: string; base64: string } | undefined;
  return blob ? { ...row, blob: new Blob([Buffer.from(blob.base64, 'base64')], { type: blob.type }) } : row;
}

/** Writes the fixture database of `version` (every table, Blobs revived) through a Dexie of that version. */
async function writeDump(old: Dexie, version: number): Promise<void> {
  for (const [name, rows] of Object.entries(loadDump(version).tables)) await old.table(name).bulkAdd(rows.map(revive));
}

const CASES: MigrationCase[] = [
  {
    from: 1,
    async write(old) {
      await old.table('plans').bulkAdd(importedPlans());
      await old.table('settings').bulkAdd([
        { key: 'activePlanId', value: 'luoyuan-2017-2' },
        { key: 'inspectorName', value: '林检查' },
        { key: 'somethingOlder', value: { kept: true } },
      ]);
    },
    async verify(db) {
      const plans = await db.plans.orderBy('importedAt').toArray();
      expect(plans).toEqual(importedPlans());
      expect((await loadActivePlan(db)).plan.id).toBe('luoyuan-2017-2');
      expect((await db.settings.get('somethingOlder'))?.value).toEqual({ kept: true });
      expect((await getSettings(db)).inspectorName).toBe('林检查');
      // The new tables are there, empty, and work — including with a plan imported under version 1.
      expect(await db.findings.count()).toBe(0);
      const audit = await createAudit(
        db,
        { name: '升级后的巡检', origin: 'www.luoyuan.gov.cn', planId: 'luoyuan-2017-2' },
        NOW,
      );
      expect(audit.inspector).toBe('林检查');
      const { snapshot, report } = realReport(
        'column-freshness/monthly-stale.html',
        'http://www.luoyuan.gov.cn/zwgk/czsz/index.html',
      );
      const { findings } = await recordPageReport(db, audit.id, report, snapshotMeta(snapshot), audit.inspector, NOW);
      expect(findings.length).toBe(report.results.length);
      const cov = await coverage(db, audit.id, plans[1]!.plan);
      expect(cov.tasks.find((t) => t.no === '2')?.status).toBe('has-failures');
      expect(cov.totals.findings.total + cov.noTask.total).toBe(findings.length);
    },
  },
  {
    from: 2,
    write: (old) => writeDump(old, 2),
    async verify(db) {
      const dump = loadDump(2);
      const audit = (await getActiveAudit(db))!;
      expect(audit.name).toBe('2026年第四季度政务公开巡检');
      expect(await db.findings.count()).toBe(dump.tables.findings!.length);
      expect(await readTaskCounts(db, audit.id)).toEqual(await recountTaskCounts(db, audit.id));
      const judged = (await queryFindings(db, audit.id, { filter: { hasScreenshot: true } })).rows;
      expect(judged).toHaveLength(1);
      const guide = judged[0]!;
      expect(guide).toMatchObject({ templateId: 'service-guide', verdict: 'FAIL', note: '网上支付、物流快递未公开' });
      const [shot] = await findingScreenshots(db, guide);
      expect(new Uint8Array(await shot!.blob.arrayBuffer()).slice(0, 4)).toEqual(Uint8Array.from([137, 80, 78, 71]));
      expect((await getPin(db, 'http://www.luoyuan.gov.cn', '财政收支'))?.taskIds).toEqual(['luoyuan-2017/t2']);
      const settings = await getSettings(db);
      expect(settings).toMatchObject({ inspectorName: '林检查', language: 'zh_CN', activeAuditId: audit.id });
      const cov = await coverage(db, audit.id, plan);
      expect(cov.tasks.find((t) => t.no === '15')?.status).toBe('has-failures');
      // Still writable with the current API.
      const again = (await setVerdict(db, guide.id, 'PASS', '已整改', guide.rev)) as { kind: string; finding: Finding };
      expect(again.kind).toBe('saved');
      expect((await getFinding(db, guide.id))?.history.at(-1)).toMatchObject({
        cause: 'edit',
        edits: { verdict: 'FAIL' },
      });
      // Version 3's table is there, empty (an audit patrolled under version 2 keeps its results as findings), and
      // takes a patrol's record; the export reads it.
      expect(await db.sites.count()).toBe(0);
      expect((await loadAuditData(db, audit.id)).sites).toEqual([]);
      const record = sampleSiteRecord(audit.id, 'http://www.luoyuan.gov.cn', NOW);
      expect(await saveSiteRecord(db, record)).toBe(true);
      expect((await loadAuditData(db, audit.id)).sites).toEqual([record]);
    },
  },
  {
    from: 3,
    write: (old) => writeDump(old, 3),
    async verify(db) {
      const dump = loadDump(3);
      const audit = (await getActiveAudit(db))!;
      expect(await db.findings.count()).toBe(dump.tables.findings!.length);
      const sites = await siteRecordsOf(db, audit.id);
      expect(sites).toEqual(dump.tables.sites);
      expect(sites[0]!.vetoes.find((v) => v.id === 'columns-not-updated')?.triggered).toBe(true);
      expect((await loadAuditData(db, audit.id)).sites).toHaveLength(1);
    },
  },
];

const opened: GongkaiDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('schema upgrades', () => {
  it('has one case per earlier version, up to the current one', () => {
    expect(CASES.map((c) => c.from)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const c of CASES) {
    it(`upgrades a database written by version ${c.from} to version ${DB_VERSION}`, async () => {
      const name = `test-migration-from-${c.from}`;
      const old = dexieAt(name, c.from);
      await old.open();
      await c.write(old);
      old.close();

      const db = new GongkaiDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(DB_VERSION);
      await c.verify(db);
    });
  }
});
