/**
 * Re-checking an audit against another plan: a copy bound to that plan, the pages matched again from what was
 * recorded, every finding filed under the new plan's tasks with what the inspector entered — and the original audit
 * byte-for-byte as it was. Real pages (lib/checks/fixtures) through the real recording path, on fake-indexeddb; the
 * second plan is a real town's plan (tests/real-plans/bzqc-town) through the real importer.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../html/parse-html';
import { snapshotFromHtml } from '../html/snapshot-from-html';
import { inspectPage } from '../engine/inspect-page';
import { templates } from '../../seeds/index';
import { parsePlan } from '../plan/parse-plan';
import { createAudit, getActiveAudit } from '../storage/audits';
import type { GongkaiDb } from '../storage/db';
import { recordManualItem, recordPageReport, snapshotMeta, updateFinding } from '../storage/findings';
import { saveImportedPlan } from '../storage/plans';
import { addScreenshot } from '../storage/screenshots';
import { readTaskCounts, recountTaskCounts } from '../storage/task-counts';
import { freshDb, NOW, plan, realReport } from '../../tests/helpers/storage-testing';
import { refileAudit, TASK_VIEW_LEFT_OUT } from './refile';
import { sampleSiteRecord } from '../../tests/helpers/import-testing';

let db: GongkaiDb & { dispose(): Promise<void> };
let auditId: string;

const PAGES = [
  ['template-elements/guide-missing-delivery.html', 'http://www.luoyuan.gov.cn/bsfw/bszn/5001.html'],
  ['template-elements/penalty-synonyms.html', 'http://www.luoyuan.gov.cn/zwgk/xzcf/4001.html'],
  ['column-freshness/monthly-stale.html', 'http://www.luoyuan.gov.cn/zwgk/czsz/index.html'],
] as const;

async function dump(id: string) {
  return {
    audit: await db.audits.get(id),
    pages: await db.pages.where('auditId').equals(id).sortBy('id'),
    findings: await db.findings.where('auditId').equals(id).sortBy('id'),
    shots: (await db.screenshots.where('auditId').equals(id).sortBy('id')).map(({ blob, ...s }) => ({
      ...s,
      size: blob.size,
    })),
    counts: await readTaskCounts(db, id),
    sites: await db.sites.where('auditId').equals(id).toArray(),
  };
}

beforeEach(async () => {
  db = await freshDb('refile');
  const audit = await createAudit(
    db,
    { name: '罗源县巡检', origin: 'http://www.luoyuan.gov.cn', planId: plan.id },
    NOW,
  );
  auditId = audit.id;
  for (const [fixture, url] of PAGES) {
    const { snapshot, report } = realReport(fixture, url);
    await recordPageReport(db, auditId, report, snapshotMeta(snapshot), '林', NOW);
  }
  const guide = (await db.findings.where('auditId').equals(auditId).toArray()).find(
    (f) => f.templateId === 'service-guide',
  )!;
  await updateFinding(
    db,
    guide.id,
    { note: '缺网上支付', severity: 'high', rectification: { status: 'fixing', due: '2026-12-31' } },
    guide.rev,
    { inspector: '林', now: NOW },
  );
  await addScreenshot(db, auditId, new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2])], { type: 'image/png' }), {
    url: PAGES[0][1],
    width: 10,
    height: 10,
    capturedAt: NOW,
    findingId: guide.id,
  });
  await db.sites.put(sampleSiteRecord(auditId, 'http://www.luoyuan.gov.cn', NOW));
  const task = plan.tasks.find((t) => t.clauses.length > 0)!;
  await recordManualItem(db, auditId, null, task.id, task.clauses[0]!.id, 'FAIL', '未公开', {
    inspector: '王',
    now: NOW,
  });
});

afterEach(async () => {
  await db.dispose();
});

async function otherPlan(): Promise<string> {
  const html = readFileSync(join(import.meta.dirname, '../../tests/real-plans/bzqc-town/table.html'), 'utf8');
  const parsed = parsePlan(html, { parseHtml: parseHtmlDocument });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return (await saveImportedPlan(db, parsed.plan, parsed.warnings, { kind: 'file', name: 'table.html' }, NOW)).id;
}

describe('re-checking an audit against another plan', () => {
  it('makes a copy filed under the new plan, carries what people entered, and leaves the original as it was', async () => {
    const planId = await otherPlan();
    const before = await dump(auditId);
    const summary = await refileAudit(db, auditId, planId, { now: NOW });
    expect(await dump(auditId)).toEqual(before);

    const copy = await dump(summary.auditId);
    expect(copy.audit!.planId).toBe(planId);
    expect(copy.audit!.name).toMatch(/^罗源县巡检（按“.+”重新检查）$/);
    expect((await getActiveAudit(db))?.id).toBe(summary.auditId);
    expect(copy.pages).toHaveLength(before.pages.length);
    expect(copy.findings).toHaveLength(before.findings.length);
    expect(summary).toMatchObject({ pages: 3, findings: before.findings.length, unfiled: 1 });
    const stored = await db.plans.get(planId);
    const taskIds = new Set(stored!.plan.tasks.map((t) => t.id));
    for (const f of copy.findings) if (f.taskId !== null) expect(taskIds.has(f.taskId), f.taskId).toBe(true);
    for (const p of copy.pages) for (const id of p.taskIds) expect(taskIds.has(id)).toBe(true);
    expect(copy.findings.filter((f) => f.taskId !== null)).toHaveLength(summary.filed);
    expect(summary.filed).toBeGreaterThan(0);

    const guide = copy.findings.find((f) => f.templateId === 'service-guide')!;
    expect(guide).toMatchObject({ note: '缺网上支付', severity: 'high', inspector: '林' });
    expect(taskIds.has(guide.taskId!)).toBe(true);
    expect(guide.rectification).toEqual({ status: 'fixing', due: '2026-12-31' });
    expect(guide.screenshotIds).toHaveLength(1);
    expect(copy.shots.map((s) => [s.id, s.findingId, s.size])).toEqual([[guide.screenshotIds[0], guide.id, 6]]);
    // The answer about a clause of the old plan: kept, with its text, under no task.
    const answer = copy.findings.find((f) => f.kind === 'manual')!;
    expect(answer).toMatchObject({ taskId: null, verdict: 'FAIL', note: '未公开', inspector: '王' });
    expect(answer.message?.args[0]).toBeTruthy();
    // The patrol's site record comes along, without the old plan's task view (said in its notes).
    expect(copy.sites).toHaveLength(1);
    expect(copy.sites[0]).toMatchObject({ auditId: summary.auditId, tasks: [], columns: before.sites[0]!.columns });
    expect(copy.sites[0]!.notes).toContain(TASK_VIEW_LEFT_OUT);
    // No id is shared with the original; counts agree with the findings.
    const originalIds = new Set([...before.findings, ...before.pages].map((r) => r.id));
    for (const r of [...copy.findings, ...copy.pages]) expect(originalIds.has(r.id)).toBe(false);
    expect([...copy.counts].sort((a, b) => a.taskKey.localeCompare(b.taskKey))).toEqual(
      await recountTaskCounts(db, summary.auditId),
    );
  });

  it('against its own plan, the pages get the tasks they were recorded with (the location read back is the page’s)', async () => {
    const before = await dump(auditId);
    const summary = await refileAudit(db, auditId, plan.id, { now: NOW });
    const copy = await dump(summary.auditId);
    const byUrl = (pages: typeof before.pages) => Object.fromEntries(pages.map((p) => [p.url, p.taskIds]));
    expect(byUrl(copy.pages)).toEqual(byUrl(before.pages));
    const tasks = (findings: typeof before.findings) =>
      findings.map((f) => `${f.url}|${f.checkId}|${f.templateId ?? ''}|${f.taskId}`).sort();
    expect(tasks(copy.findings)).toEqual(tasks(before.findings));
    expect(summary.unfiled).toBe(0);
  });

  it('keeps a page whose tasks were only proposed tentatively under no task, as it was recorded', async () => {
    // 稳岗就业: 罗源's tasks 22 and 36 only mention 就业 in their requirements (a tentative answer, filed under no task).
    const url = 'http://www.luoyuan.gov.cn/zdly/wgjy/index.html';
    const rows = Array.from(
      { length: 4 },
      (_, i) =>
        `<li><a href="/zdly/wgjy/t${i}.html">关于稳岗返还第${i}批名单的公示公告</a><span>2026-11-0${i + 1}</span></li>`,
    ).join('');
    const snapshot = snapshotFromHtml(
      `<html><body><div>当前位置：<a href="/">首页</a> &gt; <a href="/zdly/">重点领域信息公开</a> &gt; <a href="/zdly/wgjy/">稳岗就业</a></div><ul>${rows}</ul></body></html>`,
      url,
    );
    const report = inspectPage(snapshot, { plan, templates: new Map(templates.map((t) => [t.id, t])), now: NOW });
    expect(report.noTask?.key).toBe('matchTentative');
    await recordPageReport(db, auditId, report, snapshotMeta(snapshot), '林', NOW);
    const summary = await refileAudit(db, auditId, plan.id, { now: NOW });
    const copied = (await db.pages.where('auditId').equals(summary.auditId).toArray()).find((p) => p.url === url);
    expect(copied?.taskIds).toEqual([]);
  });

  it('refuses an unknown plan or audit with the database unchanged', async () => {
    const before = await dump(auditId);
    await expect(refileAudit(db, auditId, 'no-such-plan')).rejects.toThrow(/auditPlanUnknown/);
    await expect(refileAudit(db, 'a-none', plan.id)).rejects.toThrow(/auditUnknown/);
    expect(await dump(auditId)).toEqual(before);
    expect(await db.audits.count()).toBe(1);
  });
});
