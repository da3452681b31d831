import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckStatus } from '../checks/types';

import type { Audit, Finding } from './db';
import { addManualFinding, recordPageReport, updateFinding } from './findings';
import { normalizeSearch } from './finding-record';
import { queryFindings, tasksOfUnit, type FindingFilter, type FindingSort } from './findings-query';
import { addScreenshot } from './screenshots';
import { LIST_CACHE_LIMIT, dropListCache, hasListCache, listRows } from './list-cache';
import {
  NOW,
  freshDb,
  plan,
  seeded,
  syntheticPages,
  newTestAudit,
  type TestDb,
} from '../../tests/helpers/storage-testing';

let db: TestDb;
let audit: Audit;
let all: Finding[];

beforeAll(async () => {
  db = await freshDb('query');
  audit = await newTestAudit(db);
  const rand = seeded(7);
  for (const p of syntheticPages(150, 20, rand)) await recordPageReport(db, audit.id, p.report, p.meta, '林', p.now);
  const some = (await db.findings.toArray()).filter((_, i) => i % 37 === 0);
  for (const [i, f] of some.entries()) {
    await updateFinding(
      db,
      f.id,
      i % 2 ? { verdict: 'PASS', note: `已核实 第${i}条 政務公開` } : { verdict: 'FAIL' },
      f.rev,
      { now: new Date(NOW.getTime() + 10_000_000 + i) },
    );
  }
  const shot = await addScreenshot(db, audit.id, new Blob(['x']), {
    url: some[0]!.url,
    width: 1,
    height: 1,
    findingId: some[0]!.id,
  });
  expect(shot.id).toBeTruthy();
  const page = (await db.pages.toCollection().first())!;
  await addManualFinding(db, {
    auditId: audit.id,
    pageId: page.id,
    taskId: null,
    verdict: 'FAIL',
    note: '首页无障碍入口缺失',
  });
  all = await db.findings.toArray();
  expect(all.length).toBe(3001);
}, 60_000);
afterAll(async () => {
  await db.dispose();
});

function oracle(filter: FindingFilter, sort: FindingSort): Finding[] {
  const terms = filter.text ? normalizeSearch(filter.text).split(/\s+/).filter(Boolean) : [];
  const unitTasks = filter.unit ? new Set(tasksOfUnit(plan, filter.unit)) : null;
  const rows = all.filter(
    (f) =>
      (filter.taskId === undefined || f.taskId === filter.taskId) &&
      (!unitTasks || (f.taskId !== null && unitTasks.has(f.taskId))) &&
      (!filter.statuses || filter.statuses.includes(f.status)) &&
      (filter.pageId === undefined || f.pageId === filter.pageId) &&
      (filter.hasNote === undefined || (f.note !== '') === filter.hasNote) &&
      (filter.hasScreenshot === undefined || f.screenshotIds.length > 0 === filter.hasScreenshot) &&
      terms.every((t) => f.search.includes(t)),
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (sort === 'plan') return rows.sort((a, b) => cmp(a.sortKey, b.sortKey) || cmp(a.id, b.id));
  if (sort === 'status') return rows.sort((a, b) => cmp(a.status, b.status) || cmp(a.id, b.id));
  return rows.sort((a, b) => cmp(b.updatedAt, a.updatedAt) || cmp(b.id, a.id));
}

async function agrees(filter: FindingFilter, sort: FindingSort = 'plan', offset = 0, limit = 50): Promise<number> {
  const page = await queryFindings(db, audit.id, { filter, sort, offset, limit, plan });
  const expected = oracle(filter, sort);
  expect(page.total).toBe(expected.length);
  expect(page.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit).map((r) => r.id));
  return page.total;
}

describe.each([
  ['read through the indexes', 0],
  ['from the in-memory list cache', 50_000],
])('the findings list, %s', (_, limit) => {
  beforeAll(async () => {
    LIST_CACHE_LIMIT.findings = limit;
    dropListCache(db);
    // Warm the copy (or, with the limit at 0, find that there is none): later filters then take that path.
    expect((await listRows(db, audit.id))?.length ?? null).toBe(limit ? 3001 : null);
    expect(hasListCache(db, audit.id)).toBe(limit > 0);
  });
  afterAll(() => {
    LIST_CACHE_LIMIT.findings = 50_000;
  });

  it('pages through everything in plan order, newest first, or problems first', async () => {
    expect(await agrees({})).toBe(3001);
    await agrees({}, 'plan', 2950, 100);
    await agrees({}, 'updated', 10, 50);
    await agrees({}, 'status', 700, 50);
    const first = await queryFindings(db, audit.id, { sort: 'status', limit: 5 });
    expect(first.rows.every((r) => r.status === 'fail')).toBe(true);
    // In plan order, task 1's findings come first and findings of no task last.
    const planOrder = await queryFindings(db, audit.id, { limit: 500, offset: 2600 });
    expect(planOrder.rows.at(-1)?.taskId).toBeNull();
  });

  it('filters by task, unit, status, page, note and screenshot, alone and together', async () => {
    const t15 = 'luoyuan-2017/t15';
    expect(await agrees({ taskId: t15 })).toBeGreaterThan(0);
    expect(await agrees({ taskId: null })).toBeGreaterThan(100);
    expect(await agrees({ unit: '縣財政局' })).toBeGreaterThan(0);
    expect(await agrees({ statuses: ['fail', 'needs-review'] as CheckStatus[] }, 'updated')).toBeGreaterThan(0);
    expect(await agrees({ pageId: all[0]!.pageId! })).toBeGreaterThan(0);
    expect(await agrees({ hasNote: true })).toBeGreaterThan(0);
    expect(await agrees({ hasNote: false }, 'plan', 40, 20)).toBeGreaterThan(2000);
    expect(await agrees({ hasScreenshot: true })).toBe(1);
    await agrees({ taskId: t15, statuses: ['fail'], hasNote: false });
    await agrees({ unit: '各乡镇', statuses: ['pass'] }, 'status', 30, 30);
    expect(await agrees({ taskId: 'luoyuan-2017/t999' })).toBe(0);
    await agrees({ taskId: null, hasNote: true });
    await agrees({ pageId: all[5]!.pageId!, statuses: ['pass', 'fail'], text: '相关' }, 'updated');
    await agrees({ taskId: t15, unit: '县财政局' });
    expect(await agrees({ text: '   ' })).toBe(3001);
  });

  it('searches text across scripts in message arguments, evidence, notes, URLs and titles', async () => {
    expect(await agrees({ text: '政务公开' })).toBeGreaterThan(0);
    expect(await agrees({ text: '已核實' })).toBeGreaterThan(0);
    expect(await agrees({ text: 'c15/t2026_' })).toBeGreaterThan(0);
    expect(await agrees({ text: '无障碍' })).toBe(1);
    expect(await agrees({ text: '网上支付  第3页' }, 'plan', 0, 10)).toBeGreaterThanOrEqual(0);
    await agrees({ text: '监督电话', statuses: ['fail'], unit: '县财政局' }, 'updated', 5, 10);
  });

  it('needs the plan for the unit filter', async () => {
    await expect(queryFindings(db, audit.id, { filter: { unit: '县财政局' } })).rejects.toBeInstanceOf(TypeError);
  });
});
