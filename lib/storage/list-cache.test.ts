import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAudit } from './audits';
import { GongkaiDb } from './db';
import { addManualFinding, deleteFinding, recordPageReport, updateFinding } from './findings';
import { queryFindings } from './findings-query';
import { LIST_CACHE_LIMIT, dropListCache, hasListCache, listRows } from './list-cache';
import { NOW, freshDb, seeded, syntheticPages, newTestAudit } from '../../tests/helpers/storage-testing';

describe('the list cache across windows', () => {
  it('sees what another window writes, edits and deletes', async () => {
    const mine = await freshDb('list-cache');
    const other = new GongkaiDb(mine.name);
    await other.open();
    try {
      const a = await createAudit(mine, { name: '巡检', origin: 'www.luoyuan.gov.cn', planId: 'luoyuan-2017' }, NOW);
      const pages = syntheticPages(10, 5, seeded(3));
      for (const p of pages) await recordPageReport(mine, a.id, p.report, p.meta, '林', p.now);
      const search = async (text: string) => (await queryFindings(mine, a.id, { filter: { text } })).total;
      expect(await search('第3页')).toBeGreaterThan(0);
      expect(hasListCache(mine, a.id)).toBe(true);

      const target = (await other.findings.toArray())[7]!;
      await updateFinding(other, target.id, { note: '栏目名称错别字' }, target.rev, { inspector: 'B' });
      expect(await search('错别字')).toBe(1);
      const added = await addManualFinding(
        other,
        { auditId: a.id, pageId: null, taskId: null, verdict: 'FAIL', note: '网站无法访问' },
        { inspector: 'B' },
      );
      expect(await search('无法访问')).toBe(1);
      expect((await queryFindings(mine, a.id, { filter: { hasNote: true } })).total).toBe(2);
      await deleteFinding(other, added.id, added.rev);
      expect(await search('无法访问')).toBe(0);
      // A re-check that drops results deletes them: the copy reloads.
      const before = await search('第0页');
      await recordPageReport(
        other,
        a.id,
        { ...pages[0]!.report, results: pages[0]!.report.results.slice(0, 1) },
        pages[0]!.meta,
        'B',
        NOW,
      );
      expect(await search('第0页')).toBeLessThan(before);
      const total = (await queryFindings(mine, a.id, { filter: { text: 'luoyuan' } })).total;
      expect(total).toBe(await mine.findings.count());
    } finally {
      other.close();
      await mine.dispose();
    }
  });
});

describe('the list cache', () => {
  it('serves concurrent callers one consistent copy, and copies no audit above its limit', async () => {
    const db = await freshDb('list-cache-limit');
    try {
      const a = await newTestAudit(db);
      for (const p of syntheticPages(6, 5, seeded(9))) await recordPageReport(db, a.id, p.report, p.meta, '林', p.now);
      const [x, y, z] = await Promise.all([listRows(db, a.id), listRows(db, a.id), listRows(db, a.id)]);
      expect(x).toHaveLength(30);
      expect(y).toBe(x);
      expect(z).toBe(x);
      expect(await listRows(db, 'a-unknown')).toBeNull();
      dropListCache(db, a.id);
      LIST_CACHE_LIMIT.findings = 10;
      expect(await listRows(db, a.id)).toBeNull();
      expect(hasListCache(db, a.id)).toBe(false);
      // The text search still answers, from the database.
      expect((await queryFindings(db, a.id, { filter: { text: '第2页' } })).total).toBeGreaterThan(0);
    } finally {
      LIST_CACHE_LIMIT.findings = 50_000;
      await db.dispose();
    }
  });
});
