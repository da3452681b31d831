import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAudit } from './audits';
import { GongkaiDb, type Audit } from './db';
import {
  addManualFinding,
  deleteFinding,
  getFinding,
  listPages,
  pageByUrl,
  pageFindings,
  recordManualItem,
  recordPageReport,
  setVerdict,
  snapshotMeta,
  updateFinding,
} from './findings';
import { NOT_RECHECKED_MESSAGE_KEY } from './finding-record';
import { InvalidRequest } from './invalid-request';
import { setInspectorName } from './settings';
import { readTaskCounts, recountTaskCounts } from './task-counts';
import {
  NOW,
  meta,
  realReport,
  syntheticReport,
  recordSynthetic,
  withFreshDb,
  type SyntheticResult,
  type TestDb,
} from '../../tests/helpers/storage-testing';

let db: TestDb;
let audit: Audit;
const T2 = 'luoyuan-2017/t2';
const T15 = 'luoyuan-2017/t15';
const URL_A = 'http://www.luoyuan.gov.cn/zwgk/czsz/index.html';
/** One automatic result: the column is not up to date. */
const FRESHNESS_FAILS: SyntheticResult[] = [{ checkId: 'column-freshness', status: 'fail' }];

withFreshDb('findings', (fresh) => (db = fresh));
beforeEach(async () => {
  await setInspectorName(db, '林检查');
  audit = await createAudit(
    db,
    { name: '2026年第四季度巡检', origin: 'http://www.luoyuan.gov.cn', planId: 'luoyuan-2017' },
    NOW,
  );
});

async function countsAgree(): Promise<void> {
  const stored = (await readTaskCounts(db, audit.id)).sort((a, b) => a.taskKey.localeCompare(b.taskKey));
  expect(stored).toEqual(await recountTaskCounts(db, audit.id));
}

describe('recording a checked page', () => {
  it('records a real 办事指南 page: one finding per check result, 缺失要素 listed, tasks attributed', async () => {
    const { snapshot, report } = realReport(
      'template-elements/guide-missing-delivery.html',
      'http://www.luoyuan.gov.cn/bsfw/bszn/5001.html#top',
    );
    const recorded = await recordPageReport(db, audit.id, report, snapshotMeta(snapshot), '林检查', NOW);
    expect(recorded.page.url).toBe('http://www.luoyuan.gov.cn/bsfw/bszn/5001.html');
    expect(recorded.page.taskIds).toEqual([T15]);
    expect(recorded.page.snapshotHash).toMatch(/^[0-9a-f]{32}$/);
    expect(recorded.findings).toHaveLength(report.results.length);
    expect(recorded.created).toBe(report.results.length);

    const guide = recorded.findings.find((f) => f.templateId === 'service-guide')!;
    expect(guide.taskId).toBe(T15);
    expect(guide.status).toBe('fail');
    // The service is free (收费标准 免费): its blank 收费依据 is not required, so it is no missing element.
    expect(guide.missing.map((m) => `${m.name}:${m.status}`)).toEqual([
      '网上支付:missing',
      '物流快递:missing',
      '监督电话:missing',
    ]);
    expect(guide.elements.length).toBeGreaterThan(20);
    expect(guide.inspector).toBe('林检查');
    // The site's meta tags are a site-wide rule, not task 15's.
    expect(recorded.findings.find((f) => f.checkId === 'page-meta-tags')!.taskId).toBeNull();
    expect((await pageByUrl(db, audit.id, report.url))?.id).toBe(recorded.page.id);
    await countsAgree();
  });

  it('re-checking an unchanged page writes no finding; a changed result keeps the person’s verdict and note', async () => {
    const first = syntheticReport(
      URL_A,
      [T2],
      [
        { checkId: 'column-freshness', status: 'fail', args: ['2026-08-14', '93'] },
        { checkId: 'privacy-leaks', status: 'pass' },
      ],
    );
    const a = await recordPageReport(db, audit.id, first, meta('h1'), '林检查', NOW);
    const freshness = a.findings[0]!;
    expect(freshness.rev).toBe(1);

    const again = await recordPageReport(db, audit.id, first, meta('h1'), '林检查', new Date('2026-11-16T00:00:00Z'));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.page.visits).toBe(2);
    expect((await getFinding(db, freshness.id))!.rev).toBe(1);

    const judged = await setVerdict(db, freshness.id, 'PASS', '栏目按季度更新，未超期', 1, { inspector: '王复核' });
    expect(judged.kind).toBe('saved');

    const changed = syntheticReport(
      URL_A,
      [T2],
      [
        { checkId: 'column-freshness', status: 'needs-review', args: ['2026-11-01'] },
        { checkId: 'privacy-leaks', status: 'pass' },
      ],
    );
    const b = await recordPageReport(db, audit.id, changed, meta('h2'), '林检查', new Date('2026-11-17T00:00:00Z'));
    expect(b).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const after = (await getFinding(db, freshness.id))!;
    expect(after.machineStatus).toBe('needs-review');
    expect(after.verdict).toBe('PASS');
    expect(after.status).toBe('pass');
    expect(after.note).toBe('栏目按季度更新，未超期');
    expect(after.verdictBy).toBe('王复核');
    expect(after.history.at(-1)).toMatchObject({
      cause: 'machine',
      machine: { status: 'fail', message: { args: ['2026-08-14', '93'] } },
    });
    expect(after.rev).toBe(3);
    await countsAgree();
  });

  it('a result the re-check no longer produces is deleted if untouched, kept (machine N/A) if a person judged it', async () => {
    const report = syntheticReport(
      URL_A,
      [T2],
      [
        { checkId: 'column-freshness', status: 'fail' },
        { checkId: 'periodic-coverage', status: 'fail' },
      ],
    );
    const a = await recordPageReport(db, audit.id, report, meta(), '林检查', NOW);
    const [freshness, periodic] = a.findings;
    await setVerdict(db, periodic!.id, 'FAIL', '缺少1-4月', periodic!.rev);
    const b = await recordSynthetic(db, audit.id, URL_A, [T2], [{ checkId: 'privacy-leaks', status: 'pass' }], {
      hash: 'h3',
    });
    expect(b).toMatchObject({ created: 1, removed: 1, retired: 1 });
    expect(await getFinding(db, freshness!.id)).toBeUndefined();
    const kept = (await getFinding(db, periodic!.id))!;
    expect(kept).toMatchObject({ machineStatus: 'not-applicable', verdict: 'FAIL', status: 'fail', note: '缺少1-4月' });
    expect(kept.message?.key).toBe(NOT_RECHECKED_MESSAGE_KEY);
    expect(kept.history.at(-1)?.machine?.status).toBe('fail');
    await countsAgree();
  });

  it('files a tentative match (its tasks only mention the kind of column) under no task', async () => {
    const report = {
      ...syntheticReport(URL_A, [T2], FRESHNESS_FAILS),
      noTask: { key: 'matchTentative' as const, args: ['稳岗就业', '就业创业'] },
    };
    const recorded = await recordPageReport(db, audit.id, report, meta(), '林检查', NOW);
    expect(recorded.page.taskIds).toEqual([]);
    expect(recorded.findings.map((f) => f.taskId)).toEqual([null]);
    const firm = await recordPageReport(
      db,
      audit.id,
      syntheticReport(URL_A, [T2], FRESHNESS_FAILS),
      meta('h2'),
      '林检查',
      NOW,
    );
    expect(firm.page.taskIds).toEqual([T2]);
    await countsAgree();
  });

  it('a page re-matched to another task moves its findings and page counts', async () => {
    await recordSynthetic(db, audit.id, URL_A, [T2], FRESHNESS_FAILS);
    await recordSynthetic(db, audit.id, URL_A, [T15], [{ checkId: 'column-freshness', status: 'fail' }], { hash: 'x' });
    const rows = await readTaskCounts(db, audit.id);
    expect(rows.map((r) => [r.taskKey, r.fail, r.pages])).toEqual([[T15, 1, 1]]);
    await countsAgree();
  });

  it('refuses an unknown or archived audit without writing', async () => {
    const report = syntheticReport(URL_A, [T2], [{ checkId: 'column-freshness', status: 'fail' }]);
    await expect(recordPageReport(db, 'a-nope', report, meta(), 'x', NOW)).rejects.toBeInstanceOf(InvalidRequest);
    expect(await db.pages.count()).toBe(0);
  });
});

describe('a person’s verdict', () => {
  it('overrides the machine’s status, keeps both, and going back to no verdict restores the machine’s', async () => {
    const { findings } = await recordSynthetic(db, audit.id, URL_A, [T2], FRESHNESS_FAILS);
    const f = findings[0]!;
    const r1 = await setVerdict(db, f.id, 'N/A', '该栏目已撤并', f.rev);
    expect(r1.kind).toBe('saved');
    if (r1.kind !== 'saved') return;
    expect(r1.finding).toMatchObject({
      machineStatus: 'fail',
      verdict: 'N/A',
      status: 'not-applicable',
      hasNote: 1,
      verdictBy: '林检查',
    });
    expect((await readTaskCounts(db, audit.id))[0]).toMatchObject({ fail: 0, na: 1 });
    const r2 = await setVerdict(db, f.id, null, undefined, r1.finding.rev);
    expect(r2.kind === 'saved' && r2.finding.status).toBe('fail');
    // The earlier verdict is kept in history.
    expect(r2.kind === 'saved' && r2.finding.history.at(-1)).toMatchObject({
      cause: 'edit',
      edits: { verdict: 'N/A' },
    });
    await countsAgree();
  });

  it('the same value saved twice writes nothing', async () => {
    const { findings } = await recordSynthetic(db, audit.id, URL_A, [T2], FRESHNESS_FAILS);
    const r = await updateFinding(db, findings[0]!.id, { verdict: null, note: '' }, 1);
    expect(r.kind).toBe('unchanged');
    expect((await getFinding(db, findings[0]!.id))!.rev).toBe(1);
  });
});

describe('two panels editing the same audit', () => {
  it('merges edits of different fields and returns a conflict, with both versions, on the same field', async () => {
    const { findings } = await recordSynthetic(db, audit.id, URL_A, [T2], FRESHNESS_FAILS);
    const id = findings[0]!.id;
    // A second window: its own connection to the same database.
    const other = new GongkaiDb(db.name);
    await other.open();
    try {
      const readByA = (await getFinding(db, id))!;
      const readByB = (await getFinding(other, id))!;
      const a = await setVerdict(db, id, 'FAIL', undefined, readByA.rev, { inspector: 'A' });
      expect(a.kind).toBe('saved');
      const b = await updateFinding(other, id, { note: '截至11月仍未更新' }, readByB.rev, { inspector: 'B' });
      expect(b.kind).toBe('merged');
      if (b.kind !== 'merged') return;
      expect(b.theirs).toEqual(['verdict']);
      expect(b.finding).toMatchObject({ verdict: 'FAIL', note: '截至11月仍未更新', verdictBy: 'A' });

      // Both now change the verdict from the same version.
      const base = (await getFinding(db, id))!;
      const a2 = await setVerdict(db, id, 'PASS', undefined, base.rev, { inspector: 'A' });
      expect(a2.kind).toBe('saved');
      const b2 = await setVerdict(other, id, 'UNKNOWN', '再核实', base.rev, { inspector: 'B' });
      expect(b2.kind).toBe('conflict');
      if (b2.kind !== 'conflict') return;
      expect(b2.fields).toEqual(['verdict']);
      expect(b2.current.verdict).toBe('PASS');
      expect(b2.mine).toEqual({ verdict: 'UNKNOWN', note: '再核实' });
      const stored = (await getFinding(db, id))!;
      expect(stored.verdict).toBe('PASS');
      expect(stored.note).toBe('截至11月仍未更新');
      expect(stored.history.at(-1)).toMatchObject({
        cause: 'conflict',
        by: 'B',
        rev: base.rev,
        edits: { verdict: 'UNKNOWN', note: '再核实' },
      });

      // B resolves it on the current version: saved.
      const b3 = await setVerdict(other, id, 'UNKNOWN', '再核实', b2.current.rev, { inspector: 'B' });
      expect(b3.kind).toBe('saved');
      await countsAgree();
    } finally {
      other.close();
    }
  });

  it('loses no write when both windows record pages and verdicts at the same time', async () => {
    const other = new GongkaiDb(db.name);
    await other.open();
    try {
      const urls = Array.from({ length: 12 }, (_, i) => `http://www.luoyuan.gov.cn/zwgk/p${i}.html`);
      const base = await Promise.all(
        urls.map((u) =>
          recordSynthetic(db, audit.id, u, [T2], [{ checkId: 'column-freshness', status: 'fail' }], { inspector: 'A' }),
        ),
      );
      const ids = base.map((r) => r.findings[0]!.id);
      await Promise.all([
        ...ids.map((id, i) =>
          i % 2
            ? setVerdict(db, id, 'PASS', undefined, 1, { inspector: 'A' })
            : updateFinding(other, id, { note: `B 的备注 ${i}` }, 1, { inspector: 'B' }),
        ),
        ...ids.map((id, i) =>
          i % 2
            ? updateFinding(other, id, { note: `B 的备注 ${i}` }, 1, { inspector: 'B' })
            : setVerdict(db, id, 'PASS', undefined, 1, { inspector: 'A' }),
        ),
        ...urls.map((u) =>
          recordSynthetic(other, audit.id, u, [T2], [{ checkId: 'column-freshness', status: 'fail', args: ['new'] }], {
            hash: 'n',
            inspector: 'B',
          }),
        ),
      ]);
      for (const [i, id] of ids.entries()) {
        const f = (await getFinding(db, id))!;
        expect(f).toMatchObject({ verdict: 'PASS', note: `B 的备注 ${i}`, status: 'pass', message: { args: ['new'] } });
      }
      await countsAgree();
    } finally {
      other.close();
    }
  });
});

describe('manual checklist answers and free-form findings', () => {
  it('answers a checklist clause on a page, updates it when answered again, and keeps the earlier answer', async () => {
    const { page } = await recordSynthetic(
      db,
      audit.id,
      URL_A,
      [T2],
      [{ checkId: 'column-freshness', status: 'pass' }],
    );
    const clause = 'luoyuan-2017/t2/c1';
    const a = await recordManualItem(db, audit.id, page.id, T2, clause, 'FAIL', '未按月公开', { now: NOW });
    expect(a.kind).toBe('saved');
    if (a.kind !== 'saved') return;
    expect(a.finding).toMatchObject({
      kind: 'manual',
      checkId: 'manual-checklist',
      itemId: clause,
      machineStatus: null,
      status: 'fail',
      url: URL_A,
      inspector: '林检查',
    });
    expect(a.finding.message?.args[0]).toContain('財政收支');
    const b = await recordManualItem(db, audit.id, page.id, T2, clause, 'PASS', '已补齐', { now: NOW });
    expect(b.kind === 'saved' && b.finding.id).toBe(a.finding.id);
    expect(b.kind === 'saved' && b.finding.history.at(-1)).toMatchObject({
      cause: 'edit',
      edits: { verdict: 'FAIL', note: '未按月公开' },
    });
    // For the task as a whole (no page).
    const c = await recordManualItem(db, audit.id, null, T2, clause, 'PASS', '', { now: NOW });
    expect(c.kind === 'saved' && c.finding.pageId).toBeNull();
    expect((await pageFindings(db, audit.id, page.id)).map((f) => f.kind)).toEqual(['auto', 'manual']);
    await expect(recordManualItem(db, audit.id, 'p-unknown', T2, clause, 'PASS', '')).rejects.toBeInstanceOf(
      InvalidRequest,
    );
    await countsAgree();
  });

  it('adds a free-form finding with a random id and deletes it only at the version read', async () => {
    const { page, findings } = await recordSynthetic(
      db,
      audit.id,
      URL_A,
      [T2],
      [{ checkId: 'column-freshness', status: 'pass' }],
    );
    const f = await addManualFinding(db, {
      auditId: audit.id,
      pageId: page.id,
      taskId: T2,
      verdict: 'FAIL',
      note: '附件无法下载',
      severity: 'high',
    });
    expect(f.id).toMatch(/^u-/);
    expect((await listPages(db, audit.id)).length).toBe(1);
    const edited = await updateFinding(db, f.id, { note: '附件链接404' }, f.rev);
    expect((await deleteFinding(db, f.id, f.rev)).kind).toBe('conflict');
    expect((await deleteFinding(db, f.id, edited.kind === 'saved' ? edited.finding.rev : -1)).kind).toBe('deleted');
    await expect(deleteFinding(db, findings[0]!.id, 1)).rejects.toBeInstanceOf(InvalidRequest);
    await countsAgree();
  });
});
