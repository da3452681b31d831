/**
 * Helpers for the import/export tests (never imported by the extension): an audit with pages, findings (verdicts,
 * notes, history), a screenshot and a pin, written through the real storage functions; a full dump of a database
 * (screenshots' bytes included) to compare before/after; audit data in a comparable form.
 */
import type { AuditData } from '../export/audit-data';
import { createAudit } from '../storage/audits';
import type { Audit, GongkaiDb } from '../storage/db';
import { addManualFinding, recordPageReport, setVerdict } from '../storage/findings';
import { setPin } from '../storage/pins';
import { addScreenshot } from '../storage/screenshots';
import { NOW, meta, syntheticReport } from '../storage/testing';

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
  return (await db.audits.get(audit.id))!;
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
  };
}
