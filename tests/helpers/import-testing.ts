/**
 * Helpers for the import/export tests (never imported by the extension): an audit with pages, findings (verdicts,
 * notes, history), a screenshot, a pin and a whole-site patrol record, written through the real storage functions; a full dump of a database
 * (screenshots' bytes included) to compare before/after; audit data in a comparable form; the two databases of an
 * import, fresh for each test.
 */
import { beforeEach } from 'vitest';
import type { AuditData } from '../../lib/export/audit-data';
import { createAudit } from '../../lib/storage/audits';
import type { Audit, GongkaiDb, SiteRecord } from '../../lib/storage/db';
import { siteRecordId } from '../../lib/storage/ids';
import { addManualFinding, recordPageReport, setVerdict } from '../../lib/storage/findings';
import { setPin } from '../../lib/storage/pins';
import { addScreenshot } from '../../lib/storage/screenshots';
import { saveSiteRecord } from '../../lib/storage/sites';
import { NOW, meta, syntheticReport, type TestDb, withFreshDb } from './storage-testing';

export const URL_A = 'http://www.luoyuan.gov.cn/zwgk/czsz/index.html';
export const URL_B = 'http://www.luoyuan.gov.cn/zwgk/sjgk/index.html';
/** The bytes of a fake PNG image: the PNG signature, then `fill` (imports and restores accept images by signature). */
export function pngBytes(size: number, fill = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}
export const png = (size: number, fill = 7) => new Blob([pngBytes(size, fill)], { type: 'image/png' });
export const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** For each test: two fresh databases, `theirs` holding buildAudit's audit and `ours` empty (an import's two ends). */
export function withTheirsAndOurs(
  label: string,
  take: (fresh: { theirs: TestDb; ours: TestDb; audit: Audit }) => void,
): void {
  let theirs: TestDb;
  let ours: TestDb;
  withFreshDb(`${label}-theirs`, (db) => {
    theirs = db;
  });
  withFreshDb(`${label}-ours`, (db) => {
    ours = db;
  });
  beforeEach(async () => take({ theirs, ours, audit: await buildAudit(theirs) }));
}

export async function buildAudit(db: GongkaiDb): Promise<Audit> {
  const audit = await createAudit(
    db,
    { name: '罗源县巡检', origin: 'www.luoyuan.gov.cn', planId: 'luoyuan-2017' },
    NOW,
  );
  const a = await recordPageReport(
    db,
    audit.id,
    syntheticReport(
      URL_A,
      ['luoyuan-2017/t2'],
      [
        { checkId: 'column-freshness', status: 'fail', args: ['财政收支'], evidence: ['2017-06-01 财政预算'] },
        { checkId: 'periodic-coverage', status: 'pass' },
        {
          checkId: 'template-elements',
          templateId: 'service-guide',
          status: 'fail',
          missing: ['网上支付', '物流快递'],
        },
      ],
    ),
    meta('h1'),
    '林',
    NOW,
  );
  await recordPageReport(
    db,
    audit.id,
    syntheticReport(
      URL_B,
      ['luoyuan-2017/t4'],
      [
        { checkId: 'column-freshness', status: 'pass' },
        { checkId: 'page-meta-tags', status: 'needs-review' },
      ],
    ),
    meta('h2'),
    '林',
    at(1),
  );
  const [f0, f1] = a.findings;
  await setVerdict(db, f0!.id, 'FAIL', '两周未更新', f0!.rev, { inspector: '林', now: at(2) });
  const again = (await db.findings.get(f0!.id))!;
  await setVerdict(db, f0!.id, 'FAIL', '两周未更新，已通知', again.rev, { inspector: '林', now: at(3) });
  await addManualFinding(
    db,
    {
      auditId: audit.id,
      pageId: a.page.id,
      taskId: 'luoyuan-2017/t2',
      verdict: 'FAIL',
      note: '缺少解读',
      severity: 'high',
    },
    { inspector: '林', now: at(4) },
  );
  await addScreenshot(db, audit.id, png(3000), {
    url: URL_A,
    width: 1280,
    height: 800,
    capturedAt: at(5),
    findingId: f1!.id,
  });
  await setPin(db, 'www.luoyuan.gov.cn', '财政收支', ['luoyuan-2017/t2'], at(6));
  await saveSiteRecord(db, sampleSiteRecord(audit.id, 'http://www.luoyuan.gov.cn', at(7)));
  return (await db.audits.get(audit.id))!;
}

/** A whole-site patrol record as a patrol writes one (lib/patrol/site-record.ts), with page text that must be escaped. */
export function sampleSiteRecord(auditId: string, origin: string, patrolledAt: Date, inspector = '林'): SiteRecord {
  return {
    id: siteRecordId(auditId, origin),
    auditId,
    origin,
    start: `${origin}/`,
    patrolledAt: patrolledAt.toISOString(),
    judgedAt: NOW.toISOString(),
    inspector,
    indicators: { id: 'gov-19-2019', ref: '国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》', version: '2019' },
    ended: 'complete',
    pages: 42,
    skipped: { robots: 1, offsite: 2, limit: 0 },
    columns: [
      {
        name: '工作动态',
        url: `${origin}/xwzx/gzdt/`,
        path: ['新闻中心', '工作动态'],
        kind: 'news',
        kindLabel: '动态/要闻',
        latest: '2026-10-01',
        latestTitle: '<img src=x onerror=alert(1)>',
        items: 20,
        status: 'stale',
        ageDays: 57,
        rule: '国办秘函〔2019〕19号 动态/要闻：14 天',
        ruleIsDefault: false,
        explanation: null,
      },
      {
        name: '行政处罚',
        url: `${origin}/zwgk/xzcf/`,
        path: ['政务公开', '行政处罚'],
        kind: null,
        kindLabel: null,
        latest: '2025-06-01',
        latestTitle: '=HYPERLINK("http://evil","x")',
        items: 3,
        status: 'stale',
        ageDays: 545,
        rule: '默认时限（19号未规定此类栏目的更新时限）：366 天',
        ruleIsDefault: true,
        explanation: null,
      },
      {
        name: '规划计划',
        url: `${origin}/zwgk/ghjh/`,
        path: ['政务公开', '规划计划'],
        kind: 'planning',
        kindLabel: '规划计划',
        latest: '2026-11-01',
        latestTitle: '2027年工作计划',
        items: 8,
        status: 'fresh',
        ageDays: 27,
        rule: '国办秘函〔2019〕19号 规划计划：366 天',
        ruleIsDefault: false,
        explanation: null,
      },
    ],
    deadLinks: [
      {
        url: `${origin}/files/missing-report.pdf`,
        verdict: 'dead',
        status: 404,
        detail: 'HTTP 404',
        foundOn: [`${origin}/xwzx/gzdt/1.html`],
        foundCount: 1,
      },
    ],
    suspectedLinks: [],
    externalLinks: [
      {
        url: 'http://www.gov.cn/',
        verdict: 'not-checked',
        status: 0,
        detail: '',
        foundOn: [`${origin}/`],
        foundCount: 1,
      },
    ],
    tasks: [
      {
        taskId: 'luoyuan-2017/t46',
        no: '46',
        title: '征地信息公开',
        columns: [],
        status: 'missing',
      },
    ],
    vetoes: [
      {
        id: 'columns-not-updated',
        name: '栏目不更新',
        triggered: true,
        decided: true,
        threshold: '① ≥ 5（现 5）；② ≥ 10（现 5）',
        source: '19号 单项否决',
        evidence: [`新闻中心 > 工作动态（动态/要闻）最新 2026-10-01，57 天 ${origin}/xwzx/gzdt/`],
      },
      {
        id: 'blank-columns',
        name: '空白栏目',
        triggered: false,
        decided: true,
        threshold: '≥ 5（现 0）',
        source: '19号 单项否决',
        evidence: [],
      },
    ],
    notes: ['sitemap not read (gzip): <b>x</b>'],
  };
}

async function plain(row: unknown): Promise<unknown> {
  if (row && typeof row === 'object' && 'blob' in row && (row as { blob: unknown }).blob instanceof Blob) {
    const blob = (row as { blob: Blob }).blob;
    return { ...row, blob: { type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) } };
  }
  return row;
}

/** Every table's every row (Blobs as their type and bytes), in key order. */
export async function dumpDb(db: GongkaiDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await Promise.all((await table.toArray()).map(plain));
  return out;
}

const byId = <T extends { id: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Audit data in a comparable form: records sorted by id, screenshots' bytes read. Drops the fields an import
 * regenerates (documented in AUDIT-FILE.md): `audit.writeSeq` and each finding's `seq`.
 */
export async function comparable(data: AuditData): Promise<unknown> {
  const { writeSeq: _w, ...audit } = data.audit;
  return {
    audit,
    plan: data.plan?.id ?? null,
    pages: byId(data.pages),
    findings: byId(data.findings).map(({ seq: _s, ...f }) => f),
    screenshots: await Promise.all(byId(data.screenshots).map(plain)),
    pins: byId(data.pins),
    sites: byId(data.sites),
  };
}
