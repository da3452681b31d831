/**
 * The evidence lines of the patrol's vetoes in the interface's language: written in Chinese exactly as before (site
 * record, findings, audit file), shown in English in English — the findings' details (formatIn: CLI and exports; tm in
 * the panel goes through the same localiseArgs) and the HTML report's site section — with the page text they quote (a
 * title, a column's path, the missing element names) as printed.
 */
import { describe, expect, it } from 'vitest';
import { bundledPlans } from '../seeds/index';
import { ColumnTree, type ColumnRecord, type ListReading } from './crawl/column-tree';
import { GOV_19_2019, parseIndicatorSet } from './crawl/indicators';
import { siteResults } from './crawl/site-results';
import { siteVerdict, type VerdictInput } from './crawl/site-verdict';
import { siteSection } from './export/site-section';
import { formatIn } from './i18n-catalog';
import { patrolEvidenceEn, patrolEvidenceIn } from './patrol-evidence';
import type { SiteRecord } from './storage/db';

const NOW = new Date('2026-11-28T04:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString().slice(0, 10);

function reading(latestDaysAgo: number, tag: string): ListReading {
  const items = [0, 1].map((i) => ({
    title: `${tag} 第${i}条`,
    href: `http://portal.test/${tag}/${i}.html`,
    date: daysAgo(latestDaysAgo + i),
  }));
  return { items, explanation: null, scriptBuilt: false, fingerprint: items.map((i) => i.href).join('|') };
}

/** A 动态/要闻 column 40 days old, and the same column as if its list had no dates. */
function columns(): ColumnRecord[] {
  const tree = new ColumnTree(GOV_19_2019, bundledPlans[0]!);
  tree.add(
    'http://portal.test/工作动态/',
    { name: '工作动态', source: 'meta', path: ['信息公开', '工作动态'] },
    reading(40, '工作动态'),
    [],
  );
  const [stale] = tree.finish(NOW);
  return [
    stale!,
    { ...stale!, url: 'http://portal.test/要闻/', latest: null, ageDays: null, status: 'undated' as const },
  ];
}

const found: VerdictInput = {
  home: { url: 'http://portal.test/', latest: daysAgo(30), latestTitle: '首页新闻（2 天）' },
  columns: columns(),
  messages: [{ title: '咨询：办证要多久？', asked: daysAgo(100), answered: null, url: 'http://portal.test/ly/1.html' }],
  consultationColumns: 1,
  guides: {
    checked: 3,
    incomplete: [
      { url: 'http://portal.test/bs/1.html', title: '户籍迁移 办事指南', missing: ['设定依据', '办理时限'] },
    ],
  },
};

const nothing: VerdictInput = {
  home: { url: 'http://portal.test/', latest: null, latestTitle: null },
  columns: [],
  messages: [],
  consultationColumns: 0,
  guides: { checked: 0, incomplete: [] },
};

const evidenceOf = (input: VerdictInput) => siteVerdict(GOV_19_2019, input, NOW).flatMap((v) => v.evidence);

/** Each kind of evidence line, as patrols wrote it before and still write it, and its English. */
const LINES: Array<[string, string]> = [
  [
    `首页最新信息 ${daysAgo(30)}（30 天）首页新闻（2 天） http://portal.test/`,
    `Newest item on the home page ${daysAgo(30)} (30 days) 首页新闻（2 天） http://portal.test/`,
  ],
  [
    `信息公开 > 工作动态（动态/要闻）最新 ${daysAgo(40)}，40 天 http://portal.test/工作动态/`,
    `信息公开 > 工作动态 (News / headlines) newest item ${daysAgo(40)}, 40 days http://portal.test/工作动态/`,
  ],
  [
    '信息公开 > 工作动态（动态/要闻）无日期 http://portal.test/要闻/',
    '信息公开 > 工作动态 (News / headlines) no dated item http://portal.test/要闻/',
  ],
  [
    `留言 ${daysAgo(100)} 未答复（100 天）咨询：办证要多久？ http://portal.test/ly/1.html`,
    `Message of ${daysAgo(100)} unanswered (100 days) 咨询：办证要多久？ http://portal.test/ly/1.html`,
  ],
  [
    '户籍迁移 办事指南 缺 设定依据、办理时限 http://portal.test/bs/1.html',
    '户籍迁移 办事指南 lacks 设定依据、办理时限 http://portal.test/bs/1.html',
  ],
];

const NOTHING_LINES: Array<[string, string]> = [
  [
    '首页没有带日期的信息（按未更新计） http://portal.test/',
    'No dated item on the home page (counted as not updated) http://portal.test/',
  ],
  ['未发现政务咨询栏目或留言', 'No 政务咨询 (consultation) column or message found'],
  ['未发现办事指南', 'No 办事指南 (service guide) found'],
];

describe('the vetoes’ evidence lines', () => {
  it('are written in Chinese as before (the site record, the findings and the audit file keep their shape)', () => {
    const lines = evidenceOf(found);
    for (const [zh] of LINES) expect(lines).toContain(zh);
    expect(evidenceOf(nothing)).toEqual(NOTHING_LINES.map(([zh]) => zh));
    expect(evidenceOf({ ...nothing, home: null })[0]).toBe('首页未能读取');
  });

  it('are said in English in English, page text as printed, and unchanged in Chinese', () => {
    for (const [zh, en] of [...LINES, ...NOTHING_LINES, ['首页未能读取', 'The home page could not be read']]) {
      expect(patrolEvidenceIn(zh!, 'en')).toBe(en);
      expect(patrolEvidenceIn(zh!, 'zh_CN')).toBe(zh);
    }
  });

  it('are in English in the findings’ details and in the HTML report’s site section', () => {
    const vetoes = siteVerdict(GOV_19_2019, found, NOW);
    const details = siteResults(GOV_19_2019, vetoes, [], [], found.columns)
      .filter((r) => r.checkId === 'site-veto')
      .flatMap((r) => r.details ?? []);
    const en = details.map((d) => formatIn('en', d));
    const zh = details.map((d) => formatIn('zh_CN', d));
    for (const [zhLine, enLine] of LINES) {
      expect(en).toContain(enLine);
      expect(zh).toContain(zhLine);
    }
    const site = {
      indicators: { id: GOV_19_2019.id, ref: GOV_19_2019.ref, version: GOV_19_2019.version },
      vetoes: vetoes.map((v) => ({ ...v, name: GOV_19_2019.vetoes[v.id].name })),
      columns: [],
      start: 'http://portal.test/',
      origin: 'http://portal.test',
      patrolledAt: NOW.toISOString(),
      pages: 3,
      ended: 'complete',
      inspector: '',
      deadLinks: [],
      suspectedLinks: [],
      externalLinks: [],
      tasks: [],
      notes: [],
    } as unknown as SiteRecord;
    const html = siteSection('en', [site]);
    expect(html).toContain(`<li class="ev">Newest item on the home page ${daysAgo(30)} (30 days) 首页新闻（2 天）`);
    expect(html).toContain('户籍迁移 办事指南 lacks 设定依据、办理时限');
    expect(html).not.toContain('首页最新信息');
    expect(siteSection('zh_CN', [site])).toContain(`<li class="ev">首页最新信息 ${daysAgo(30)}（30 天）`);
  });

  it('leaves text that is no evidence line of the patrol (a page’s own explanation) as written', () => {
    expect(patrolEvidenceEn('本栏目暂无信息')).toBe('本栏目暂无信息');
    expect(patrolEvidenceEn('材料 缺 原件 请补齐')).toBe('材料 缺 原件 请补齐');
    const explained = { key: 'patrolEvidence', args: ['因机构改革，本栏目暂停更新'] };
    expect(formatIn('en', explained)).toBe('因机构改革，本栏目暂停更新');
  });

  it('keeps the bundled wording for evidence lines an indicator file does not word', () => {
    const { evidence: _omitted, ...rest } = JSON.parse(JSON.stringify(GOV_19_2019));
    const set = parseIndicatorSet(JSON.stringify(rest));
    expect(siteVerdict(set, nothing, NOW).flatMap((v) => v.evidence)).toEqual(NOTHING_LINES.map(([zh]) => zh));
  });
});
