/**
 * Export benchmark: builds an audit of 100,000 synthetic findings in memory (no database: Finding-shaped objects made
 * from lib/storage/synthetic.ts's pages) and times the CSV and XLSX exports against their budgets (CSV ≤ 3 s, XLSX
 * ≤ 20 s), with the process's peak resident memory. Exits 1 when an export is over budget.
 *
 *   npx tsx scripts/bench-export.ts [findings]
 */
import { exportCsv } from '../lib/export/csv';
import { exportXlsx } from '../lib/export/xlsx';
import type { AuditData } from '../lib/export/audit-data';
import type { Audit, Finding, Screenshot, StoredPage } from '../lib/storage/db';
import { NOW, seeded, syntheticPages } from '../tests/helpers/synthetic';
import { luoyuan2017 } from '../seeds/index';

const PER_PAGE = 10;

export function syntheticAuditData(findingCount: number): AuditData {
  const at = NOW.toISOString();
  const audit: Audit = {
    id: 'a-bench',
    name: '罗源县政府网站 2026 年检查',
    origin: 'http://www.luoyuan.gov.cn',
    planId: luoyuan2017.id,
    inspector: '张三',
    status: 'active',
    createdAt: at,
    updatedAt: at,
    rev: 1,
    writeSeq: 1,
    deleteSeq: 0,
  };
  const pages: StoredPage[] = [];
  const findings: Finding[] = [];
  const screenshots: Screenshot[] = [];
  const generated = syntheticPages(Math.ceil(findingCount / PER_PAGE), PER_PAGE, seeded(7));
  for (const [p, { report, meta, now }] of generated.entries()) {
    const pageId = `p${p}`;
    const time = now.toISOString();
    pages.push({
      id: pageId,
      auditId: audit.id,
      url: report.url,
      title: report.title,
      column: report.column,
      pageKind: report.pageKind,
      siteName: meta.siteName,
      siteIdCode: meta.siteIdCode,
      snapshotHash: meta.hash,
      taskIds: report.tasks.map((x) => x.taskId),
      firstVisitedAt: time,
      visitedAt: time,
      visits: 1,
      rev: 1,
    });
    for (const [k, r] of report.results.entries()) {
      if (findings.length >= findingCount) break;
      const shot = r.status === 'fail' && k === 0 ? `s${p}` : null;
      if (shot)
        screenshots.push({
          id: shot,
          auditId: audit.id,
          blob: new Blob([]),
          url: report.url,
          capturedAt: time,
          width: 1280,
          height: 800,
        });
      const missing = (r.elements ?? []).map((e) => ({ id: e.id, name: e.name, status: 'missing' as const }));
      findings.push({
        id: `f${p}-${k}`,
        auditId: audit.id,
        pageId,
        url: report.url,
        title: report.title,
        taskId: report.tasks[0]?.taskId ?? null,
        kind: 'auto',
        checkId: r.checkId,
        ...(r.templateId ? { templateId: r.templateId } : {}),
        machineStatus: r.status,
        message: r.message,
        details: [],
        evidence: r.evidence,
        elements: r.elements ?? [],
        missing,
        status: r.status,
        verdict: null,
        note: k === 1 ? '=请复核' : '',
        severity: null,
        rectification: r.status === 'fail' ? { status: 'open', due: '2026-12-31' } : null,
        hasNote: k === 1 ? 1 : 0,
        screenshotIds: shot ? [shot] : [],
        hasScreenshot: shot ? 1 : 0,
        inspector: '张三',
        verdictBy: null,
        verdictAt: null,
        editedBy: null,
        createdAt: time,
        updatedAt: time,
        rev: 1,
        fieldRevs: {},
        history: [],
        seq: 1,
        sortKey: '',
        search: '',
      });
    }
  }
  return { audit, plan: luoyuan2017, pages, findings, screenshots, pins: [], sites: [] };
}

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

function line(ok: boolean, label: string, seconds: number, budget: number, extra = ''): string {
  return ` ${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(48)} ${seconds.toFixed(1).padStart(5)} s   budget ≤ ${budget} s${extra}`;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const n = count.toLocaleString('en-US');
  const sampler = setInterval(sample, 20);
  const data = syntheticAuditData(count);
  sample();
  let failed = false;

  const csv = await timed(() => exportCsv(data, 'zh_CN'));
  sample();
  failed ||= csv.seconds > 3;
  console.log(
    line(
      csv.seconds <= 3,
      `CSV export of ${n} findings`,
      csv.seconds,
      3,
      `   ${(Buffer.byteLength(csv.value) / 1e6).toFixed(1)} MB`,
    ),
  );

  const xlsx = await timed(() => exportXlsx(data, 'zh_CN'));
  sample();
  failed ||= xlsx.seconds > 20;
  console.log(
    line(
      xlsx.seconds <= 20,
      `XLSX export of ${n} findings`,
      xlsx.seconds,
      20,
      `   ${(xlsx.value.byteLength / 1e6).toFixed(1)} MB`,
    ),
  );

  clearInterval(sampler);
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  console.log(`      peak memory (RSS high-water mark)                 ${(maxRss / 2 ** 20).toFixed(0)} MB`);
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
