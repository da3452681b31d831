/** Importing a colleague's audit file of a site we audit too (merge into our audit, ask when unsure, keep both
 * inspectors' names), and a file that reuses another audit's ids (never moved: renumbered, said in the preview). */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadAuditData } from '../export/audit-data';
import { auditFileJson, parseAuditFile, toAuditFile, type AuditFile } from '../export/audit-file';
import { auditZip, readAuditBytes } from '../export/zip';
import { createAudit } from '../storage/audits';
import type { Audit, Finding } from '../storage/db';
import { recordPageReport } from '../storage/findings';
import { readTaskCounts, recountTaskCounts } from '../storage/task-counts';
import { type TestDb, meta, syntheticReport } from '../../tests/helpers/storage-testing';
import { applyImport, previewImport } from './merge';
import { NEW_AUDIT, inspectorUnion } from './rekey';
import { siteRecordId } from '../storage/ids';
import { saveSiteRecord, siteRecordsOf } from '../storage/sites';
import { URL_A, at, dumpDb, sampleSiteRecord, withTheirsAndOurs } from '../../tests/helpers/import-testing';

type Db = TestDb;
let ours: Db;
let theirs: Db;
let their: Audit; // inspector 林
withTheirsAndOurs('rekey', (fresh) => ({ theirs, ours, audit: their } = fresh));

async function fileOf(db: Db, auditId: string): Promise<AuditFile> {
  const parsed = parseAuditFile(auditFileJson(toAuditFile(await loadAuditData(db, auditId), { exportedAt: at(100) })));
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.file;
}

async function countsRight(db: Db, auditId: string) {
  const stored = (await readTaskCounts(db, auditId)).sort((a, b) => a.taskKey.localeCompare(b.taskKey));
  expect(stored).toEqual(await recountTaskCounts(db, auditId));
}

/** Our own audit of the same site and plan, with the same page checked by 王 (two of their checks, one of ours). */
async function ourAudit(db: Db, name = '罗源县巡检（王）', planId = 'luoyuan-2017'): Promise<Audit> {
  const audit = await createAudit(db, { name, origin: 'www.luoyuan.gov.cn', planId }, at(30));
  await recordPageReport(
    db,
    audit.id,
    syntheticReport(
      URL_A,
      ['luoyuan-2017/t2'],
      [
        { checkId: 'column-freshness', status: 'fail', args: ['财政收支'], evidence: ['2017-06-01 财政预算'] },
        { checkId: 'periodic-coverage', status: 'pass' },
        { checkId: 'privacy-leaks', status: 'pass' },
      ],
    ),
    meta('h1'),
    '王',
    at(31),
  );
  return (await db.audits.get(audit.id))!;
}

/** A finding's identity within its audit, whatever its id. */
const naturalKey = (f: Finding) => [f.url, f.kind, f.checkId, f.templateId ?? '', f.itemId ?? '', f.note].join('|');

describe('a colleague’s file of a site we audit', () => {
  it('merges into our audit of the same site and plan: one audit, every finding once, both names kept', async () => {
    const mine = await ourAudit(ours);
    const file = await fileOf(theirs, their.id);
    const preview = await previewImport(ours, file);
    expect(preview).toMatchObject({ auditId: mine.id, auditName: mine.name, newAudit: false, renumbered: 0 });
    expect(preview.target.kind).toBe('merge');
    expect(preview.inspectors).toEqual(['林']);
    const result = await applyImport(ours, file, preview);
    expect(result.changedSincePreview).toBe(false);
    expect(await ours.audits.count()).toBe(1);
    const merged = await ours.findings.where('auditId').equals(mine.id).toArray();
    // Theirs: 5 auto (2 pages) + 1 manual; ours: 3 auto on URL_A, 2 of them also theirs → 7 findings, each once.
    expect(merged).toHaveLength(file.findings.length + 1);
    expect(new Set(merged.map(naturalKey)).size).toBe(merged.length);
    const byCheck = (url: string, check: string) => merged.find((f) => f.url === url && f.checkId === check)!;
    expect(byCheck(URL_A, 'column-freshness').inspector).toBe('王、林');
    expect(byCheck(URL_A, 'column-freshness').verdict).toBe('FAIL'); // 林's verdict and note kept
    expect(byCheck(URL_A, 'column-freshness').note).toBe('两周未更新，已通知');
    expect(byCheck(URL_A, 'privacy-leaks').inspector).toBe('王');
    expect(byCheck(URL_A, 'template-elements').inspector).toBe('林');
    expect(result.findings).toMatchObject({ new: file.findings.length - 2 });
    expect(result.findings.changed + result.findings.older).toBe(2);
    // The pages are merged too (one page per URL), and the screenshot follows its finding.
    const pages = await ours.pages.where('auditId').equals(mine.id).toArray();
    expect(pages.map((p) => p.url).sort()).toEqual([URL_A, file.pages.find((p) => p.url !== URL_A)!.url].sort());
    for (const f of merged) if (f.pageId) expect(pages.some((p) => p.id === f.pageId)).toBe(true);
    const shots = await ours.screenshots.where('auditId').equals(mine.id).toArray();
    expect(shots).toHaveLength(0); // a bare JSON carries no bytes; the finding keeps its screenshot id
    await countsRight(ours, mine.id);
    // Importing the same file again writes nothing.
    const before = await dumpDb(ours);
    const again = await applyImport(ours, file);
    expect(again.findings.new).toBe(0);
    expect(await dumpDb(ours)).toEqual(before);
  });

  it('merges a zip too: the screenshot comes along, linked to the merged finding', async () => {
    const mine = await ourAudit(ours);
    const read = readAuditBytes(await auditZip(await loadAuditData(theirs, their.id)));
    if (!read.ok) throw new Error(read.error.detail);
    await applyImport(ours, { file: read.file, images: read.images });
    const shots = await ours.screenshots.where('auditId').equals(mine.id).toArray();
    expect(shots).toHaveLength(1);
    const owner = (await ours.findings.get(shots[0]!.findingId!))!;
    expect(owner.auditId).toBe(mine.id);
    expect(owner.screenshotIds).toContain(shots[0]!.id);
  });

  it('asks when several audits of the site and plan are here; without an answer it imports a new audit', async () => {
    const a = await ourAudit(ours, '甲');
    const b = await ourAudit(ours, '乙');
    const file = await fileOf(theirs, their.id);
    const preview = await previewImport(ours, file);
    expect(preview.target.kind).toBe('ask');
    expect(preview.target.candidates.map((c) => c.name).sort()).toEqual(['乙', '甲']);
    const chosen = await previewImport(ours, file, b.id);
    expect(chosen).toMatchObject({ auditId: b.id, target: { kind: 'merge' } });
    await applyImport(ours, file, chosen, b.id);
    expect(await ours.audits.count()).toBe(2);
    expect(await ours.findings.where('auditId').equals(a.id).count()).toBe(3);
    expect(await ours.findings.where('auditId').equals(b.id).count()).toBe(file.findings.length + 1);
    await countsRight(ours, b.id);
  });

  it('does not merge into an audit of another plan, and says so; NEW_AUDIT keeps the file separate', async () => {
    const other = await createAudit(
      ours,
      { name: '另一方案', origin: 'www.luoyuan.gov.cn', planId: 'luoyuan-2017' },
      at(1),
    );
    await ours.audits.update(other.id, { planId: 'other-plan' });
    const file = await fileOf(theirs, their.id);
    const preview = await previewImport(ours, file);
    expect(preview.target).toMatchObject({ kind: 'new', candidates: [{ name: '另一方案', mergeable: false }] });
    expect(preview).toMatchObject({ auditId: their.id, newAudit: true });
    const mine = await ourAudit(ours);
    expect((await previewImport(ours, file, NEW_AUDIT)).auditId).toBe(their.id);
    await applyImport(ours, file, undefined, NEW_AUDIT);
    expect(await ours.findings.where('auditId').equals(mine.id).count()).toBe(3);
    expect(await ours.findings.where('auditId').equals(their.id).count()).toBe(file.findings.length);
  });
});

describe('whole-site patrol records on import', () => {
  it('keeps the latest patrol of the site, in our audit, and says which in the preview', async () => {
    const mine = await ourAudit(ours);
    // We patrolled the site before them: their later patrol replaces ours, under our audit's id.
    await saveSiteRecord(ours, sampleSiteRecord(mine.id, 'http://www.luoyuan.gov.cn', at(1), '王'));
    const file = await fileOf(theirs, their.id);
    const preview = await previewImport(ours, file);
    expect(preview.sites).toMatchObject({ new: 0, updated: 1, kept: 0 });
    expect(preview.sites.latest).toEqual([
      { origin: 'http://www.luoyuan.gov.cn', patrolledAt: at(7).toISOString(), theirs: true },
    ]);
    await applyImport(ours, file, preview);
    const stored = await siteRecordsOf(ours, mine.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ auditId: mine.id, inspector: '林', patrolledAt: at(7).toISOString() });
    expect(stored[0]!.id).toBe(siteRecordId(mine.id, 'http://www.luoyuan.gov.cn'));
    expect(await ours.sites.count()).toBe(1);

    // A later patrol of ours is kept when their older file comes in again.
    await saveSiteRecord(ours, sampleSiteRecord(mine.id, 'http://www.luoyuan.gov.cn', at(50), '王'));
    const again = await previewImport(ours, file);
    expect(again.sites).toMatchObject({ new: 0, updated: 0, kept: 1 });
    expect(again.sites.latest[0]).toMatchObject({ patrolledAt: at(50).toISOString(), theirs: false });
    await applyImport(ours, file);
    expect((await siteRecordsOf(ours, mine.id))[0]).toMatchObject({
      inspector: '王',
      patrolledAt: at(50).toISOString(),
    });
  });

  it('an older patrol never replaces a later one in the database either', async () => {
    const mine = await ourAudit(ours);
    expect(await saveSiteRecord(ours, sampleSiteRecord(mine.id, 'http://www.luoyuan.gov.cn', at(50), '王'))).toBe(true);
    expect(await saveSiteRecord(ours, sampleSiteRecord(mine.id, 'http://www.luoyuan.gov.cn', at(10), '林'))).toBe(
      false,
    );
    expect((await siteRecordsOf(ours, mine.id))[0]!.inspector).toBe('王');
  });
});

describe('a file that reuses another audit’s ids', () => {
  it('never moves that audit’s records: they stay, the forged audit gets ids of its own, the preview says so', async () => {
    // Ours holds the real audit (imported earlier); a forged file claims its records for another audit.
    const read = readAuditBytes(await auditZip(await loadAuditData(theirs, their.id)));
    if (!read.ok) throw new Error(read.error.detail);
    const real = read.file;
    await applyImport(ours, { file: real, images: read.images });
    expect(await ours.screenshots.count()).toBe(1);
    const before = await dumpDb(ours);
    const forgedId = 'a-forged';
    const forged: AuditFile = {
      ...real,
      audit: { ...real.audit, id: forgedId, name: '伪造的审计', origin: 'http://evil.example' },
      pages: real.pages.map((p) => ({ ...p, auditId: forgedId })),
      findings: real.findings.map((f) => ({ ...f, auditId: forgedId, note: '篡改' })),
      screenshots: real.screenshots.map((s) => ({ ...s, auditId: forgedId })),
      pins: [],
    };
    const preview = await previewImport(ours, forged);
    const records = real.pages.length + real.findings.length + real.screenshots.length;
    expect(preview).toMatchObject({ auditId: forgedId, newAudit: true, renumbered: records });
    expect(preview.findings.new).toBe(real.findings.length);
    await applyImport(ours, forged, preview);
    const after = await dumpDb(ours);
    // Every record of the real audit is exactly as it was.
    for (const table of ['pages', 'findings', 'screenshots', 'taskCounts'] as const) {
      const mine = (rows: unknown[]) => rows.filter((r) => (r as { auditId: string }).auditId === their.id);
      expect(mine(after[table]!), table).toEqual(mine(before[table]!));
    }
    const forgedFindings = await ours.findings.where('auditId').equals(forgedId).toArray();
    expect(forgedFindings).toHaveLength(real.findings.length);
    expect(forgedFindings.every((f) => f.note === '篡改')).toBe(true);
    expect(forgedFindings.some((f) => real.findings.some((r) => r.id === f.id))).toBe(false);
    for (const f of forgedFindings) if (f.pageId) expect((await ours.pages.get(f.pageId))?.auditId).toBe(forgedId);
    await countsRight(ours, their.id);
    await countsRight(ours, forgedId);
  });
});

describe('inspectorUnion', () => {
  it('keeps each name once, ours first', () => {
    expect(inspectorUnion('王', '林')).toBe('王、林');
    expect(inspectorUnion('王、林', '林')).toBe('王、林');
    expect(inspectorUnion('', '林')).toBe('林');
    expect(inspectorUnion('王', '')).toBe('王');
  });
});
