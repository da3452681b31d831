/** parsePlan: detection, and refusals — each bad input gets its own code, message key, data and line/row. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, WARNING_CODES, type PlanError } from './errors';
import { loadOverrides } from './overrides';
import { detectKind, parsePlan, type ParsePlanOptions } from './parse-plan';
import { checkPlan, loadPlan } from './validate';
import { bundledTemplates } from './bundled-templates';

const source = readFileSync(resolve(import.meta.dirname, '../../seeds/luoyuan-2017/source.txt'), 'utf8');
const html = readFileSync(resolve(import.meta.dirname, '../../demo-portal/site/zwgk/ghjh/1801.html'), 'utf8');
const parseHtml = (h: string): Document => parseHTML(h).document as unknown as Document;

function refused(input: string, opts: ParsePlanOptions = {}): PlanError {
  const r = parsePlan(input, { id: 'demo', parseHtml, ...opts });
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('parsed');
  expect(r).not.toHaveProperty('plan');
  const e = r.error;
  expect(e.severity).toBe('error');
  expect(ERROR_CODES).toContain(e.code);
  expect(e.key).toBe(`plan_${e.code.replace(/\./g, '_')}`);
  expect(e.key).toMatch(/^[A-Za-z0-9_]+$/);
  expect(e.message.length).toBeGreaterThan(10);
  expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
  return e;
}

const lines = source.split('\n');
const cut = (lastLine: number): string => lines.slice(0, lastLine).join('\n');

const SMALL = `2017年政务公开工作主要任务分解表

工作任务

牵头单位

责任单位

工作要求

一、以政务公开助力稳增长

1.按月公开全县财政收支情况

县财政局

各乡镇

按月公开财政收支情况。

2.定期公布社会保险情况

县人社局

各乡镇

定期公布参加社会保险情况。
`;

describe('detectKind', () => {
  it('tells HTML from text', () => {
    expect(detectKind(html)).toBe('html');
    expect(detectKind('  <table><tr><td>1</td></tr></table>')).toBe('html');
    expect(detectKind(source)).toBe('text');
    expect(detectKind('<未完成> 的说明')).toBe('text');
  });
});

describe('parsePlan accepts', () => {
  it('a small flattened table without a plan body', () => {
    const r = parsePlan(SMALL, { id: 'demo' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.tasks.map((t) => [t.id, t.lead.units, t.responsible.units])).toEqual([
      ['demo/t1', ['县财政局'], ['各乡镇']],
      ['demo/t2', ['县人社局'], ['各乡镇']],
    ]);
    expect(r.plan.chapters).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('derives a stable id when none is given', () => {
    const a = parsePlan(source);
    const b = parsePlan(source);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.plan.id).toMatch(/^plan-2017-[0-9a-z]{7}$/);
      expect(a.plan.id).toBe(b.plan.id);
      expect(a.plan.tasks[0]?.id).toBe(`${a.plan.id}/t1`);
    }
  });

  it('a table copied from a browser (tab-separated), merged cells included', () => {
    const copied = [
      '工作任务\t牵头单位\t责任单位\t工作要求',
      '一、以政务公开助力稳增长',
      '1.按月公开全县财政收支情况\t县财政局\t各乡镇\t按月公开财政收支情况。',
      '2.依法依规公开国有企业生产经营情况\t按月公开主要经济效益指标。',
      '3.深入解读政策背景\t\t县直各单位\t及时解读。',
    ].join('\n');
    const r = parsePlan(copied, { id: 'demo' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(
      r.plan.tasks.map((t) => [t.no, t.lead.units, t.responsible.units, t.lead.inheritedFrom, t.requirements]),
    ).toEqual([
      ['1', ['县财政局'], ['各乡镇'], null, '按月公开财政收支情况。'],
      ['2', ['县财政局'], ['各乡镇'], 'demo/t1', '按月公开主要经济效益指标。'],
      ['3', [], ['县直各单位'], null, '及时解读。'],
    ]);
  });

  it('a copied table whose last column is merged down (one 责任单位 for two tasks) keeps the units for both', () => {
    // A browser copies a row without the cells merged into it from above; an empty cell stays, tab for tab.
    const copied = [
      '序号\t工作任务\t牵头单位\t责任单位',
      '一、财政信息',
      '1\t公开财政预决算\t县财政局\t各乡镇',
      '2\t公开财政收支情况\t县统计局',
      '3\t公开统计数据\t县统计局\t',
    ].join('\n');
    const r = parsePlan(copied, { id: 'demo' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.tasks.map((t) => [t.no, t.lead.units, t.responsible.units, t.responsible.inheritedFrom])).toEqual([
      ['1', ['县财政局'], ['各乡镇'], null],
      ['2', ['县统计局'], ['各乡镇'], 'demo/t1'],
      ['3', ['县统计局'], [], null],
    ]);
  });

  it('a table found without its header', () => {
    const r = parsePlan(SMALL.replace(/工作任务\n\n牵头单位\n\n责任单位\n\n工作要求\n\n/, ''), { id: 'demo' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.tasks).toHaveLength(2);
  });
});

describe('parsePlan refuses', () => {
  it('empty input', () => {
    expect(refused('').code).toBe('input.empty');
    expect(refused(' \n\u3000\n\u00a0 ').code).toBe('input.empty');
  });

  it('random prose, saying what it looked for', () => {
    const e = refused('今天天气很好。\n\n我们去公园散步，看到了很多花。\n\n一、这不是一个表格\n\n只是几段文字。');
    expect(e.code).toBe('text.noTable');
    expect(e.data.lines).toBe(7);
    expect(e.messageZh).toContain('工作任务');
  });

  it('a header without task rows', () => {
    const e = refused('工作任务\n\n牵头单位\n\n责任单位\n\n工作要求\n\n一、类别\n\n没有编号的内容');
    expect(e.code).toBe('text.noTasks');
    expect(e.line).toBe(8);
  });

  it('a table whose rows are only categories and empty cells (集美区 2021, as stored): the header was found, no tasks', () => {
    const e = refused(
      [
        '2021年政务公开工作主要任务分解表',
        '工作任务 |',
        '工作要求 |',
        '牵头单位 |',
        '责任单位 |',
        '一、紧扣“十四五”开好局起好步,进一步深化政务公开 |',
        '|||',
        '|',
        '二、紧扣宏观政策落地见效,进一步深化政务公开 |',
        '|||',
        '|',
      ].join('\n'),
    );
    expect(e.code).toBe('text.noTasks');
    expect(e.line).toBe(2);
  });

  it('a table whose header and rows separate their cells by spaces alone: refused with that said, not “no table”', () => {
    const e = refused(
      [
        '政府信息主动公开事项目录',
        '',
        '事项名称 事项类别 公开内容 公开依据 公开渠道 公开时限 公开责任',
        '法治政府建设年度报告 年度报告 上一年度的主要举措和成效 中共中央办公厅 国务院办公厅印发《规定》第二十四条 政府网站 每年4月1日之前 办公室',
      ].join('\n'),
    );
    expect(e.code).toBe('text.spaceSeparated');
    expect(e.line).toBe(3);
    expect(e.messageZh).toContain('事项名称 事项类别');
  });

  it('a header in another order is read by its meaning, not refused', () => {
    const r = parsePlan(
      '说明\n\n工作任务\n\n责任单位\n\n牵头单位\n\n工作要求\n\n一、类别\n\n1.任务\n\n县财政局\n\n各乡镇\n\n要求。',
      { id: 'demo' },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.lead.units, t.responsible.units, t.requirements])).toEqual([
      ['1', '任务', ['各乡镇'], ['县财政局'], '要求。'],
    ]);
    expect(r.columns.map((c) => c.role)).toEqual(['title', 'responsible', 'lead', 'requirements']);
  });

  it('a truncated text table, naming the line of the cut row', () => {
    const e = refused(cut(628));
    expect(lines[627]).toBe('59.加強和規範依申請公開工作');
    expect(e.code).toBe('text.truncated');
    expect(e.line).toBe(628);
    expect(e.data.no).toBe('59');
    expect(e.message).toMatch(/^line 628: /);
    expect(e.messageZh).toMatch(/^第 628 行：/);
  });

  it('a truncated HTML table, naming the row', () => {
    const truncated = html.slice(0, html.indexOf('<tr><td>59.加強和規範依申請公開工作</td>') + 60);
    const e = refused(truncated);
    expect(e.code).toBe('html.rowIncomplete');
    expect(e.row).toBe(30);
    expect(e.data).toMatchObject({ no: '59', columns: 4 });
    expect(e.messageZh).toContain('表格第 30 行');
  });

  it('a duplicated row, naming both lines', () => {
    const dup = SMALL.replace('2.定期公布社会保险情况', '1.按月公开全县财政收支情况');
    const e = refused(dup);
    expect(e.code).toBe('plan.duplicateTask');
    expect(e.line).toBe(21);
    expect(e.data).toMatchObject({ no: '1', firstLine: 13 });
    expect(e.message).toContain('first at line 13');
  });

  it('duplicated ids in a plan file', () => {
    const r = parsePlan(SMALL, { id: 'demo' });
    if (!r.ok) throw new Error(r.error.message);
    const broken = structuredClone(r.plan);
    const second = broken.tasks[1];
    if (second) second.id = 'demo/t1';
    const loaded = loadPlan(JSON.parse(JSON.stringify(broken)), bundledTemplates);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.code).toBe('plan.duplicateId');
      expect(loaded.error.data.id).toBe('demo/t1');
      expect(loaded.error.messageZh).toContain('demo/t1');
    }
    expect(loadPlan(r.plan, bundledTemplates).ok).toBe(true);
    const invalid = loadPlan({ ...r.plan, tasks: 'none' }, bundledTemplates);
    expect(!invalid.ok && invalid.error.code).toBe('plan.invalid');
  });

  it('an unknown template reference in a plan file', () => {
    const r = parsePlan(source, { id: 'demo' });
    if (!r.ok) throw new Error(r.error.message);
    const problems = checkPlan(
      r.plan,
      bundledTemplates.filter((t) => t.id !== 'penalty-result'),
    );
    expect(problems.map((p) => p.code)).toContain('plan.unknownTemplate');
  });

  it('an HTML page without a table', () => {
    const e = refused('<html><body><h1>罗源县政务公开</h1><p>一、总体要求</p><p>1.做好工作</p></body></html>');
    expect(e.code).toBe('html.noTable');
  });

  it('an HTML page whose tables are not a task table', () => {
    const e = refused(
      '<html><body><table><tr><td>索引号</td><td>001</td></tr><tr><td>发布机构</td><td>县政府办</td></tr></table></body></html>',
    );
    expect(e.code).toBe('html.noPlanTable');
    expect(e.data.tables).toBe(1);
  });

  it.skipIf(typeof DOMParser !== 'undefined')('HTML where no DOM parser is available', () => {
    const r = parsePlan(html, { id: 'demo' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('input.noDomParser');
  });

  it('overrides naming a task the plan does not have', () => {
    const overrides = loadOverrides({
      plan: 'demo',
      cells: [{ task: 't99', lead: '县财政局', reason: 'a reason long enough' }],
      unitAliases: [],
    });
    const e = refused(SMALL, { overrides });
    expect(e.code).toBe('overrides.unknownTask');
    expect(e.data.task).toBe('t99');
  });

  it('an invalid overrides file', () => {
    expect(() =>
      loadOverrides({ plan: 'x', cells: [{ task: 't1', reason: 'no cell given here' }], unitAliases: [] }),
    ).toThrowError(/overrides/i);
    expect(() =>
      loadOverrides({
        plan: 'x',
        cells: [
          { task: 't1', lead: 'a', reason: 'first reason here' },
          { task: 't1', lead: 'b', reason: 'second reason here' },
        ],
        unitAliases: [],
      }),
    ).toThrowError(/twice/);
  });
});

describe('issue catalogue', () => {
  it('has distinct codes for errors and warnings', () => {
    const all = [...ERROR_CODES, ...WARNING_CODES];
    expect(new Set(all).size).toBe(all.length);
  });
});
