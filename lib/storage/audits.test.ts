import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  archiveAudit,
  createAudit,
  getActiveAudit,
  getAudit,
  listAudits,
  renameAudit,
  setActiveAudit,
  unarchiveAudit,
} from './audits';
import { recordPageReport } from './findings';
import { InvalidRequest } from './invalid-request';
import { getActiveAuditId, setInspectorName } from './settings';
import {
  NOW,
  meta,
  syntheticReport,
  withFreshDb,
  type TestDb,
  newTestAudit,
} from '../../tests/helpers/storage-testing';

let db: TestDb;
withFreshDb('audits', (fresh) => (db = fresh));

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('audits', () => {
  it('creates an audit with the inspector from the settings, the site as an origin, and makes it the active one', async () => {
    await setInspectorName(db, '  林  检查 ');
    const a = await createAudit(
      db,
      { name: ' 2026年第四季度巡检 ', origin: 'www.luoyuan.gov.cn', planId: 'luoyuan-2017' },
      NOW,
    );
    expect(a).toMatchObject({
      name: '2026年第四季度巡检',
      origin: 'http://www.luoyuan.gov.cn',
      planId: 'luoyuan-2017',
      inspector: '林 检查',
      status: 'active',
      rev: 1,
    });
    expect((await getActiveAudit(db))?.id).toBe(a.id);
    const b = await createAudit(
      db,
      { name: '复查', origin: 'https://www.luoyuan.gov.cn/zwgk/index.html', planId: 'luoyuan-2017' },
      later(1),
    );
    expect(b.origin).toBe('https://www.luoyuan.gov.cn');
    expect((await getActiveAudit(db))?.id).toBe(b.id);
    await setActiveAudit(db, a.id);
    expect((await getActiveAudit(db))?.id).toBe(a.id);
    expect((await listAudits(db)).map((x) => x.name)).toEqual(['复查', '2026年第四季度巡检']);
    expect((await listAudits(db, { origin: 'http://www.luoyuan.gov.cn/x' })).map((x) => x.name)).toEqual([
      '2026年第四季度巡检',
    ]);
  });

  it('refuses an audit without a name, a site, or a known plan', async () => {
    const base = { name: '巡检', origin: 'www.luoyuan.gov.cn', planId: 'luoyuan-2017' };
    for (const [input, key] of [
      [{ ...base, name: '  ' }, 'auditNameEmpty'],
      [{ ...base, origin: 'ftp://x' }, 'auditOriginInvalid'],
      [{ ...base, origin: '' }, 'auditOriginInvalid'],
      [{ ...base, planId: 'no-such-plan' }, 'auditPlanUnknown'],
    ] as const) {
      const error = await createAudit(db, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequest);
      expect((error as InvalidRequest).key).toBe(key);
    }
    expect(await db.audits.count()).toBe(0);
  });

  it('renames with a rev bump, and returns a conflict for a rename over someone else’s', async () => {
    const a = await newTestAudit(db);
    const r1 = await renameAudit(db, a.id, '巡检（县政府办）', { expectedRev: 1, now: later(1) });
    expect(r1.kind === 'saved' && r1.audit).toMatchObject({
      name: '巡检（县政府办）',
      rev: 2,
      updatedAt: later(1).toISOString(),
    });
    const r2 = await renameAudit(db, a.id, '巡检（数字办）', { expectedRev: 1 });
    expect(r2).toMatchObject({ kind: 'conflict', current: { name: '巡检（县政府办）', rev: 2 } });
    // The same name from a stale version is no conflict.
    expect((await renameAudit(db, a.id, '巡检（县政府办）', { expectedRev: 1 })).kind).toBe('saved');
    expect((await getAudit(db, a.id))?.rev).toBe(2);
  });

  it('archives: read-only, not active, hidden from the list; unarchive makes it writable again', async () => {
    const a = await newTestAudit(db);
    const archived = await archiveAudit(db, a.id, later(1));
    expect(archived).toMatchObject({ status: 'archived', rev: 2 });
    expect(await getActiveAuditId(db)).toBeNull();
    expect(await getActiveAudit(db)).toBeNull();
    expect(await listAudits(db)).toEqual([]);
    expect((await listAudits(db, { includeArchived: true })).length).toBe(1);
    const report = syntheticReport(
      'http://www.luoyuan.gov.cn/a.html',
      ['luoyuan-2017/t2'],
      [{ checkId: 'column-freshness', status: 'fail' }],
    );
    await expect(recordPageReport(db, a.id, report, meta(), 'x', NOW)).rejects.toMatchObject({ key: 'auditArchived' });
    await expect(setActiveAudit(db, a.id)).rejects.toMatchObject({ key: 'auditArchived' });
    expect((await archiveAudit(db, a.id)).rev).toBe(2);
    const back = await unarchiveAudit(db, a.id, later(2));
    expect(back).toMatchObject({ status: 'active', rev: 3 });
    expect((await recordPageReport(db, a.id, report, meta(), 'x', NOW)).created).toBe(1);
    await expect(setActiveAudit(db, 'a-missing')).rejects.toMatchObject({ key: 'auditUnknown' });
  });
});
