/**
 * Audits for the exporter tests, built through the real recording path (createAudit, recordPageReport,
 * updateFinding, addScreenshot) on fake-indexeddb, then read with loadAuditData. Never imported by the extension.
 */
import 'fake-indexeddb/auto';
import { createAudit } from '../../lib/storage/audits';
import { recordPageReport, updateFinding } from '../../lib/storage/findings';
import { addScreenshot } from '../../lib/storage/screenshots';
import { NOW, freshDb, meta, seeded, syntheticPages, syntheticReport } from './storage-testing';
import { loadAuditData, type AuditData } from '../../lib/export/audit-data';

export const HOSTILE = {
  title: '<script>alert(1)</script>',
  evidence: '<img src=x onerror=alert(1)>',
  notes: ['=HYPERLINK("http://evil","x")', '@SUM(A1)', '+1', '-1'],
  /** Notes are trimmed when saved, so the tab-leading value comes in as evidence text. */
  tabEvidence: '\t=1+2',
};

export async function buildAudit(pageCount = 6): Promise<{ data: AuditData; dispose(): Promise<void> }> {
  const db = await freshDb('export');
  const audit = await createAudit(
    db,
    { name: '2026年第四季度巡检', origin: 'http://www.luoyuan.gov.cn', planId: 'luoyuan-2017' },
    NOW,
  );
  for (const { report, meta: m, now } of syntheticPages(pageCount, 4, seeded(3)))
    await recordPageReport(db, audit.id, report, m, '张三', now);
  const hostile = syntheticReport(
    'http://www.luoyuan.gov.cn/evil.html',
    ['luoyuan-2017/t1'],
    [...HOSTILE.notes, ''].map((_, i) => ({
      checkId: 'template-elements',
      templateId: `tpl-${i}`,
      status: 'fail' as const,
      args: ['x, "y"\n'],
      evidence: [i === HOSTILE.notes.length ? HOSTILE.tabEvidence : HOSTILE.evidence],
      missing: ['发布机构'],
    })),
    HOSTILE.title,
  );
  const recorded = await recordPageReport(db, audit.id, hostile, meta('hx'), '张三', NOW);
  const ids = (await db.findings.where('auditId').equals(audit.id).toArray()).filter((f) =>
    f.url.endsWith('/evil.html'),
  );
  for (const [i, f] of ids.entries()) {
    if (i >= HOSTILE.notes.length) continue;
    await updateFinding(
      db,
      f.id,
      { note: HOSTILE.notes[i]!, rectification: { status: 'open', due: '2026-12-31' } },
      f.rev,
      { inspector: '李四', now: NOW },
    );
  }
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  await addScreenshot(db, audit.id, new Blob([png], { type: 'image/png' }), {
    url: hostile.url,
    width: 10,
    height: 10,
    capturedAt: NOW,
    findingId: ids[0]!.id,
  });
  void recorded;
  const data = await loadAuditData(db, audit.id);
  return { data, dispose: () => db.dispose() };
}

/** RFC 4180 parser (for checking the CSV writer). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 2;
      continue;
    }
    if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
    i += 1;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
