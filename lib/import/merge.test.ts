import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { loadAuditData } from '../export/audit-data';
import { auditFileJson, parseAuditFile, toAuditFile, type AuditFile } from '../export/audit-file';
import { auditZip, readAuditBytes } from '../export/zip';
import { archiveAudit } from '../storage/audits';
import type { Audit } from '../storage/db';
import { InvalidRequest } from '../storage/invalid-request';
import { addManualFinding, recordPageReport, setVerdict, updateFinding } from '../storage/findings';
import { readTaskCounts, recountTaskCounts } from '../storage/task-counts';
import { type TestDb, meta, plan as bundledPlan, syntheticReport } from '../../tests/helpers/storage-testing';
import { applyImport, importAuditBytes, previewImport } from './merge';
import { URL_A, at, comparable, dumpDb, withTheirsAndOurs } from '../../tests/helpers/import-testing';

type Db = TestDb;
let ours: Db;
let theirs: Db;
let audit: Audit;
withTheirsAndOurs('merge', (fresh) => ({ theirs, ours, audit } = fresh));

async function fileOf(db: Db, exportedAt = at(100)): Promise<AuditFile> {
  const parsed = parseAuditFile(auditFileJson(toAuditFile(await loadAuditData(db, audit.id), { exportedAt })));
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.file;
}

async function countsRight(db: Db) {
  const stored = (await readTaskCounts(db, audit.id)).sort((a, b) => a.taskKey.localeCompare(b.taskKey));
  expect(stored).toEqual(await recountTaskCounts(db, audit.id));
  return stored;
}

describe('round trip', () => {
  it('JSON into an empty database: the same audit (screenshots travel only in the zip)', async () => {
    const file = await fileOf(theirs);
    const preview = await previewImport(ours, file);
    expect(preview).toMatchObject({
      newAudit: true,
      plan: 'bundled',
      findings: { new: file.findings.length, identical: 0, changed: 0, conflict: 0 },
      screenshots: { new: 0, missing: 1 },
      pins: { new: 1 },
    });
    const result = await applyImport(ours, file, preview);
    expect(result.changedSincePreview).toBe(false);
    const original = await loadAuditData(theirs, audit.id);
    const imported = await loadAuditData(ours, audit.id);
    expect(imported.screenshots).toEqual([]);
    expect(await comparable(imported)).toEqual(await comparable({ ...original, screenshots: [] }));
    expect(await countsRight(ours)).toEqual(
      await readTaskCounts(theirs, audit.id).then((r) => r.sort((a, b) => a.taskKey.localeCompare(b.taskKey))),
    );
  });

  it("zip into an empty database: the same audit, screenshots' bytes included", async () => {
    const original = await loadAuditData(theirs, audit.id);
    const result = await importAuditBytes(ours, await auditZip(original));
    expect(result.ok && result.result.screenshots).toEqual({ new: 1, present: 0, missing: 0 });
    const imported = await loadAuditData(ours, audit.id);
    expect(await comparable(imported)).toEqual(await comparable(original));
    await countsRight(ours);
    // Importing the same file again changes nothing.
    const before = await dumpDb(ours);
    const again = await importAuditBytes(ours, await auditZip(original));
    expect(again.ok && again.result.findings).toEqual({
      new: 0,
      identical: original.findings.length,
      changed: 0,
      older: 0,
      conflict: 0,
    });
    expect(await dumpDb(ours)).toEqual(before);
  });

  it('adds a plan the file carries in full when this database lacks it', async () => {
    const data = await loadAuditData(theirs, audit.id);
    const custom = { ...bundledPlan, id: 'my-plan', title: '自定义方案' };
    const file = toAuditFile({ ...data, audit: { ...data.audit, planId: 'my-plan' }, plan: custom });
    expect((await previewImport(ours, file)).plan).toBe('added');
    await applyImport(ours, file);
    expect((await ours.plans.get('my-plan'))?.plan).toEqual(custom);
    expect((await loadAuditData(ours, audit.id)).plan?.title).toBe('自定义方案');
  });
});

describe('merge', () => {
  it('counts new / changed / identical / older / conflicting findings and keeps both versions of a conflict', async () => {
    await applyImport(ours, await fileOf(theirs));
    const findings = (await loadAuditData(theirs, audit.id)).findings
      .filter((f) => f.kind === 'auto' && f.url === URL_A)
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey));
    const [x, y, z] = findings;
    // Ours: a note on x (theirs untouched) → older; z edited on both sides → conflict.
    await updateFinding(ours, x!.id, { note: '我方备注' }, x!.rev, { inspector: '王', now: at(10) });
    await updateFinding(ours, z!.id, { verdict: 'PASS' }, z!.rev, { inspector: '王', now: at(11) });
    // Theirs: a verdict on y (ours untouched) → changed; z edited later → conflict, theirs current; a new page → new.
    await setVerdict(theirs, y!.id, 'N/A', undefined, y!.rev, { inspector: '林', now: at(12) });
    await setVerdict(theirs, z!.id, 'FAIL', '确认缺失', z!.rev, { inspector: '林', now: at(13) });
    await recordPageReport(
      theirs,
      audit.id,
      syntheticReport(
        'http://www.luoyuan.gov.cn/new.html',
        ['luoyuan-2017/t6'],
        [{ checkId: 'column-freshness', status: 'fail' }],
      ),
      meta('h3'),
      '林',
      at(14),
    );
    const file = await fileOf(theirs, at(20));
    const preview = await previewImport(ours, file);
    expect(preview.findings).toEqual({
      new: 1,
      changed: 1,
      older: 1,
      conflict: 1,
      identical: file.findings.length - 4,
    });
    expect(preview.pages).toEqual({ new: 1, updated: 0, identical: 2 });
    const oursZ = (await ours.findings.get(z!.id))!;
    const result = await applyImport(ours, file, preview);
    expect(result.changedSincePreview).toBe(false);

    expect((await ours.findings.get(x!.id))!.note).toBe('我方备注');
    expect((await ours.findings.get(y!.id))!).toMatchObject({ verdict: 'N/A', status: 'not-applicable' });
    const merged = (await ours.findings.get(z!.id))!;
    expect(merged).toMatchObject({ verdict: 'FAIL', note: '确认缺失', status: 'fail', editedBy: '林' });
    expect(merged.rev).toBeGreaterThan(oursZ.rev);
    expect(merged.history.at(-1)).toMatchObject({ cause: 'conflict', by: '王', edits: { verdict: 'PASS', note: '' } });
    expect(await ours.findings.where('auditId').equals(audit.id).count()).toBe(file.findings.length);
    await countsRight(ours);
  });

  it('keeps our edit as current when it is the later one, theirs into history', async () => {
    await applyImport(ours, await fileOf(theirs));
    const f = (await loadAuditData(theirs, audit.id)).findings.find((x) => x.kind === 'manual')!;
    await updateFinding(theirs, f.id, { note: '他方' }, f.rev, { inspector: '林', now: at(10) });
    await updateFinding(ours, f.id, { note: '我方' }, f.rev, { inspector: '王', now: at(11) });
    await addManualFinding(
      ours,
      { auditId: audit.id, pageId: null, taskId: null, verdict: null, note: '只在我方' },
      { inspector: '王', now: at(12) },
    );
    const file = await fileOf(theirs);
    expect((await previewImport(ours, file)).findings.conflict).toBe(1);
    await applyImport(ours, file);
    const merged = (await ours.findings.get(f.id))!;
    expect(merged.note).toBe('我方');
    expect(merged.history.at(-1)).toMatchObject({ cause: 'conflict', by: '林', edits: { note: '他方' } });
    expect(await ours.findings.where('auditId').equals(audit.id).count()).toBe(file.findings.length + 1);
    await countsRight(ours);
  });
});

describe('refused input', () => {
  it('writes nothing for a corrupt, truncated, foreign, newer-version or invalid file, or a bad zip', async () => {
    // Ours holds an older copy of the audit, so a wrongly applied import would show.
    await applyImport(ours, await fileOf(theirs));
    await setVerdict(theirs, (await theirs.findings.toCollection().first())!.id, 'PASS', '改', 1, {
      now: at(30),
    }).catch(() => undefined);
    const goodJson = auditFileJson(await fileOf(theirs));
    const json = JSON.parse(goodJson);
    const zip = await auditZip(await loadAuditData(theirs, audit.id));
    const entries = unzipSync(zip);
    const bad = structuredClone(json);
    bad.findings[0].rev = 'x';
    const inputs: Array<[string, Uint8Array]> = [
      ['notJson', strToU8('这不是 JSON')],
      ['truncated', strToU8(goodJson.slice(0, 5000))],
      ['foreign', strToU8('{"formatName":"dexie","formatVersion":1}')],
      ['newerVersion', strToU8(JSON.stringify({ ...json, version: 3 }))],
      ['invalid', strToU8(JSON.stringify(bad))],
      ['zipCorrupt', zip.slice(0, zip.length - 30)],
      ['zipNoAuditJson', zipSync({ 'readme.txt': strToU8('x') })],
      ['zipMissingScreenshot', zipSync({ 'audit.json': entries['audit.json']! })],
    ];
    const before = await dumpDb(ours);
    for (const [code, bytes] of inputs) {
      const result = await importAuditBytes(ours, bytes);
      expect(result.ok ? 'ok' : result.error.code, code).toBe(code);
    }
    expect(await dumpDb(ours)).toEqual(before);
    // …and the same good file is accepted.
    expect((await importAuditBytes(ours, zip)).ok).toBe(true);
    expect(readAuditBytes(zip).ok).toBe(true);
  });

  it('refuses to import into an archived audit (read-only), writing nothing', async () => {
    await applyImport(ours, await fileOf(theirs));
    await archiveAudit(ours, audit.id, at(40));
    const file = await fileOf(theirs);
    expect((await previewImport(ours, file)).archived).toBe(true);
    const before = await dumpDb(ours);
    await expect(applyImport(ours, file)).rejects.toThrow(InvalidRequest);
    expect(await dumpDb(ours)).toEqual(before);
  });

  it('rolls back everything when the write fails half-way', async () => {
    const file = await fileOf(theirs);
    const before = await dumpDb(ours);
    // A pin that cannot be stored (an invalid key) fails the transaction after audit, pages and plan were written.
    const broken = { ...file, pins: [...file.pins, { ...file.pins[0]!, id: undefined as unknown as string }] };
    await expect(applyImport(ours, broken)).rejects.toThrow();
    expect(await dumpDb(ours)).toEqual(before);
  });
});
