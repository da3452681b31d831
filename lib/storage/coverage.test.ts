import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/model';

import { coverage, summarizeCoverage, taskStatus, unitsOf, type TaskCoverageStatus } from './coverage';
import type { Audit, TaskCount, Verdict } from './db';
import {
  addManualFinding,
  deleteFinding,
  recordManualItem,
  recordPageReport,
  setVerdict,
  snapshotMeta,
} from './findings';
import { readTaskCounts, rebuildTaskCounts, recountTaskCounts } from './task-counts';
import {
  NOW,
  meta,
  plan,
  realReport,
  seeded,
  syntheticPages,
  recordSynthetic,
  withFreshAudit,
  type TestDb,
} from '../../tests/helpers/storage-testing';

const row = (taskKey: string, c: Partial<TaskCount>): TaskCount => ({
  auditId: 'a',
  taskKey,
  pass: 0,
  fail: 0,
  review: 0,
  na: 0,
  pages: 0,
  ...c,
});
const counts = (c: Partial<{ pass: number; fail: number; review: number; na: number }>) => {
  const full = { pass: 0, fail: 0, review: 0, na: 0, ...c };
  return { ...full, total: full.pass + full.fail + full.review + full.na };
};

describe('task status', () => {
  it('follows the rules: nothing → not visited; a fail → has failures; all settled with a pass → all pass; else in progress', () => {
    expect(taskStatus(counts({}), 0)).toBe('not-visited');
    // Visited (a second task matched on a page) but nothing of the task's own checked: not passed.
    expect(taskStatus(counts({}), 2)).toBe('needs-manual');
    expect(taskStatus(counts({}), 2, counts({}), false)).toBe('checked-generic');
    // Only generic checks (no leak, metadata) passed: not passed either.
    expect(taskStatus(counts({ pass: 2 }), 1, counts({}))).toBe('needs-manual');
    expect(taskStatus(counts({ pass: 3 }), 1, counts({ pass: 1 }))).toBe('all-pass');
    expect(taskStatus(counts({ pass: 3, fail: 1, review: 2 }), 1)).toBe('has-failures');
    expect(taskStatus(counts({ pass: 3, na: 2 }), 1)).toBe('all-pass');
    expect(taskStatus(counts({ pass: 3, review: 1 }), 1)).toBe('in-progress');
    expect(taskStatus(counts({ na: 4 }), 1)).toBe('needs-manual');
  });
});

describe('coverage of the plan', () => {
  it('lists all 61 tasks, grouped by category and by each lead and responsible unit, with totals', () => {
    const cov = summarizeCoverage(plan, [
      row('luoyuan-2017/t2', { fail: 2, pass: 1, pages: 1 }),
      row('luoyuan-2017/t5', { pass: 4, pages: 2 }),
      row('luoyuan-2017/t6', { review: 1, pages: 1 }),
      row('', { fail: 3 }),
      row('other-plan/t1', { pass: 1 }),
    ]);
    expect(cov.tasks).toHaveLength(61);
    expect(cov.totals.taskCount).toBe(61);
    const status = (no: string) => cov.tasks.find((t) => t.no === no && t.taskId.endsWith(`t${no}`))!.status;
    expect([status('2'), status('5'), status('6'), status('7')]).toEqual([
      'has-failures',
      'all-pass',
      'in-progress',
      'not-visited',
    ]);
    expect(cov.totals.tasks).toEqual({
      'not-visited': 58,
      'checked-generic': 0,
      'needs-manual': 0,
      'in-progress': 1,
      'all-pass': 1,
      'has-failures': 1,
    });
    expect(cov.totals.findings).toEqual(counts({ fail: 2, pass: 5, review: 1 }));
    expect(cov.noTask).toEqual(counts({ fail: 3 }));
    expect(cov.outsidePlan).toEqual(counts({ pass: 1 }));

    expect(cov.byCategory.map((g) => g.key)).toEqual(plan.categories.map((c) => c.id));
    expect(cov.byCategory.reduce((n, g) => n + g.taskIds.length, 0)).toBe(61);
    const k1 = cov.byCategory[0]!;
    expect(k1.tasks['has-failures'] + k1.tasks['all-pass'] + k1.tasks['in-progress']).toBe(3);

    // 县财政局 leads tasks 2, 5 and 6 (and more); 各乡镇 is responsible for 2 and 5: each task counts once per unit.
    const finance = cov.byUnit.find((g) => g.key === '县财政局')!;
    expect(finance.leadTaskIds).toEqual(
      expect.arrayContaining(['luoyuan-2017/t2', 'luoyuan-2017/t5', 'luoyuan-2017/t6']),
    );
    expect(finance.tasks['has-failures']).toBe(1);
    expect(finance.findings).toEqual(counts({ fail: 2, pass: 5, review: 1 }));
    const towns = cov.byUnit.find((g) => g.key === '各乡镇')!;
    expect(towns.taskIds).toEqual(expect.arrayContaining(['luoyuan-2017/t2', 'luoyuan-2017/t5']));
    expect(towns.leadTaskIds).not.toContain('luoyuan-2017/t2');
    for (const g of cov.byUnit) expect(new Set(g.taskIds).size).toBe(g.taskIds.length);
    const memberships = plan.tasks.reduce((n, t) => n + unitsOf(t).units.length, 0);
    expect(cov.byUnit.reduce((n, g) => n + g.taskIds.length, 0)).toBe(memberships);
  });

  it('counts a unit once for a task where it both leads and is responsible; tasks with no unit go under ""', () => {
    const task = plan.tasks[1]!;
    const tiny: Plan = {
      ...plan,
      tasks: [
        {
          ...task,
          lead: { ...task.lead, units: ['县财政局'] },
          responsible: { ...task.responsible, units: ['县财政局', '各乡镇'] },
        },
        { ...plan.tasks[2]!, lead: { ...task.lead, units: [] }, responsible: { ...task.responsible, units: [] } },
      ],
    };
    const cov = summarizeCoverage(tiny, [row(task.id, { pass: 1 })]);
    expect(cov.byUnit.map((g) => [g.key, g.taskIds.length, g.leadTaskIds.length])).toEqual([
      ['县财政局', 1, 1],
      ['各乡镇', 1, 0],
      ['', 1, 0],
    ]);
  });
});

describe('coverage of a recorded audit', () => {
  let db: TestDb;
  let audit: Audit;
  withFreshAudit('coverage', (fresh) => ({ db, audit } = fresh));

  it('follows pages, verdicts and checklist answers', async () => {
    const { snapshot, report } = realReport(
      'template-elements/guide-missing-delivery.html',
      'http://www.luoyuan.gov.cn/bsfw/bszn/5001.html',
    );
    const guide = await recordPageReport(db, audit.id, report, snapshotMeta(snapshot), '林', NOW);
    const t15 = 'luoyuan-2017/t15';
    const of = async (id: string) => (await coverage(db, audit.id, plan)).tasks.find((t) => t.taskId === id)!;
    expect((await of(t15)).status).toBe('has-failures');
    // The person judges every failing or doubtful result of task 15 as passing after a fix.
    for (const f of guide.findings.filter(
      (f) => f.taskId === t15 && (f.status === 'fail' || f.status === 'needs-review'),
    ))
      await setVerdict(db, f.id, 'PASS', '已整改', f.rev);
    expect((await of(t15)).status).toBe('all-pass');
    await recordManualItem(db, audit.id, guide.page.id, t15, 'luoyuan-2017/t15/c1', 'UNKNOWN', '待核实');
    expect((await of(t15)).status).toBe('in-progress');

    // A page matched to task 2 as its second task: task 2 was visited, but nothing is recorded for it.
    await recordSynthetic(
      db,
      audit.id,
      'http://www.luoyuan.gov.cn/x.html',
      ['luoyuan-2017/t4', 'luoyuan-2017/t2'],
      [{ checkId: 'column-freshness', status: 'pass' }],
      { inspector: '林' },
    );
    expect(await of('luoyuan-2017/t2')).toMatchObject({ status: 'needs-manual', pages: 1, findings: counts({}) });
    expect((await of('luoyuan-2017/t4')).status).toBe('all-pass');
    const cov = await coverage(db, audit.id, plan);
    expect(cov.noTask.total).toBe(1); // the page's meta tags

    // Only a generic check passed on task 7's page ("no leak"): not 全部合格 until its own checklist is answered.
    const y = await recordSynthetic(
      db,
      audit.id,
      'http://www.luoyuan.gov.cn/y.html',
      ['luoyuan-2017/t7'],
      [{ checkId: 'privacy-leaks', status: 'pass' }],
      { inspector: '林' },
    );
    expect(await of('luoyuan-2017/t7')).toMatchObject({ status: 'needs-manual', own: counts({}) });
    await recordManualItem(db, audit.id, y.page.id, 'luoyuan-2017/t7', 'luoyuan-2017/t7/c1', 'PASS', '');
    expect((await of('luoyuan-2017/t7')).status).toBe('all-pass');
  });

  it('keeps the per-task counts equal to a recount through any sequence of writes', async () => {
    const rand = seeded(42);
    const pages = syntheticPages(40, 8, rand);
    const verdicts: Array<Verdict | null> = ['PASS', 'FAIL', 'N/A', 'UNKNOWN', null];
    const manual: string[] = [];
    for (let step = 0; step < 160; step++) {
      const x = rand();
      const p = pages[Math.floor(rand() * pages.length)]!;
      if (x < 0.35) {
        // (Re-)check a page, sometimes with other results or other tasks.
        const report =
          rand() < 0.3
            ? syntheticPages(1, 1 + Math.floor(rand() * 8), rand, Math.floor(rand() * 40))[0]!.report
            : p.report;
        await recordPageReport(db, audit.id, { ...report, url: p.report.url }, meta(`s${step}`), '林', NOW);
      } else if (x < 0.75) {
        const all = await db.findings.toArray();
        const f = all[Math.floor(rand() * all.length)];
        if (f)
          await setVerdict(
            db,
            f.id,
            verdicts[Math.floor(rand() * verdicts.length)]!,
            rand() < 0.5 ? `备注${step}` : undefined,
            rand() < 0.8 ? f.rev : 1,
          );
      } else if (x < 0.85) {
        const page = await db.pages.toCollection().first();
        if (page)
          manual.push(
            (
              await addManualFinding(db, {
                auditId: audit.id,
                pageId: page.id,
                taskId: rand() < 0.5 ? null : 'luoyuan-2017/t9',
                verdict: verdicts[Math.floor(rand() * 4)]!,
                note: '人工',
              })
            ).id,
          );
      } else if (x < 0.9 && manual.length) {
        const id = manual.splice(Math.floor(rand() * manual.length), 1)[0]!;
        const f = await db.findings.get(id);
        if (f) await deleteFinding(db, id, f.rev);
      } else {
        const page = await db.pages.toCollection().first();
        const task = plan.tasks[Math.floor(rand() * plan.tasks.length)]!;
        if (task.clauses[0])
          await recordManualItem(
            db,
            audit.id,
            page?.id ?? null,
            task.id,
            task.clauses[0].id,
            verdicts[Math.floor(rand() * verdicts.length)]!,
            `清单${step}`,
          );
      }
    }
    const stored = (await readTaskCounts(db, audit.id)).sort((a, b) => a.taskKey.localeCompare(b.taskKey));
    const recount = await recountTaskCounts(db, audit.id);
    expect(stored).toEqual(recount);
    expect(recount.length).toBeGreaterThan(20);

    // And coverage says what the findings themselves say.
    const all = await db.findings.where('auditId').equals(audit.id).toArray();
    const pagesByTask = new Map<string, number>();
    for (const p of await db.pages.toArray())
      for (const t of new Set(p.taskIds)) pagesByTask.set(t, (pagesByTask.get(t) ?? 0) + 1);
    const cov = await coverage(db, audit.id, plan);
    for (const t of cov.tasks) {
      const mine = all.filter((f) => f.taskId === t.taskId);
      const task = plan.tasks.find((x) => x.id === t.taskId)!;
      const expected: TaskCoverageStatus =
        mine.length === 0 && (pagesByTask.get(t.taskId) ?? 0) === 0
          ? 'not-visited'
          : mine.some((f) => f.status === 'fail')
            ? 'has-failures'
            : mine.some((f) => f.status === 'needs-review')
              ? 'in-progress'
              : mine.some((f) => f.status === 'pass' && f.taskSpecific !== false)
                ? 'all-pass'
                : task.clauses.length > 0
                  ? 'needs-manual'
                  : 'checked-generic';
      expect(t.status, t.taskId).toBe(expected);
    }
    expect(await rebuildTaskCounts(db, audit.id)).toEqual(recount);
    // Hundreds of IndexedDB transactions: on a loaded machine this takes longer than the default 20 s.
  }, 120_000);
});
