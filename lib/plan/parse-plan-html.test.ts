/**
 * The plan as an HTML table (the demo portal's plan page demo-portal/site/zwgk/ghjh/1801.html: 16 rows of the seed with rowspans, a metadata table
 * before it, portal chrome after it) gives the same tasks as the flattened text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Task } from './model';
import { loadOverrides } from './overrides';
import { parsePlan, type ParsePlanOptions } from './parse-plan';

const here = import.meta.dirname;
const html = readFileSync(resolve(here, '../../demo-portal/site/zwgk/ghjh/1801.html'), 'utf8');
const seedDir = resolve(here, '../../seeds/luoyuan-2017');
const source = readFileSync(resolve(seedDir, 'source.txt'), 'utf8');
const overrides = loadOverrides(JSON.parse(readFileSync(resolve(seedDir, 'overrides.json'), 'utf8')));

const linkedom = (h: string): Document => parseHTML(h).document as unknown as Document;
const happyDom = (h: string): Document => {
  const window = new Window();
  window.document.write(h);
  return window.document as unknown as Document;
};

function parse(input: string, opts: ParsePlanOptions = {}) {
  const r = parsePlan(input, { id: 'luoyuan-2017', parseHtml: linkedom, ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const fromHtml = parse(html).plan;
const fromText = parse(source, { kind: 'text', overrides }).plan;

/** What must not depend on the input form. */
const comparable = (t: Task) => ({
  id: t.id,
  no: t.no,
  title: t.title,
  titleNormalized: t.titleNormalized,
  lead: t.lead,
  responsible: t.responsible,
  requirements: t.requirements,
  clauses: t.clauses,
  elements: t.elements,
  frequencies: t.frequencies,
  deadlines: t.deadlines,
  columns: t.columns,
  keywords: t.keywords,
});

describe('HTML table import', () => {
  it('detects HTML and reads all rows of the excerpt', () => {
    expect(fromHtml.tasks.map((t) => t.no)).toEqual([
      '1',
      '2',
      '5',
      '15',
      '19',
      '20',
      '21',
      '22',
      '23',
      '41',
      '42',
      '57',
      '58',
      '59',
      '58',
      '59',
    ]);
    expect(fromHtml.categories.map((c) => c.titleNormalized)).toEqual([
      '以政务公开助力稳增长',
      '以政务公开助力促改革',
      '以政务公开助力防风险',
      '增强政务公开实效',
    ]);
  });

  it('produces the same tasks as the flattened text', () => {
    for (const t of fromHtml.tasks) {
      const same = fromText.tasks.find((x) => x.id === t.id);
      expect(same, t.id).toBeDefined();
      expect(comparable(t), t.id).toEqual(comparable(same as Task));
    }
  });

  it('turns rowspans into inherited units', () => {
    const t = (id: string) => fromHtml.tasks.find((x) => x.id === `luoyuan-2017/${id}`) as Task;
    expect(t('t20').lead).toEqual({
      published: '縣財政局\n縣國資中心',
      units: ['县财政局', '县国资中心'],
      inheritedFrom: 'luoyuan-2017/t19',
    });
    expect(t('t22').responsible.inheritedFrom).toBe('luoyuan-2017/t21');
    expect(t('t23').lead.inheritedFrom).toBe('luoyuan-2017/t21');
    expect(t('t42').lead).toEqual({ published: '', units: [], inheritedFrom: 'luoyuan-2017/t41' });
    expect(t('t1').lead.units).toEqual([]);
    expect(t('t19').lead.inheritedFrom).toBeNull();
  });

  it('needs no override where the cells are kept (row 5)', () => {
    const r = parse(html);
    expect(r.warnings.some((w) => w.code.startsWith('units.'))).toBe(false);
    const t5 = r.plan.tasks.find((x) => x.no === '5');
    expect(t5?.lead.units).toEqual(['县财政局', '县商务局', '县国税局', '县地税局', '县发改局']);
    expect(t5?.responsible.units).toEqual(['各乡镇']);
  });

  it('reads the metadata and the plan body around the table', () => {
    expect(fromHtml.source).toEqual(fromText.source);
    expect(fromHtml.region).toBe('罗源县');
    expect(fromHtml.year).toBe(2017);
    expect(fromHtml.preamble).toEqual(fromText.preamble);
    expect(fromHtml.chapters.map((c) => c.title)).toEqual(['總體要求和目標', '擴大政務參與']);
    expect(fromHtml.chapters[1]?.clauses[0]?.lead.units).toEqual(['县委宣传部']);
    expect(fromHtml.chapters[1]?.clauses[0]?.deadlines.map((d) => d.kind === 'within' && d.amount)).toEqual([5, 24]);
  });

  it('names table rows in its warnings', () => {
    const r = parse(html);
    const w = r.warnings.find((x) => x.code === 'task.numberOutOfOrder' && x.data.no === '58');
    expect(w?.row).toBe(28);
    expect(w?.messageZh).toContain('表格第 28 行');
  });

  it('works the same on another DOM implementation (happy-dom)', () => {
    const r = parsePlan(html, { id: 'luoyuan-2017', parseHtml: happyDom });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.tasks.map(comparable)).toEqual(fromHtml.tasks.map(comparable));
  });
});

describe('HTML table layouts', () => {
  const page = (
    rows: string,
    head = '<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th><th>工作要求</th></tr>',
  ) => `<html><body><table>${head}${rows}</table></body></html>`;

  it('understands a 序号 column and columns in another order', () => {
    const r = parse(
      `<html><body><table><tr><th>序号</th><th>工作任务</th><th>工作要求</th><th>责任单位</th><th>牵头单位</th></tr>
      <tr><td colspan="5">一、以政务公开助力稳增长</td></tr>
      <tr><td>1</td><td>按月公开全县财政收支情况</td><td>按月公开。</td><td rowspan="2">各乡镇</td><td rowspan="2">县财政局</td></tr>
      <tr><td>2</td><td>按季度公开国民经济运行情况</td><td>按季度公开。</td></tr>
      </table></body></html>`,
      { id: 'demo' },
    );
    expect(r.plan.tasks.map((t) => [t.id, t.title, t.lead.units, t.responsible.units, t.lead.inheritedFrom])).toEqual([
      ['demo/t1', '按月公开全县财政收支情况', ['县财政局'], ['各乡镇'], null],
      ['demo/t2', '按季度公开国民经济运行情况', ['县财政局'], ['各乡镇'], 'demo/t1'],
    ]);
  });

  it('reads a table without a header when its rows are numbered tasks, and warns', () => {
    const r = parse(
      `<table><tr><td>1.做好甲工作</td><td>县财政局</td><td>各乡镇</td><td>按月公开。</td></tr>
       <tr><td>2.做好乙工作</td><td>县统计局</td><td>各乡镇</td><td>按季度公开。</td></tr></table>`,
      { id: 'demo' },
    );
    expect(r.plan.tasks).toHaveLength(2);
    expect(r.warnings.map((w) => w.code)).toContain('html.noHeader');
    expect(r.warnings.map((w) => w.code)).toContain('task.noCategory');
    expect(r.plan.categories[0]?.title).toBe('(未分类)');
  });

  it('skips caption rows and keeps a task whose other cells are empty', () => {
    const r = parse(
      page(`<tr><td colspan="5">注：本表由县政府办负责解释</td></tr>
        <tr><td colspan="5">一、类别</td></tr>
        <tr><td>1</td><td>“五公开”纳入办文办会程序</td><td></td><td></td><td></td></tr>`),
      { id: 'demo' },
    );
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.requirements, t.clauses[0]?.source])).toEqual([
      ['1', '“五公开”纳入办文办会程序', '', 'title'],
    ]);
  });
});
