import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { buildAudit, comparable } from '../../tests/helpers/import-testing';
import type { Audit } from '../storage/db';
import { freshDb, plan as bundledPlan } from '../../tests/helpers/storage-testing';
import { loadAuditData } from './audit-data';
import { AuditFileSchema, auditDataFromFile, auditFileJson, parseAuditFile, toAuditFile } from './audit-file';
import { auditZip, readAuditBytes, readAuditZip } from './zip';

let db: Awaited<ReturnType<typeof freshDb>>;
let audit: Audit;
beforeEach(async () => {
  db = await freshDb('audit-file');
  audit = await buildAudit(db);
});
afterEach(async () => {
  await db.dispose();
});

const EXPORTED = new Date('2026-11-20T00:00:00Z');

describe('audit file', () => {
  it('writes the documented shape: header, bundled plan by id, every record as stored, screenshots as metadata', async () => {
    const data = await loadAuditData(db, audit.id);
    const file = toAuditFile(data, { exportedAt: EXPORTED });
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'exportedAt',
      'generator',
      'audit',
      'plan',
      'pages',
      'findings',
      'pins',
      'screenshots',
      'sites',
    ]);
    expect(file).toMatchObject({
      format: 'gongkai-audit',
      version: 2,
      exportedAt: EXPORTED.toISOString(),
      plan: { id: 'luoyuan-2017', title: bundledPlan.title, bundled: true },
    });
    expect(file.generator).toMatch(/^gongkai-inspector \d+\.\d+\.\d+/);
    expect(file.plan.definition).toBeUndefined();
    expect(file.findings).toEqual(data.findings);
    expect(file.findings.some((f) => f.history.length > 0 && f.note !== '')).toBe(true);
    expect(file.screenshots).toHaveLength(1);
    expect(file.screenshots[0]).toMatchObject({
      type: 'image/png',
      size: 3000,
      file: `screenshots/${data.screenshots[0]!.id}.png`,
    });
    expect(file.screenshots[0]).not.toHaveProperty('blob');
    expect(file.sites).toEqual(data.sites);
    expect(file.sites).toHaveLength(1);
    const parsed = parseAuditFile(auditFileJson(file));
    expect(parsed).toEqual({ ok: true, file });
    expect(AuditFileSchema.safeParse(JSON.parse(auditFileJson(file))).success).toBe(true);
  });

  it('carries a plan that is not bundled in full', async () => {
    const data = await loadAuditData(db, audit.id);
    const custom = { ...bundledPlan, id: 'my-plan', title: '自定义方案' };
    const file = toAuditFile({ ...data, audit: { ...data.audit, planId: 'my-plan' }, plan: custom });
    expect(file.plan).toMatchObject({ id: 'my-plan', bundled: false, definition: custom });
    const back = parseAuditFile(JSON.stringify(file));
    expect(back.ok && auditDataFromFile(back.file).plan?.title).toBe('自定义方案');
  });

  it('tells apart not JSON, truncated, foreign, newer and invalid files, naming the path', async () => {
    const good = auditFileJson(toAuditFile(await loadAuditData(db, audit.id)));
    const json = JSON.parse(good);
    const code = (text: string) => {
      const r = parseAuditFile(text);
      return r.ok ? 'ok' : `${r.error.code} ${r.error.key} ${r.error.detail}`;
    };
    expect(code('<html>not json</html>')).toMatch(/^notJson auditFileNotJson/);
    expect(code(good.slice(0, good.length / 2))).toMatch(/^truncated auditFileTruncated/);
    expect(code(good.slice(0, -1))).toMatch(/^truncated/);
    expect(code('{"formatName":"dexie","data":{}}')).toMatch(/^foreign auditFileForeign no format/);
    expect(code('{"format":"axe-results","version":1}')).toMatch(/^foreign .* format axe-results/);
    expect(code('[1,2]')).toMatch(/^foreign/);
    expect(code(JSON.stringify({ ...json, version: 3 }))).toBe('newerVersion auditFileNewerVersion version 3 > 2');
    const bad = structuredClone(json);
    bad.findings[1].status = 'bogus';
    expect(code(JSON.stringify(bad))).toMatch(/^invalid auditFileInvalid findings\.1\.status: /);
    const noId = structuredClone(json);
    delete noId.audit.id;
    expect(code(JSON.stringify(noId))).toMatch(/^invalid .*audit\.id/);
    const foreignFinding = structuredClone(json);
    foreignFinding.findings[0].auditId = 'a-other';
    expect(code(JSON.stringify(foreignFinding))).toMatch(/^inconsistent auditFileInconsistent findings\.0\.auditId/);
    const dangling = structuredClone(json);
    dangling.findings[0].pageId = 'p-nowhere';
    expect(code(JSON.stringify(dangling))).toMatch(/^inconsistent .*findings\.0\.pageId/);
    const otherSitePin = structuredClone(json);
    otherSitePin.pins.push({ ...otherSitePin.pins[0], id: 'x', origin: 'http://www.other.gov.cn' });
    expect(code(JSON.stringify(otherSitePin))).toMatch(/^inconsistent .*pins\.1\.origin/);
    expect(code(`\uFEFF${good}`)).toBe('ok');
    // a site record of another audit, or one whose id is not its audit's and site's, is refused
    const foreignSite = structuredClone(json);
    foreignSite.sites[0].auditId = 'a-other';
    expect(code(JSON.stringify(foreignSite))).toMatch(/^inconsistent .*sites\.0\.auditId/);
    const forgedSite = structuredClone(json);
    forgedSite.sites[0].id = 'w-forged';
    expect(code(JSON.stringify(forgedSite))).toMatch(/^inconsistent .*sites\.0\.id/);
    // the same record twice (an id repeated in any list) is refused, naming the second
    const twice = structuredClone(json);
    twice.findings.push(twice.findings[0]);
    expect(code(JSON.stringify(twice))).toBe(
      `inconsistent auditFileInconsistent findings.${json.findings.length}.id: duplicate ${json.findings[0].id}`,
    );
    const siteTwice = structuredClone(json);
    siteTwice.sites.push(siteTwice.sites[0]);
    expect(code(JSON.stringify(siteTwice))).toMatch(/^inconsistent .*sites\.1\.id: duplicate/);
    const badSite = structuredClone(json);
    badSite.sites[0].columns[0].status = 'fine';
    expect(code(JSON.stringify(badSite))).toMatch(/^invalid .*sites\.0\.columns\.0\.status/);
  });

  it('reads a version 1 file (written before site records existed) as having none', async () => {
    const json = JSON.parse(auditFileJson(toAuditFile(await loadAuditData(db, audit.id))));
    const { sites: _sites, ...older } = { ...json, version: 1 };
    const parsed = parseAuditFile(JSON.stringify(older));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.file.version).toBe(1);
    expect(parsed.file.sites).toEqual([]);
    expect(parsed.file.findings).toEqual(json.findings);
  });

  it('reads records written before their optional fields existed, leaving those fields absent (not undefined)', async () => {
    const json = JSON.parse(auditFileJson(toAuditFile(await loadAuditData(db, audit.id))));
    expect(json.findings.some((f: object) => 'taskSpecific' in f)).toBe(true);
    for (const page of json.pages) delete page.publisher;
    for (const finding of json.findings) delete finding.taskSpecific;
    const parsed = parseAuditFile(JSON.stringify({ ...json, version: 1 }));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.file.pages.length).toBeGreaterThan(0);
    for (const page of parsed.file.pages) expect(Object.keys(page)).not.toContain('publisher');
    for (const finding of parsed.file.findings) expect(Object.keys(finding)).not.toContain('taskSpecific');
    // a field the file sets to null where the record allows no null is refused, with its path
    const nulled = structuredClone(json);
    nulled.pages[0].publisher = null;
    const refused = parseAuditFile(JSON.stringify(nulled));
    expect(refused.ok ? 'ok' : refused.error.detail).toMatch(/^pages\.0\.publisher/);
  });
});

describe('audit zip', () => {
  it("holds audit.json and each screenshot's bytes, and reads back to the same audit data", async () => {
    const data = await loadAuditData(db, audit.id);
    const bytes = await auditZip(data, { exportedAt: EXPORTED });
    const entries = unzipSync(bytes);
    const shot = data.screenshots[0]!;
    expect(Object.keys(entries).sort()).toEqual(['audit.json', `screenshots/${shot.id}.png`]);
    expect(entries[`screenshots/${shot.id}.png`]).toEqual(new Uint8Array(await shot.blob.arrayBuffer()));
    const read = readAuditBytes(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(await comparable(auditDataFromFile(read.file, read.images))).toEqual(await comparable(data));
  });

  it('refuses a corrupt zip, a zip without audit.json, and a zip missing a screenshot the JSON names', async () => {
    const data = await loadAuditData(db, audit.id);
    const bytes = await auditZip(data);
    const err = (r: ReturnType<typeof readAuditZip>) =>
      r.ok ? 'ok' : `${r.error.code} ${r.error.key} ${r.error.detail}`;
    expect(err(readAuditBytes(bytes.slice(0, bytes.length - 40)))).toMatch(/^zipCorrupt auditZipCorrupt/);
    const garbled = bytes.slice();
    garbled.fill(0, 30, 200);
    expect(err(readAuditBytes(garbled))).not.toBe('ok');
    expect(err(readAuditZip(zipSync({ 'other.txt': strToU8('x') })))).toBe(
      'zipNoAuditJson auditZipNoAuditJson audit.json',
    );
    const entries = unzipSync(bytes);
    const onlyJson = zipSync({ 'audit.json': entries['audit.json']! });
    expect(err(readAuditZip(onlyJson))).toMatch(
      /^zipMissingScreenshot auditZipMissingScreenshot screenshots\/s-.*\.png$/,
    );
    expect(err(readAuditZip(zipSync({ 'audit.json': strToU8('{"format":"gongkai-audit","version":9}') })))).toMatch(
      /^newerVersion/,
    );
    // A bare audit.json reads without images.
    const bare = readAuditBytes(entries['audit.json']!);
    expect(bare.ok && bare.images.size).toBe(0);
  });
});

describe('error messages', () => {
  it('every error key of the audit file and the backup is in both catalogues, with the detail as $P1$', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const { AUDIT_FILE_ERROR_KEYS } = await import('./audit-file');
    await import('../import/node-globals');
    const { BACKUP_ERROR_KEYS } = await import('../import/backup');
    for (const lang of ['zh_CN', 'en']) {
      const catalogue = JSON.parse(
        readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
      ) as Record<string, { message: string }>;
      for (const key of [...Object.values(AUDIT_FILE_ERROR_KEYS), ...Object.values(BACKUP_ERROR_KEYS)])
        expect(catalogue[key]?.message, `${lang} ${key}`).toContain('$P1$');
    }
  });
});
