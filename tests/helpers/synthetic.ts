/**
 * Synthetic audit data for the storage tests and the storage benchmark (never imported by the extension): page
 * reports with any number of results, spread over the bundled plan's tasks. No Node module here: the benchmark also
 * runs this in a real browser.
 */
import type { CheckResult, CheckStatus } from '../../lib/checks/types';
import type { PageReport } from '../../lib/engine/inspect-page';
import { luoyuan2017 } from '../../seeds/index';
import type { SnapshotMeta } from '../../lib/storage/findings';

export const NOW = new Date('2026-11-15T08:00:00Z');

export function meta(hash = 'h1'): SnapshotMeta {
  return { hash, siteName: '中国罗源湾', siteIdCode: '3501230001' };
}

export interface SyntheticResult {
  checkId: string;
  templateId?: string;
  status: CheckStatus;
  args?: string[];
  evidence?: string[];
  missing?: string[];
}

export function result(r: SyntheticResult): CheckResult {
  const elements = r.missing?.map((name, i) => ({ id: `e${i}`, name, status: 'missing' as const, required: true }));
  return {
    checkId: r.checkId,
    ...(r.templateId ? { templateId: r.templateId } : {}),
    status: r.status,
    message: { key: `msg-${r.checkId}-${r.status}`, args: r.args ?? [] },
    evidence: (r.evidence ?? []).map((text, i) => ({
      text,
      locator: { frame: [], path: `body > p:nth-child(${i + 1})` },
    })),
    ...(elements ? { elements } : {}),
  };
}

/** A page report with the given matched tasks (best first) and results. */
export function syntheticReport(
  url: string,
  taskIds: string[],
  results: SyntheticResult[],
  title = `页面 ${url}`,
): PageReport {
  return {
    url,
    title,
    column: { name: '财政收支', source: 'breadcrumb', path: ['首页', '政务公开', '财政收支'] },
    pageKind: 'list',
    tasks: taskIds.map((taskId, i) => ({
      taskId,
      no: taskId.replace(/^.*\/t/, ''),
      title: taskId,
      score: 100 - i,
      reasons: [],
    })),
    results: results.map(result),
  };
}

/** A small deterministic random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  '财政收支',
  '政務公開',
  '办事指南',
  '行政处罚',
  '监督电话',
  '网上支付',
  '物流快递',
  '收费依据',
  '征地信息',
  '审计结果',
  '按月更新',
  '解读',
];
const CHECKS = [
  'privacy-leaks',
  'page-meta-tags',
  'column-freshness',
  'periodic-coverage',
  'interpretation-link',
  'validity-mark',
  'metadata-block',
];

/**
 * Synthetic checked pages for volume: page i of the site is matched to plan task (i mod 61) and gets `perPage`
 * results (the real checks, then template-elements over made-up templates), statuses drawn at random (about half
 * pass, a quarter fail), with Chinese message arguments and evidence.
 */
export function syntheticPages(
  count: number,
  perPage: number,
  rand: () => number,
  first = 0,
): Array<{ report: PageReport; meta: SnapshotMeta; now: Date }> {
  const tasks = luoyuan2017.tasks;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pages: Array<{ report: PageReport; meta: SnapshotMeta; now: Date }> = [];
  for (let i = first; i < first + count; i++) {
    const task = tasks[i % tasks.length]!;
    const results: SyntheticResult[] = [];
    for (let k = 0; k < perPage; k++) {
      const x = rand();
      const status: CheckStatus = x < 0.5 ? 'pass' : x < 0.75 ? 'fail' : x < 0.9 ? 'needs-review' : 'not-applicable';
      const word = pick(WORDS);
      results.push({
        checkId: k < CHECKS.length ? CHECKS[k]! : 'template-elements',
        ...(k >= CHECKS.length ? { templateId: `tpl-${k}` } : {}),
        status,
        args: [word, String(Math.floor(rand() * 100))],
        evidence: [`${pick(WORDS)}：第${i}页第${k}项`, `${word}相关内容`],
        ...(status === 'fail' && k >= CHECKS.length ? { missing: [pick(WORDS), pick(WORDS)] } : {}),
      });
    }
    const url = `http://www.luoyuan.gov.cn/c${task.seq}/t2026_${i}.html`;
    pages.push({
      report: syntheticReport(url, [task.id], results, `${task.title.slice(0, 12)} 第${i}页`),
      meta: { hash: `h${i}`, siteName: '中国罗源湾', siteIdCode: '3501230001' },
      now: new Date(NOW.getTime() + i * 1000),
    });
  }
  return pages;
}
