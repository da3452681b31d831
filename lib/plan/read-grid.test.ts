/** Tables read by header meaning: column roles, hand re-mapping, grouping columns, and the warnings for what is lost. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePlan, type ParsePlanOptions } from './parse-plan';

const parseHtml = (h: string): Document => parseHTML(h).document as unknown as Document;
const page = (head: string, rows: string) => `<html><body><table><tr>${head}</tr>${rows}</table></body></html>`;
function parse(input: string, opts: ParsePlanOptions = {}) {
  const r = parsePlan(input, { id: 'demo', parseHtml, ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const COMMON = page(
  '<th>工作任务</th><th>工作要求</th><th>牵头单位</th><th>配合/责任单位</th><th>完成情况</th>',
  `<tr><td colspan="5">一、以公开助力稳增长</td></tr>
   <tr><td>1.公开财政收支</td><td>按月公开。</td><td>县财政局</td><td>各乡镇</td><td>已完成</td></tr>
   <tr><td>3.公开统计数据</td><td>按季度公开。</td><td>县统计局</td><td>县发改局、住建局</td><td></td></tr>
   <tr><td>3.公开就业数据</td><td>按季度公开。</td><td>县人社局</td><td>各乡镇</td><td></td></tr>`,
);

describe('a table read by its header', () => {
  it('takes 配合/责任单位 as the responsible units and says what each column was taken as', () => {
    const r = parse(COMMON);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.lead.units, t.responsible.units])).toEqual([
      ['1', '公开财政收支', ['县财政局'], ['各乡镇']],
      ['3', '公开统计数据', ['县统计局'], ['县发改局', '县住建局']],
      ['3', '公开就业数据', ['县人社局'], ['各乡镇']],
    ]);
    expect(r.columns.map((c) => [c.header, c.role, c.used])).toEqual([
      ['工作任务', 'title', true],
      ['工作要求', 'requirements', true],
      ['牵头单位', 'lead', true],
      ['配合/责任单位', 'responsible', true],
      ['完成情况', 'ignore', false],
    ]);
  });

  it('warns about the unused column, the gap (2 missing) and the repeated number, keeping numbers as printed', () => {
    const codes = parse(COMMON).warnings.map((w) => [w.code, w.data.no ?? w.data.header]);
    expect(codes).toContainEqual(['columns.unused', '完成情况']);
    expect(codes).toContainEqual(['task.numberGap', '3']);
    expect(codes).toContainEqual(['task.numberRepeated', '3']);
  });

  it('re-maps a column by hand: 完成情况 kept as a note, 牵头单位 read as responsible', () => {
    const r = parse(COMMON, { columnRoles: { 4: 'note', 2: 'responsible' } });
    expect(r.plan.tasks[0]?.requirements).toBe('按月公开。\n完成情况：已完成');
    expect(r.plan.tasks[0]?.lead.units).toEqual([]);
    expect(r.plan.tasks[0]?.responsible.units).toEqual(['县财政局', '各乡镇']);
    expect(r.columns[2]).toMatchObject({ role: 'responsible', byHand: true });
    expect(r.warnings.some((w) => w.code === 'columns.unused')).toBe(false);
  });

  it('reads a merged 工作任务 column over rows with their own requirements as categories, the requirements as tasks', () => {
    const r = parse(
      page(
        '<th>工作任务</th><th>序号</th><th>具体要求</th><th>责任科室</th><th>时限要求</th>',
        `<tr><td rowspan="2">做好主动公开</td><td>1</td><td>规范发布法定主动公开内容。</td><td>各科室</td><td>持续推进</td></tr>
         <tr><td>2</td><td>编制发布年度报告。</td><td>办公室</td><td>1月31日前</td></tr>`,
      ),
    );
    expect(r.plan.categories.map((c) => c.title)).toEqual(['做好主动公开']);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.lead.units, t.responsible.units, t.deadline])).toEqual([
      ['1', '规范发布法定主动公开内容。', [], ['各科室'], '持续推进'],
      ['2', '编制发布年度报告。', [], ['办公室'], '1月31日前'],
    ]);
  });

  it('takes the (一) numbering off a merged 工作任务 column used as categories (a table of one chapter)', () => {
    const r = parse(
      page(
        '<th>工作任务</th><th>具体要求</th><th>责任单位</th>',
        `<tr><td rowspan="2">（一）围绕法治政府推进公开</td><td>1.公开政府常务会议决定事项。</td><td>市政府办公室负责</td></tr>
         <tr><td>2.公开权责清单。</td><td>市编办牵头，市有关单位负责</td></tr>
         <tr><td>（二）围绕重点领域加大公开</td><td>1.公开财政预决算。</td><td>市财政局牵头，市有关单位负责</td></tr>`,
      ),
    );
    expect(r.plan.categories.map((c) => c.title)).toEqual(['围绕法治政府推进公开', '围绕重点领域加大公开']);
    expect(r.plan.tasks.map((t) => [t.no, t.lead.units, t.responsible.units])).toEqual([
      ['1', [], ['市政府办公室']],
      ['2', ['市编办'], ['市有关单位']],
      ['1', ['市财政局'], ['市有关单位']],
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('task.numberOutOfOrder');
  });

  it('under one-cell 一、 rows, a merged 工作任务 column holds the groups; a 市里落实单位 column is kept as a note', () => {
    const r = parse(
      page(
        '<th>工作任务</th><th>具体要求</th><th>市里落实单位</th><th>局内负责处室</th>',
        `<tr><td colspan="4">一、紧扣“十四五”深化政务公开</td></tr>
         <tr><td rowspan="2">（一）做好规划公开。</td><td>1. 公开规划纲要。</td><td>市政府各部门</td><td>各处室</td></tr>
         <tr><td>2. 归集历史规划。</td><td>市政务公开办牵头</td><td>办公室牵头，各处室配合</td></tr>`,
      ),
    );
    expect(r.plan.categories.map((c) => c.title)).toEqual(['紧扣“十四五”深化政务公开']);
    expect(r.plan.groups.map((g) => g.title)).toEqual(['做好规划公开。']);
    expect(r.plan.tasks.map((t) => [t.no, t.lead.units, t.responsible.units])).toEqual([
      ['1', [], ['各处室']],
      ['2', ['办公室'], ['各处室']],
    ]);
    expect(r.plan.tasks[1]?.requirements).toContain('市里落实单位：市政务公开办牵头');
  });

  it('reads a 基层政务公开标准目录 table: one task per 公开事项, 公开时限 as its deadline rule', () => {
    const r = parse(
      `<table><tr><th rowspan="2">序号</th><th colspan="2">公开事项</th><th rowspan="2">公开内容（要素）</th><th rowspan="2">公开依据</th><th rowspan="2">公开时限</th><th rowspan="2">公开主体</th></tr>
       <tr><th>一级事项</th><th>二级事项</th></tr>
       <tr><td>1</td><td>政策文件</td><td>政策文件</td><td>涉农资金相关文件</td><td>《政府信息公开条例》</td><td>信息形成或者变更之日起20个工作日内</td><td>镇人民政府</td></tr></table>`,
    );
    const t = r.plan.tasks[0];
    expect([t?.no, t?.title, t?.responsible.units, t?.deadline]).toEqual([
      '1',
      '政策文件',
      ['镇人民政府'],
      '信息形成或者变更之日起20个工作日内',
    ]);
    expect(t?.requirements).toBe('涉农资金相关文件\n公开依据：《政府信息公开条例》');
    expect(t?.deadlines).toContainEqual(expect.objectContaining({ kind: 'within', amount: 20, unit: 'workday' }));
  });
});

describe('plans in numbered paragraphs', () => {
  it('reads (一) items with their 责任单位 run into the paragraph or on a line of its own', () => {
    const text = [
      '某省2019年政务公开工作要点',
      '一、加强政策解读',
      '（一）深入解读重要政策措施。围绕重大政策开展解读。责任单位：省政府各部门，各市人民政府',
      '（二）做好回应关切。及时回应社会关切。',
      '牵头单位：省政府办公厅；责任单位：省发改委、人社厅',
    ].join('\n');
    const r = parse(text);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.requirements, t.lead.units, t.responsible.units])).toEqual([
      ['一', '深入解读重要政策措施', '围绕重大政策开展解读。', [], ['省政府各部门', '各市人民政府']],
      ['二', '做好回应关切', '及时回应社会关切。', ['省政府办公厅'], ['省发改委', '省人社厅']],
    ]);
    expect(r.plan.categories.map((c) => c.title)).toEqual(['加强政策解读']);
    expect([r.plan.region, r.plan.year]).toEqual(['某省', 2019]);
  });
});

describe('plans in the national 要点 form: units in a closing parenthesis', () => {
  // The form of 国办发〔2016〕19号《2016年政务公开工作要点》 and of the provincial 要点 that follow it: each (一) paragraph
  // ends with its units in brackets, every clause marked 牵头 / 负责 / 配合.
  const text = [
    '2016年政务公开工作要点',
    '一、围绕深化改革推进公开',
    '（一）进一步推进权力清单和责任清单公开。要在全面公开省级政府工作部门权力清单和责任清单的基础上，大力推动市县两级全面公开。（国务院审改办、人力资源社会保障部、国务院法制办负责）',
    '（二）推进财政预决算公开。细化部门预决算公开内容，',
    '扩大公开范围。（财政部牵头，各县（市、区）政府负责）',
    '（三）推进国有企业信息公开。2016年底前完成。（2016年底前完成）',
  ].join('\n');

  it('reads the parenthesis as the units, the lead only where it is marked, nested brackets kept', () => {
    const r = parse(text);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.lead.units, t.responsible.units])).toEqual([
      ['一', '进一步推进权力清单和责任清单公开', [], ['国务院审改办', '人力资源社会保障部', '国务院法制办']],
      ['二', '推进财政预决算公开', ['财政部'], ['各县(市、区)政府']],
      ['三', '推进国有企业信息公开', [], []],
    ]);
    expect(r.plan.tasks[1]?.requirements).toBe('细化部门预决算公开内容，扩大公开范围。');
  });

  it('takes a numbered heading line as the title when the paragraph follows on its own line (北京 2016 form)', () => {
    const r = parse(
      [
        '一、围绕深化改革推进公开',
        '（一）进一步推进权力清单和责任清单公开',
        '对权力清单进行动态调整，公布2016年版市政府部门权力清单。（市编办牵头，各区政府负责）',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => [t.title, t.requirements, t.lead.units, t.responsible.units])).toEqual([
      [
        '进一步推进权力清单和责任清单公开',
        '对权力清单进行动态调整，公布2016年版市政府部门权力清单。',
        ['市编办'],
        ['各区政府'],
      ],
    ]);
  });

  it('keeps a parenthesis that names no units in the text and warns that the task has no units', () => {
    const r = parse(text);
    expect(r.plan.tasks[2]?.requirements).toContain('（2016年底前完成）');
    expect(r.warnings.map((w) => w.code)).toContain('units.missing');
  });

  it('reads a traditional-script copy with pinyin annotations, and says the annotations were removed', () => {
    const traditional = [
      '一、圍繞深化改革推進公開',
      '（一）進一步推進權力清單和責任清單公開(kāi)。大力推動市縣兩級全面公開(kāi)。（國務院審改辦、人(rén)力資源社會保障部負責）',
      '（二）推進財政預決算公開。細化部門預決算公開內容。（財政部牽頭，各地區、各部門負責）',
    ].join('\n');
    const r = parse(traditional);
    expect(r.plan.tasks.map((t) => [t.no, t.lead.units.length, t.responsible.units.length])).toEqual([
      ['一', 0, 2],
      ['二', 1, 2],
    ]);
    expect(r.plan.tasks[0]?.title).not.toContain('(kāi)');
    const pinyin = r.warnings.find((w) => w.code === 'input.pinyinRemoved');
    expect(pinyin?.data).toMatchObject({ count: 3, sample: '開(kāi)' });
  });
});

describe('a plan of numbered paragraphs that names no unit at all', () => {
  it('imports the numbered items under 一、 categories with one warning, and refuses prose', () => {
    const text = [
      '2023年某市政务公开工作要点',
      '一、总体要求',
      '（一）指导思想',
      '坚持以习近平新时代中国特色社会主义思想为指导。',
      '二、紧扣经济发展大局深化公开',
      '（一）加强重大战略实施信息公开',
      '1.聚焦落实战略部署加强公开。紧紧围绕重大战略。',
      '2.聚焦扩大有效需求加强公开。围绕扩大内需战略。',
      '（二）加强优化营商环境信息公开',
      '3.持续公开涉企政策。集中公开涉企政策文件。',
    ].join('\n');
    const r = parse(text);
    expect(r.plan.tasks.map((t) => [t.no, t.title])).toEqual([
      ['1', '聚焦落实战略部署加强公开'],
      ['2', '聚焦扩大有效需求加强公开'],
      ['3', '持续公开涉企政策'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['units.noneInPlan']);
    const prose = parsePlan('一、工作动态\n（一）我局召开会议。\n（二）我局开展培训。', { id: 'x', parseHtml });
    expect(prose.ok).toBe(false);
  });
});

describe('a table copied from a browser with a second header row', () => {
  it('folds 牵头单位 / 配合单位 under 责任分工', () => {
    const text = [
      '序号\t工作任务\t责任分工\t\t完成时限',
      '牵头单位\t配合单位',
      '1\t公开财政预算\t县财政局\t各乡镇\t年底前',
    ].join('\n');
    const r = parse(text);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.lead.units, t.responsible.units, t.deadline])).toEqual([
      ['1', '公开财政预算', ['县财政局'], ['各乡镇'], '年底前'],
    ]);
  });
});

describe('a table copied from a browser with cells of several paragraphs', () => {
  it('joins the lines of a cell instead of losing them', () => {
    const text = [
      '序号\t工作任务\t工作要求\t牵头单位\t责任单位',
      '1\t公开财政预算\t按规定公开预算。',
      '同步公开说明。\t县财政局\t各乡镇',
      '2\t公开统计数据\t按季度公开。\t县统计局\t各乡镇',
      '数据解读同步发布。',
    ].join('\n');
    const r = parse(text);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.requirements, t.lead.units, t.responsible.units])).toEqual([
      ['1', '公开财政预算', '按规定公开预算。\n同步公开说明。', ['县财政局'], ['各乡镇']],
      ['2', '公开统计数据', '按季度公开。\n数据解读同步发布。', ['县统计局'], ['各乡镇']],
    ]);
  });
});

describe('tables that arrive as text with a header cell printed over several columns', () => {
  const titles = (r: ReturnType<typeof parse>) =>
    r.plan.tasks.map((t) => [t.no, t.title, r.plan.categories.find((c) => c.id === t.category)?.title]);

  it('copied rows that lost their merged cells are placed under 序号 / 具体要求, not run into the next row', () => {
    const r = parse(
      [
        '工作任务\t\t\t具体要求\t责任单位',
        '一、围绕中心工作抓好主动公开\t(一)以公开助力高质量发展\t1\t做好产业体系信息公开。\t市工信局、市发改委',
        '2\t做好扩大有效投资信息公开。\t市招商合作中心',
        '3\t做好科创平台信息公开。\t市科技局',
        '(二)以公开保障和改善民生\t4\t做好民生实事信息公开。\t市政府办公室',
      ].join('\n'),
    );
    expect(titles(r)).toEqual([
      ['1', '做好产业体系信息公开。', '围绕中心工作抓好主动公开'],
      ['2', '做好扩大有效投资信息公开。', '围绕中心工作抓好主动公开'],
      ['3', '做好科创平台信息公开。', '围绕中心工作抓好主动公开'],
      ['4', '做好民生实事信息公开。', '围绕中心工作抓好主动公开'],
    ]);
    expect(r.plan.tasks[1]?.responsible.units).toEqual(['市招商合作中心']);
    expect(r.warnings.map((w) => w.code)).not.toContain('task.unnumbered');
  });

  it('flattened: the numbers in a column without a header are the 序号; a (一) row carried down the category column is the category', () => {
    const flattened = (rows: string[][]) => rows.map((cells) => cells.join('\n\n')).join('\n\n');
    const numbered = parse(
      flattened([
        ['工作任务', '具体要求', '责任单位'],
        ['一、围绕中心工作抓好主动公开'],
        ['(一)以公开助力高质量发展'],
        ['1', '做好产业体系信息公开。', '市工信局'],
        ['2', '做好扩大有效投资信息公开。', '市招商合作中心'],
      ]),
    );
    expect(titles(numbered).map((t) => t[0])).toEqual(['1', '2']);
    expect(numbered.warnings.map((w) => w.code)).not.toContain('task.unnumbered');
    expect(numbered.warnings.map((w) => w.code)).not.toContain('columns.unused');

    const chapter = parse(
      flattened([
        ['工作任务', '具体要求', '责任单位'],
        ['(一)围绕法治政府推进公开'],
        ['1.公开政府常务会议决定事项。', '市政府办公室负责'],
        ['2.公开权责清单。', '市编办牵头,市有关单位负责'],
        ['(二)围绕重点领域加大公开'],
        ['1.公开财政预决算。', '市财政局牵头'],
      ]),
    );
    expect(titles(chapter)).toEqual([
      ['1', '公开政府常务会议决定事项。', '围绕法治政府推进公开'],
      ['2', '公开权责清单。', '围绕法治政府推进公开'],
      ['1', '公开财政预决算。', '围绕重点领域加大公开'],
    ]);
  });
});

describe('a 标准目录 flattened to one cell per line', () => {
  it('cuts rows where only empty tick cells are left, 序号 and 一级事项 merged over the 二级事项 rows', () => {
    const lines = [
      ['序号', '公开事项', '公开时限', '公开主体', '公开对象'],
      ['一级事项', '二级事项', '全社会', '特定主体'],
      ['1', '组织机构', '机构概况', '20个工作日内', '溪下乡人民政府', '√'],
      ['领导信息', '20个工作日内', '溪下乡人民政府', '√'],
      ['2', '政务公开专题', '信息公开指南', '20个工作日内', '溪下乡人民政府', '√'],
    ];
    const r = parse(lines.map((cells) => cells.join('\n\n')).join('\n\n'));
    expect(r.plan.tasks.map((t) => [t.no, t.title, r.plan.categories.find((c) => c.id === t.category)?.title])).toEqual(
      [
        ['1', '机构概况', '组织机构'],
        ['1', '领导信息', '组织机构'],
        ['2', '信息公开指南', '政务公开专题'],
      ],
    );
    expect(r.warnings.map((w) => w.code)).not.toContain('rows.unplaced');
  });

  it('never fills a first row that lacks its left cells with the header words', () => {
    const lines = [
      ['序号', '公开事项', '公开时限', '公开主体'],
      ['一级事项', '二级事项'],
      ['机构概况', '20个工作日内', '溪下乡人民政府'],
    ];
    const r = parse(lines.map((cells) => cells.join('\n\n')).join('\n\n'));
    expect(r.plan.tasks.map((t) => t.no)).not.toContain('序号');
    expect(r.plan.categories.map((c) => c.title)).not.toContain('一级事项');
  });
});

describe('unit columns of offices beside a column of organs', () => {
  it('takes the offices (责任科室) as the units and keeps the organ (公开主体) as a note under its header', () => {
    const r = parse(
      page(
        '<th>序号</th><th>工作任务</th><th>公开主体</th><th>责任科室</th>',
        `<tr><td>1</td><td>机构信息</td><td>市人民政府办公室</td><td>人事科</td></tr>
         <tr><td>2</td><td>领导信息</td><td>市人民政府办公室</td><td>秘书一科</td></tr>`,
      ),
    );
    expect(r.plan.tasks.map((t) => [t.title, t.responsible.units, t.requirements])).toEqual([
      ['机构信息', ['人事科'], '公开主体：市人民政府办公室'],
      ['领导信息', ['秘书一科'], '公开主体：市人民政府办公室'],
    ]);
  });

  it('leaves two organ columns as they are (牵头单位 and 责任单位)', () => {
    const r = parse(
      page(
        '<th>工作任务</th><th>牵头单位</th><th>责任单位</th>',
        '<tr><td>公开预算</td><td>县财政局</td><td>各乡镇</td></tr>',
      ),
    );
    expect(r.plan.tasks.map((t) => [t.lead.units, t.responsible.units])).toEqual([[['县财政局'], ['各乡镇']]]);
  });
});

describe('a cell printed 同上', () => {
  it('holds what the cell above it holds: the same deadline, the units of the task above', () => {
    const r = parse(
      page(
        '<th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th>',
        `<tr><td>1</td><td>公开财政收支</td><td>县财政局</td><td>按月公开</td></tr>
         <tr><td>2</td><td>公开统计数据</td><td>同上</td><td>同上</td></tr>`,
      ),
    );
    expect(r.plan.tasks.map((t) => [t.responsible.units.join(), t.deadline])).toEqual([
      ['县财政局', '按月公开'],
      ['县财政局', '按月公开'],
    ]);
  });
});
