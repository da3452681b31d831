/** The facts the seed plan must hold, on a fresh parse of seeds/luoyuan-2017/source.txt with its overrides. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../text/normalize';
import type { Plan, Task } from './model';
import { loadOverrides } from './overrides';
import { parsePlan } from './parse-plan';

const seedDir = resolve(import.meta.dirname, '../../seeds/luoyuan-2017');
const source = readFileSync(resolve(seedDir, 'source.txt'), 'utf8');
const overrides = loadOverrides(JSON.parse(readFileSync(resolve(seedDir, 'overrides.json'), 'utf8')));

function parseSeed(withOverrides = true) {
  const r = parsePlan(source, { kind: 'text', id: 'luoyuan-2017', ...(withOverrides ? { overrides } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const { plan, warnings } = parseSeed();
const byId = (id: string): Task => {
  const t = plan.tasks.find((x) => x.id === `luoyuan-2017/${id}`);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};
const names = (...published: string[]): string[] => published.map(normalizeLabel);
const periods = (t: Task): string[] => t.frequencies.map((f) => f.period);
const templatesOf = (t: Task): string[] => t.elements.map((e) => e.template);

describe('seed plan: table', () => {
  it('has 61 tasks under 6 categories', () => {
    expect(plan.tasks).toHaveLength(61);
    expect(plan.categories).toHaveLength(6);
    expect(plan.categories.map((c) => c.titleNormalized)).toEqual([
      '以政务公开助力稳增长',
      '以政务公开助力促改革',
      '以政务公开助力调结构',
      '以政务公开助力惠民生',
      '以政务公开助力防风险',
      '增强政务公开实效',
    ]);
    expect(plan.groups.length).toBeGreaterThanOrEqual(20);
    expect(plan.groups[0]?.title).toBe('加強預期引導');
  });

  it('numbers tasks as printed, 1–59 with 58 and 59 twice under distinct ids', () => {
    const nos = plan.tasks.map((t) => t.no);
    expect(nos.filter((n) => n === '58')).toHaveLength(2);
    expect(nos.filter((n) => n === '59')).toHaveLength(2);
    expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(61);
    expect(byId('t58a').title).toBe('加強政府網站建設');
    expect(byId('t59a').title).toBe('用好管好政務新媒體');
    expect(byId('t58b').title).toBe('加強政府信息查閱場所工作');
    expect(byId('t59b').title).toBe('加強和規範依申請公開工作');
    expect(plan.tasks.map((t) => t.seq)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
  });

  it('reads row 15 without its dot', () => {
    expect(byId('t15').no).toBe('15');
    expect(byId('t15').title).toBe('規範公開辦事指南事項');
    expect(byId('t15').titleNormalized).toBe('规范公开办事指南事项');
  });

  it('files tasks under their category and group', () => {
    expect(byId('t1').category).toBe('luoyuan-2017/k1');
    expect(byId('t1').group).toBe('luoyuan-2017/k1g1');
    expect(byId('t59b').category).toBe('luoyuan-2017/k6');
    const g = plan.groups.find((x) => x.id === byId('t59b').group);
    expect(g?.titleNormalized).toBe('依法规范依申请公开工作');
  });
});

describe('seed plan: units', () => {
  it('task 1 has no lead unit', () => {
    expect(byId('t1').lead.units).toEqual([]);
    expect(byId('t1').lead.published).toBe('');
    expect(byId('t1').responsible.units).toEqual(names('縣新聞協調辦', '縣直各單位', '各鄉鎮', '開發區'));
  });

  it('20 inherits the units of 19 (縣財政局, 縣國資中心)', () => {
    const t20 = byId('t20');
    expect(t20.lead.units).toEqual(names('縣財政局', '縣國資中心'));
    expect(t20.lead.units).toEqual(['县财政局', '县国资中心']);
    expect(t20.lead.inheritedFrom).toBe('luoyuan-2017/t19');
    expect(t20.responsible.inheritedFrom).toBe('luoyuan-2017/t19');
    expect(t20.responsible.units).toEqual(byId('t19').responsible.units);
    expect(byId('t19').lead.inheritedFrom).toBeNull();
  });

  it.each([
    ['t22', 't21'],
    ['t23', 't21'],
    ['t37', 't36'],
    ['t42', 't41'],
    ['t44', 't43'],
  ])('%s inherits the units of %s', (child, parent) => {
    const c = byId(child);
    const p = byId(parent);
    expect(c.lead.inheritedFrom).toBe(`luoyuan-2017/${parent}`);
    expect(c.responsible.inheritedFrom).toBe(`luoyuan-2017/${parent}`);
    expect(c.lead.units).toEqual(p.lead.units);
    expect(c.responsible.units).toEqual(p.responsible.units);
    expect(c.lead.published).toBe(p.lead.published);
  });

  it('inherits nowhere else', () => {
    const inheriting = plan.tasks.filter((t) => t.lead.inheritedFrom !== null || t.responsible.inheritedFrom !== null);
    expect(inheriting.map((t) => t.no)).toEqual(['20', '22', '23', '37', '42', '44']);
  });

  it('reads two blank lines as an empty 牵头单位 and keeps stacked leads together', () => {
    for (const no of ['t8', 't41', 't48', 't50', 't52', 't53', 't54', 't55', 't56', 't57', 't59b']) {
      expect(byId(no).lead.units, no).toEqual([]);
    }
    expect(byId('t19').lead.units).toEqual(['县财政局', '县国资中心']);
    expect(byId('t58b').lead.units).toEqual(['县档案局', '县科技文体局']);
    expect(byId('t46').lead.units).toEqual(['县国土局']);
  });

  it('applies the reviewed boundary of row 5', () => {
    expect(byId('t5').lead.units).toEqual(['县财政局', '县商务局', '县国税局', '县地税局', '县发改局']);
    expect(byId('t5').responsible.units).toEqual(['各乡镇']);
    expect(byId('t6').responsible.units).toEqual(['收费执行单位']);
  });

  it('restores elided prefixes and applies the reviewed aliases', () => {
    expect(byId('t11').responsible.units).toEqual([
      '县环保局',
      '县林业局',
      '县财政局',
      '县住建局',
      '县国土局',
      '各乡镇',
      '开发区',
    ]);
    expect(byId('t28').responsible.units).toContain('县市场监督管理局');
    expect(byId('t3').responsible.units).toEqual(['县新闻协调办', '各乡镇']);
    expect(byId('t51').responsible.units).toEqual(['县直各单位', '各乡镇', '开发区']);
    expect(byId('t35').responsible.units).toContain('县海洋与渔业局');
    expect(byId('t41').responsible.units).toEqual([
      '县金融办',
      '县财政局',
      '人行罗源中心支行',
      '银监办',
      '各乡镇',
      '开发区',
    ]);
  });
});

describe('seed plan: requirements and checklist', () => {
  it.each(['t31', 't35', 't40', 't48', 't50'])('%s has no 工作要求; its checklist is its title', (id) => {
    const t = byId(id);
    expect(t.requirements).toBe('');
    expect(t.clauses).toEqual([{ id: `${t.id}/c1`, text: t.title, source: 'title' }]);
  });

  it('keeps requirements as published and splits them into sentences', () => {
    const t15 = byId('t15');
    expect(t15.requirements.startsWith('繼續深化辦事指南規範化工作')).toBe(true);
    expect(t15.clauses.length).toBeGreaterThanOrEqual(6);
    expect(t15.clauses.map((c) => c.text).join('')).toBe(t15.requirements);
    expect(t15.clauses[0]?.id).toBe('luoyuan-2017/t15/c1');
    expect(byId('t52').requirements).toBe('確定試點單位,出台試點方案,確保取得實效。');
    expect(byId('t51').requirements).toBe('2017年底前完成全县政務公開目录体系编制工作。');
  });
});

describe('seed plan: element lists', () => {
  it('task 15 references 办事指南 (22 + 9) and 行政处罚结果 (4)', () => {
    const t15 = byId('t15');
    expect(templatesOf(t15)).toEqual(['service-guide', 'service-guide-material', 'penalty-result']);
    const guide = t15.elements.find((e) => e.template === 'service-guide');
    expect(guide?.matched).toBe(22);
    expect(guide?.listed).toHaveLength(22);
    expect(guide?.listed[0]).toBe('事项名称');
    expect(t15.elements.find((e) => e.template === 'service-guide-material')?.matched).toBe(9);
    expect(t15.elements.find((e) => e.template === 'penalty-result')?.matched).toBe(4);
    expect(t15.elements.find((e) => e.template === 'penalty-result')?.listed[0]).toBe('被处罚者的名称');
  });

  it('task 34 references both 环评 templates', () => {
    expect(templatesOf(byId('t34'))).toEqual(['eia-acceptance', 'eia-approval-pending']);
    expect(byId('t34').elements.map((e) => e.matched)).toEqual([7, 10]);
  });

  it('task 49 references the 征集 (3) and 反馈报告 (4) templates', () => {
    expect(byId('t49').elements.map((e) => [e.template, e.matched])).toEqual([
      ['normative-doc-consultation', 3],
      ['consultation-feedback-report', 4],
    ]);
  });

  it('task 45 references the 棚改 template, task 17 the 随机抽查 one', () => {
    expect(byId('t45').elements.map((e) => [e.template, e.matched])).toEqual([['shantytown-land-plan', 4]]);
    expect(templatesOf(byId('t17'))).toEqual(['random-inspection']);
  });

  it('references no template from rows without an element list', () => {
    const withLists = plan.tasks.filter((t) => t.elements.length > 0).map((t) => t.no);
    expect(withLists).toEqual(['15', '17', '34', '45', '49']);
  });

  it('lists the templates used', () => {
    expect(plan.templates).toContain('service-guide');
    expect(plan.templates).toContain('powers-responsibilities-list');
    expect([...plan.templates].sort()).toEqual(plan.templates);
  });
});

describe('seed plan: frequencies and deadlines', () => {
  it('task 34: monthly (饮用水水源水质), two quarterly, one yearly', () => {
    const t34 = byId('t34');
    const monthly = t34.frequencies.filter((f) => f.period === 'monthly');
    expect(monthly).toHaveLength(1);
    expect(monthly[0]?.subject).toContain('饮用水水源水质');
    expect(t34.frequencies.filter((f) => f.period === 'quarterly')).toHaveLength(2);
    expect(t34.frequencies.filter((f) => f.period === 'yearly')).toHaveLength(1);
    expect(t34.frequencies).toHaveLength(4);
  });

  it('tasks 2, 20 and 45 are monthly; 3 monthly and quarterly; 16 and 46 quarterly', () => {
    expect(periods(byId('t2'))).toContain('monthly');
    expect(periods(byId('t20'))).toContain('monthly');
    expect(periods(byId('t45'))).toContain('monthly');
    expect(new Set(periods(byId('t3')))).toEqual(new Set(['monthly', 'quarterly']));
    expect(periods(byId('t16'))).toContain('quarterly');
    expect(periods(byId('t46'))).toEqual(['quarterly']);
  });

  it('reads 定期 (9, 29, 39) but not 不定期 (19, 20)', () => {
    for (const id of ['t9', 't29', 't39']) expect(periods(byId(id)), id).toContain('periodic');
    expect(periods(byId('t19'))).toEqual([]);
    expect(periods(byId('t20'))).toEqual(['monthly']);
  });

  it('task 57: deadlines of 5 hours and 24 hours', () => {
    const within = byId('t57').deadlines.filter((d) => d.kind === 'within');
    expect(within.map((d) => [d.amount, d.unit])).toEqual([
      [5, 'hour'],
      [24, 'hour'],
    ]);
    expect(within.map((d) => d.action)).toEqual(['发布权威信息', '举行新闻发布会']);
  });

  it('dated targets: 2017年底前 (51, 58), 年内 (17, 18)', () => {
    for (const id of ['t51', 't58a', 't17', 't18']) {
      expect(byId(id).deadlines, id).toContainEqual(expect.objectContaining({ kind: 'by', date: '2017-12-31' }));
    }
  });
});

describe('seed plan: columns and keywords', () => {
  it.each([
    ['t1', '新闻发布会'],
    ['t2', '财政收支'],
    ['t4', '审计结果公开'],
    ['t6', '价格和收费'],
    ['t19', '国有企业'],
    ['t26', '预决算公开'],
    ['t46', '征地信息'],
    ['t54', '提案办理'],
  ])('%s names the column %s', (id, column) => {
    expect(byId(id).columns.map((c) => c.name)).toContain(column);
    expect(byId(id).keywords).toContain(column);
  });

  it('never takes the portal’s name for a column', () => {
    const all = plan.tasks.flatMap((t) => t.columns.map((c) => c.name));
    expect(all).not.toContain('中国罗源湾');
  });

  it('gives every task a keyword', () => {
    for (const t of plan.tasks) expect(t.keywords.length, t.id).toBeGreaterThan(0);
  });
});

describe('seed plan: implementation plan and metadata', () => {
  it('reads the document metadata', () => {
    expect(plan.id).toBe('luoyuan-2017');
    expect(plan.region).toBe('罗源县');
    expect(plan.year).toBe(2017);
    expect(plan.source).toEqual({
      title: '罗源县2017年政務公開工作实施方案 及主要任务分解表',
      publisher: '羅源政府辦',
      date: '2017-06-01',
    });
    expect(plan.preamble).toHaveLength(1);
  });

  it('has six chapters with their clauses', () => {
    expect(plan.chapters.map((c) => c.no)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(plan.chapters.map((c) => c.clauses.length)).toEqual([0, 6, 4, 3, 2, 3]);
    expect(plan.chapters[0]?.intro).toHaveLength(2);
    expect(plan.chapters[5]?.titleNormalized).toBe('切实加强对政务公开的组织领导');
  });

  it('reads each clause’s bracket', () => {
    const c21 = plan.chapters[1]?.clauses[0];
    expect(c21?.title).toBe('推进决策公开');
    expect(c21?.bracket).toBe('[县政府办公室牵头,县直有关部门、各乡(镇)人民政府负责]');
    expect(c21?.lead.units).toEqual(['县政府办公室']);
    expect(c21?.responsible.units).toEqual(['县直有关部门', '各乡(镇)人民政府']);
    const c34 = plan.chapters[2]?.clauses[3];
    expect(c34?.lead.units).toEqual(['县数字办']);
    expect(c34?.responsible.units).toEqual(['县直有关部门']);
    const c62 = plan.chapters[5]?.clauses[1];
    expect(c62?.lead.units).toEqual(['县监察局', '县效能办', '县数字办']);
    expect(c62?.responsible.units).toEqual([]);
  });

  it('finds the plan-body element lists and deadlines', () => {
    const c23 = plan.chapters[1]?.clauses[2];
    expect(c23?.elements.map((e) => e.template)).toEqual([
      'powers-responsibilities-list',
      'law-enforcement-disclosure',
    ]);
    const c24 = plan.chapters[1]?.clauses[3];
    expect(c24?.elements.map((e) => e.template)).toEqual(['service-disclosure', 'intermediary-services']);
    const c33 = plan.chapters[2]?.clauses[2];
    expect(c33?.deadlines.filter((d) => d.kind === 'within').map((d) => d.kind === 'within' && d.amount)).toEqual([
      5, 24,
    ]);
  });
});

describe('seed plan: warnings, overrides, stability', () => {
  it('warns about the guessed boundaries of rows 5, 6, 7 without overrides', () => {
    const bare = parseSeed(false);
    const guessed = bare.warnings.filter((w) => w.code === 'units.boundaryGuessed').map((w) => w.data.no);
    expect(guessed).toEqual(['5', '6', '7']);
    expect(bare.plan.tasks.find((t) => t.no === '3')?.responsible.units).toEqual(['新闻协调办', '各乡镇']);
  });

  it('leaves only the reused number 58 as a warning once reviewed', () => {
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['task.numberOutOfOrder', 616]]);
  });

  it('gives the same plan on every parse', () => {
    const again: Plan = parseSeed().plan;
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
  });
});
