/** readPlanParagraphs: numbered-paragraph plans — where their units are printed and where their text starts. */
import { describe, expect, it } from 'vitest';
import { readPlanParagraphs } from './parse-plan-paragraphs';
import type { RawRow } from './raw';

type TaskRow = Extract<RawRow, { kind: 'task' }>;
const unitText = (cell: TaskRow['lead']): string => (cell.kind === 'own' ? cell.text : '');

function tasks(text: string): TaskRow[] {
  const plan = readPlanParagraphs(text.split('\n'));
  if (plan === null) throw new Error('not read as a paragraph plan');
  return plan.rows.filter((r): r is TaskRow => r.kind === 'task');
}

describe('readPlanParagraphs', () => {
  it('reads a bracket whose labelled parts are separated by commas, its 完成时限 as the deadline', () => {
    const t = tasks(
      [
        '一、规范管理,加大政策文件公开力度',
        '1.全面公开现行有效行政规范性文件。各部门在专栏中集中公开。(牵头单位:区司法局、区政府办公室,责任单位:区政府各部门、各乡镇街道,完成时限:长期坚持)',
        '2.落实解读规范。加强解读。(牵头单位:区政府办公室,责任单位:区发改局,区财政局)',
      ].join('\n'),
    );
    expect(t.map((x) => unitText(x.lead))).toEqual(['区司法局、区政府办公室', '区政府办公室']);
    // A comma not followed by a label and its colon stays inside the part.
    expect(t.map((x) => unitText(x.responsible))).toEqual(['区政府各部门、各乡镇街道', '区发改局,区财政局']);
    expect(t.map((x) => x.deadline)).toEqual(['长期坚持', undefined]);
    expect(t[0]?.requirements).not.toContain('完成时限');
  });

  it('skips page tools printed above the article (分享到) instead of ending the text there', () => {
    const t = tasks(
      [
        '分享到:',
        '2024年某区政务公开工作要点',
        '一、深化重点领域信息公开',
        '(一)聚焦政府中心工作。加强产业体系建设等方面的信息公开。(区发改委、区商务局按职责分工负责)',
        '分享到:',
        '(二)不是本页的内容。(区政府办负责)',
      ].join('\n'),
    );
    expect(t.map((x) => x.title)).toEqual(['聚焦政府中心工作']);
    expect(unitText(t[0]?.responsible ?? { kind: 'own', text: '' })).toBe('区发改委、区商务局');
  });

  it('reads units in square brackets on the line after a heading, parentheses inside a name kept', () => {
    const t = tasks(
      [
        '一、深化政务信息公开工作',
        '(一)强化重大战略部署落实情况信息公开',
        '紧紧围绕重大部署,及时依法公开相关规划。[责任单位:临空经济区(空港新城)事务中心,区机关各部门]',
      ].join('\n'),
    );
    expect(t).toHaveLength(1);
    expect(t[0]?.title).toBe('强化重大战略部署落实情况信息公开');
    expect(unitText(t[0]?.responsible ?? { kind: 'own', text: '' })).toBe('临空经济区(空港新城)事务中心,区机关各部门');
    expect(t[0]?.requirements).not.toContain('责任单位');
  });

  it('takes every labelled bracket of a paragraph whose clauses name different units, not only the last', () => {
    const t = tasks(
      [
        '一、紧扣工作重点,加强主动公开',
        '(一)做好重大战略部署落实情况信息公开。推进产业迭代升级。(牵头单位:区发改委;责任单位:各街道)、' +
          '打造区域消费中心(牵头单位:区商务局;责任单位:区政府各相关部门)、深化国有企业改革行动。(责任单位:区国资中心)',
      ].join('\n'),
    );
    expect(t).toHaveLength(1);
    const lead = unitText(t[0]?.lead ?? { kind: 'own', text: '' });
    const responsible = unitText(t[0]?.responsible ?? { kind: 'own', text: '' });
    expect(lead.split('\n')).toEqual(['区发改委', '区商务局']);
    expect(responsible.split('\n')).toEqual(['各街道', '区政府各相关部门', '区国资中心']);
  });
  it('reads 一、 paragraphs closed by their units as the tasks when the plan has no lower level', () => {
    const t = tasks(
      [
        '某县2024年政务公开工作要点',
        '一、聚焦高质量发展推进信息公开。及时公开产业链行动计划。(县工信局、县发改委按职责分工负责)',
        '二、围绕保障和改善民生深化信息公开。做好就业、教育信息公开。',
        '(县人社局、县教科体局按职责分工负责)',
      ].join('\n'),
    );
    expect(t.map((x) => [x.no, x.title])).toEqual([
      ['一', '聚焦高质量发展推进信息公开'],
      ['二', '围绕保障和改善民生深化信息公开'],
    ]);
    expect(t.map((x) => unitText(x.responsible))).toEqual(['县工信局、县发改委', '县人社局、县教科体局']);
  });

  it('keeps 一、 paragraphs of a notice out of the tasks when the plan numbers its tasks below them', () => {
    const t = tasks(
      [
        '一、各责任单位要高度重视,制订工作方案,明确责任。',
        '二、区绩效考评机构要将目标任务纳入绩效管理考核范围。',
        '某区目标任务责任分解方案',
        '一、主要预期目标',
        '(一)地区生产总值增长7%以上',
        '责任单位:区发展和改革局',
      ].join('\n'),
    );
    expect(t.map((x) => [x.no, x.title, unitText(x.responsible)])).toEqual([
      ['一', '地区生产总值增长7%以上', '区发展和改革局'],
    ]);
  });
  it('says so when paragraphs off the task level name units (they are in no task)', () => {
    const plan = readPlanParagraphs([
      '一、深化重点领域信息公开',
      '(一)做好财政信息公开。(区财政局负责落实)',
      '1.推进预决算公开。按规定公开部门预决算。(区财政局牵头,各部门负责落实)',
      '2.做好政府债务信息公开。(区财政局负责落实)',
    ]);
    if (plan === null) throw new Error('not read');
    const w = plan.warnings.find((x) => x.code === 'paragraphs.unitsNotRead');
    expect(w?.data.count).toBe(1);
    expect(w?.line).toBe(2);
  });
  it('takes an 一、 paragraph with a sentence in it as the category of the tasks under it', () => {
    const plan = readPlanParagraphs([
      '一、聚焦重点领域。加强重点领域信息公开。',
      '(一)做好财政信息公开。按规定公开预决算。(区财政局负责)',
    ]);
    if (plan === null) throw new Error('not read');
    expect(plan.rows.map((r) => [r.kind, r.kind === 'task' ? r.title : r.title])).toEqual([
      ['category', '聚焦重点领域'],
      ['task', '做好财政信息公开'],
    ]);
  });
  it('counts the units of every clause closed by its own role parenthesis (大兴区 2018 要点)', () => {
    const t = tasks(
      [
        '一、加强重点工作信息公开',
        '(一)围绕促进首都功能提升做好信息公开。及时准确发布我区重点工作、民生实事进展完成情况(区政府办牵头,相关单位负责落实)。加强京津冀产业对接协作、对口帮扶成效和教育、医疗、社保等基本公共服务合作信息公开(区发改委、区经信委、区教委、区卫计委、区人力社保局分别负责落实)。按照市级部门要求,配合发布新的城市南部地区发展三年行动计划(区发改委负责落实)。',
      ].join('\n'),
    );
    expect(t).toHaveLength(1);
    expect(t[0]?.title).toBe('围绕促进首都功能提升做好信息公开');
    expect(unitText(t[0]?.lead ?? { kind: 'own', text: '' })).toBe('区政府办');
    expect(unitText(t[0]?.responsible ?? { kind: 'own', text: '' }).split(/[\n、]/)).toEqual([
      '相关单位',
      '区发改委',
      '区经信委',
      '区教委',
      '区卫计委',
      '区人力社保局',
      '区发改委',
    ]);
    expect(t[0]?.requirements).not.toContain('负责落实');
  });
  it('counts a labelled bracket inside the paragraph as well as a unit line after it (德清县 2022 要点)', () => {
    const t = tasks(
      [
        '一、围绕中心工作,服务大局、深化主动公开',
        '(一)提升共同富裕建设公开水平。做好扩大有效投资相关政策信息公开。(牵头单位:县发改局)常态化推进十大民生实事项目预算信息应公开尽公开。',
        '(牵头单位:县财政局)',
      ].join('\n'),
    );
    expect(t.map((x) => [x.title, unitText(x.lead)])).toEqual([['提升共同富裕建设公开水平', '县财政局\n县发改局']]);
    expect(t[0]?.requirements).not.toContain('牵头单位');
  });
});

describe('a parenthesis of unit names without a role word', () => {
  const text = [
    '某县2023年政务公开工作要点',
    '一、加强重点领域信息公开',
    '（一）做好财政信息公开。按规定公开预决算。（县财政局）',
    '（二）做好项目信息公开。及时公开重大项目（县发改局、县财政局）。',
    '（三）做好司法信息公开。公开县司法局（县行政复议局）的职责。',
    '（四）做好考核。按时完成考核（2023年底前）。',
    '（五）做好解读。公开解读材料（以下简称县政府办）。',
    '（六）做好村务公开。推进公开全覆盖到村（社区）。',
  ].join('\n');

  it('reads it as the responsible units when every part of it is a unit name, and says so once', () => {
    const plan = readPlanParagraphs(text.split('\n'));
    const t = plan?.rows.filter((r): r is TaskRow => r.kind === 'task') ?? [];
    expect(t.map((x) => [unitText(x.lead), unitText(x.responsible)])).toEqual([
      ['', '县财政局'],
      ['', '县发改局、县财政局'],
      ['', ''],
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(t[0]?.requirements).toBe('按规定公开预决算。');
    const said = plan?.warnings.filter((w) => w.code === 'units.roleUnmarked') ?? [];
    expect(said.map((w) => w.data.count)).toEqual([2]);
  });

  it('keeps the units.missing warning where the parenthesis is a name’s other name or kind, a date or a note', () => {
    const t = tasks(text);
    expect(t.slice(2).map((x) => x.warnings.map((w) => w.code))).toEqual([
      ['units.missing'],
      ['units.missing'],
      ['units.missing'],
      ['units.missing'],
    ]);
    expect(t[2]?.requirements).toContain('县司法局（县行政复议局）');
  });

  it('reads role labels printed in traditional script, a unit with brackets of its own inside the bracket', () => {
    const t = tasks(
      [
        '一、完成政府信息公開平臺建設,規範用權信息公開',
        '1、建設完成政府信息公開平臺。市政府辦公室統一設置平臺。(牽頭單位:市政府辦公室;責任單位:各縣(市)區政府、市政府各部門)',
      ].join('\n'),
    );
    expect(unitText(t[0]?.lead ?? { kind: 'own', text: '' })).toBe('市政府辦公室');
    expect(unitText(t[0]?.responsible ?? { kind: 'own', text: '' })).toBe('各縣(市)區政府、市政府各部門');
    expect(t[0]?.requirements).not.toContain('單位');
  });

  it('splits paragraphs a page ran together on one line, and says so', () => {
    const filler = '做好全区政务公开工作的总体要求是坚持以人民为中心,持续抓好政务公开各项工作。'.repeat(4);
    const plan = readPlanParagraphs([
      '2022年某区政务公开工作要点',
      `结合我区实际,制定本工作要点。 一、总体要求 ${filler} 二、重点工作 ${filler} (一)强化重点领域信息公开 1、数字经济发展领域。集中公开政策规划。(责任单位:区政府办公室、区商务局) 2、营商环境领域。及时公开改革举措。(责任单位:区发改委)`,
    ]);
    if (plan === null) throw new Error('not read');
    const t = plan.rows.filter((r): r is TaskRow => r.kind === 'task');
    expect(t.map((x) => x.title)).toEqual(['数字经济发展领域', '营商环境领域']);
    expect(plan.warnings.map((w) => w.code)).toContain('paragraphs.runTogether');
    // 二、重点工作 names a part of the document: the （一） heading under it is the category.
    expect(plan.rows.filter((r) => r.kind === 'category').map((r) => r.title)).toEqual(['强化重点领域信息公开']);
  });

  it('leaves a long paragraph with numbers inside it whole', () => {
    const long = `1.及时公开预算信息。${'按照规定在批复后20日内公开部门预算,公开1.5万元以上的项目支出情况,2、3月完成。'.repeat(4)}(责任单位:区财政局)`;
    const plan = readPlanParagraphs(['一、做好财政信息公开', long]);
    expect(plan?.warnings.map((w) => w.code) ?? []).not.toContain('paragraphs.runTogether');
    expect(plan?.rows.filter((r) => r.kind === 'task')).toHaveLength(1);
  });
});
