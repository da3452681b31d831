/**
 * Records and record rules of the template-elements check, on small pages written here: a header-row penalty table
 * holds one record per row, each checked on its own; 统一社会信用代码 and 法定代表人 are asked of organisations only;
 * a vertical 行政处罚信息公开表 (label column, a label spanning its sub-rows) is read; the site footer's 联系电话 is not
 * the guide's 咨询电话; rows beyond the snapshot's cap are said to be unchecked.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { templates } from '../../seeds/index';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { MAX_RECORDS } from '../snapshot/fields';
import { partyKind, saysFree } from './record-rules';
import { runTemplateElements } from './template-elements';

const TEMPLATES = new Map(templates.map((t) => [t.id, t]));

function snapshot(body: string) {
  const { document } = parseHTML(`<html><head><title>t</title></head><body>${body}</body></html>`);
  return takeSnapshot(document as unknown as Document, 'http://www.example.gov.cn/xzcf/1.html');
}

function statuses(result: { elements?: Array<{ name: string; status: string }> }): Record<string, string> {
  return Object.fromEntries((result.elements ?? []).map((e) => [e.name, e.status]));
}

const PENALTY_TABLE = `
<table>
  <tr><td>序号</td><td>当事人名称</td><td>统一社会信用代码</td><td>行政处罚决定书文号</td><td>违法行为类型</td>
      <td>行政处罚依据</td><td>行政处罚内容</td><td>作出行政处罚决定机关名称</td><td>作出行政处罚决定日期</td></tr>
  <tr><td>1</td><td>某某银行股份有限公司</td><td></td><td>银罚决字〔2026〕1号</td><td>违反账户管理规定</td>
      <td>《中国人民银行法》第四十六条</td><td>罚款10万元</td><td>中国人民银行</td><td>2026年9月8日</td></tr>
  <tr><td>2</td><td>张某（某某银行营业部）</td><td></td><td>银罚决字〔2026〕2号</td><td>对上述行为负有责任</td>
      <td>《中国人民银行法》第四十六条</td><td>罚款1万元</td><td>中国人民银行</td><td>2026年9月8日</td></tr>
</table>`;

describe('template-elements on a header-row table', () => {
  const template = TEMPLATES.get('penalty-disclosure-dual')!;

  it('checks one record per row, each with its own values', () => {
    const results = runTemplateElements(snapshot(PENALTY_TABLE), template, TEMPLATES);
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.message.args[0])).toEqual([
      '行政处罚信息（双公示）（1：某某银行股份有限公司）',
      '行政处罚信息（双公示）（2：张某（某某银行营业部））',
    ]);
    for (const r of results) {
      const s = statuses(r);
      expect(s.行政处罚决定书文号).toBe('present');
      expect(s.行政相对人名称).toBe('present');
      expect(s.处罚事由).toBe('present');
      expect(s.处罚依据).toBe('present');
      expect(s.处罚结果).toBe('present');
      expect(s.处罚机关).toBe('present');
      expect(s.处罚决定日期).toBe('present');
    }
  });

  it('asks an organisation for its 统一社会信用代码 and 法定代表人, a natural person for neither', () => {
    const [organisation, person] = runTemplateElements(snapshot(PENALTY_TABLE), template, TEMPLATES);
    expect(statuses(organisation!).统一社会信用代码).toBe('empty');
    expect(statuses(organisation!).法定代表人姓名).toBe('missing');
    expect(organisation!.status).toBe('fail');
    expect(statuses(person!)).not.toHaveProperty('统一社会信用代码');
    expect(statuses(person!)).not.toHaveProperty('法定代表人姓名');
  });

  it('says how many rows it did not check when the table is longer than the snapshot keeps', () => {
    const row = (i: number) =>
      `<tr><td>${i}</td><td>某某公司${i}</td><td>银罚决字〔2026〕${i}号</td><td>违规</td><td>罚款</td></tr>`;
    const rows = Array.from({ length: MAX_RECORDS + 5 }, (_, i) => row(i + 1)).join('');
    const page = snapshot(
      `<table><tr><td>序号</td><td>当事人名称</td><td>行政处罚决定书文号</td><td>违法行为类型</td><td>行政处罚内容</td></tr>${rows}</table>`,
    );
    const results = runTemplateElements(page, template, TEMPLATES);
    expect(results).toHaveLength(MAX_RECORDS);
    expect(results[0]!.details).toEqual([
      { key: 'checkRecordsTruncated', args: [String(MAX_RECORDS), String(MAX_RECORDS + 5)] },
    ]);
  });
});

describe('template-elements on a vertical 行政处罚信息公开表', () => {
  it('reads the label column, a label spanning its sub-rows included', () => {
    const page = snapshot(`
<table>
  <tr><td colspan="2">行政处罚决定书文号</td><td>某银保监罚决字〔2020〕13号</td></tr>
  <tr><td rowspan="3">被处罚当事人姓名或名称</td><td>个人姓名</td><td></td></tr>
  <tr><td>单位名称</td><td>某某财产保险股份有限公司某支公司</td></tr>
  <tr><td>法定代表人（主要负责人）姓名</td><td>李某</td></tr>
  <tr><td colspan="2">主要违法违规事实（案由）</td><td>虚列费用</td></tr>
  <tr><td colspan="2">行政处罚依据</td><td>《保险法》第一百七十二条</td></tr>
  <tr><td colspan="2">行政处罚决定</td><td>罚款10万元</td></tr>
  <tr><td colspan="2">作出处罚决定的机关名称</td><td>某银保监分局</td></tr>
  <tr><td colspan="2">作出处罚决定的日期</td><td>2020年3月2日</td></tr>
</table>`);
    const [result] = runTemplateElements(page, TEMPLATES.get('penalty-result')!, TEMPLATES);
    expect(statuses(result!)).toEqual({
      被处罚者的名称: 'present',
      违法事实: 'present',
      处罚依据: 'present',
      处罚结果: 'present',
    });
    const dual = runTemplateElements(page, TEMPLATES.get('penalty-disclosure-dual')!, TEMPLATES);
    expect(dual).toHaveLength(1);
    expect(statuses(dual[0]!).法定代表人姓名).toBe('present');
    expect(statuses(dual[0]!).处罚机关).toBe('present');
  });
});

describe('template-elements on a header-row table whose cells span rows', () => {
  const TWO_ROWS = `
<table>
  <tr><td>序号</td><td>当事人名称</td><td>行政处罚决定书文号</td><td>主要违法违规行为</td><td>行政处罚内容</td><td>作出决定机关</td></tr>
  <tr><td>1</td><td>某某保险股份有限公司某分公司</td><td rowspan="2">某金罚决字〔2024〕52号</td><td rowspan="2">编制虚假的报告</td>
      <td>罚款56万元</td><td rowspan="2">某金融监管局</td></tr>
  <tr><td>2</td><td>陈某（时任某分公司副总经理）</td><td>警告并罚款14万元</td></tr>
</table>`;

  it('gives a cell spanning rows (one 文号 for an organisation and its staff) to every row it spans', () => {
    const page = snapshot(TWO_ROWS);
    const results = runTemplateElements(page, TEMPLATES.get('penalty-disclosure-dual')!, TEMPLATES);
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(statuses(result)).toMatchObject({
        行政处罚决定书文号: 'present',
        处罚事由: 'present',
        处罚结果: 'present',
        处罚机关: 'present',
      });
    }
    // The same table printed again (a print copy hidden by the page's script) adds no records.
    const twice = snapshot(`${TWO_ROWS}<div style="display:none">${TWO_ROWS}</div>`);
    expect(runTemplateElements(twice, TEMPLATES.get('penalty-disclosure-dual')!, TEMPLATES)).toHaveLength(2);
    const person = results[1]!.elements!;
    expect(person.find((e) => e.name === '处罚结果')?.value).toBe('警告并罚款14万元');
    expect(person.find((e) => e.name === '处罚机关')?.value).toBe('某金融监管局');
  });
});

describe('template-elements and labels printed with two words swapped', () => {
  it('takes 行政处罚文书决定号 for 行政处罚决定书文号 (same characters), but not a short label’s anagram', () => {
    const page = snapshot(`<table>
  <tr><td>行政处罚文书决定号</td><td>某牧罚决字〔2018〕第1号</td></tr>
  <tr><td>行政相对人名称</td><td>某某科技有限公司</td></tr>
  <tr><td>处罚事由</td><td>生产假兽药</td></tr>
  <tr><td>由事</td><td>不是处罚事由</td></tr>
</table>`);
    const [result] = runTemplateElements(page, TEMPLATES.get('penalty-disclosure-dual')!, TEMPLATES);
    expect(result!.elements!.find((e) => e.name === '行政处罚决定书文号')?.value).toBe('某牧罚决字〔2018〕第1号');
    expect(result!.elements!.find((e) => e.name === '处罚事由')?.value).toBe('生产假兽药');
  });
});

describe('template-elements on the 银监会 table with a group inside a group', () => {
  // 被处罚当事人姓名或名称 spans 个人姓名 and the 单位 rows; 单位 spans 名称 and 法定代表人 (cells as the 银监会 prints them).
  const nested = `
<table>
  <tr><td colspan="3">行政处罚决定书文号</td><td>某银监罚决字〔2018〕35号</td></tr>
  <tr><td rowspan="3">被处罚当事人姓名或全称</td><td colspan="2">个人姓名</td><td>—</td></tr>
  <tr><td rowspan="2">单位</td><td>名称</td><td>某某银行股份有限公司</td></tr>
  <tr><td>法定代表人（主要负责人）姓名</td><td>王某</td></tr>
  <tr><td colspan="3">主要违法违规事实（案由）</td><td>贷后管理失职</td></tr>
  <tr><td colspan="3">行政处罚依据</td><td>《中华人民共和国银行业监督管理法》第四十六条</td></tr>
  <tr><td colspan="3">行政处罚决定</td><td>罚款人民币50万元</td></tr>
  <tr><td colspan="3">作出处罚决定的机关名称</td><td>某银监局</td></tr>
  <tr><td colspan="3">作出处罚决定的日期</td><td>2018年6月28日</td></tr>
</table>`;

  it('reads 单位 + 名称 as the party’s 单位名称, and keeps the outer group open', () => {
    const [result] = runTemplateElements(snapshot(nested), TEMPLATES.get('penalty-disclosure-dual')!, TEMPLATES);
    expect(statuses(result!)).toMatchObject({
      行政相对人名称: 'present',
      法定代表人姓名: 'present',
      处罚事由: 'present',
      处罚机关: 'present',
    });
    expect(result!.elements!.find((e) => e.name === '行政相对人名称')?.value).toBe('某某银行股份有限公司');
  });

  it('reads the same rows when a copy lost its rowspans (two labels and a value per row)', () => {
    const bare = nested.replace(/ (rowspan|colspan)="\d"/g, '');
    const [result] = runTemplateElements(snapshot(bare), TEMPLATES.get('penalty-disclosure-dual')!, TEMPLATES);
    expect(statuses(result!).行政相对人名称).toBe('present');
  });
});

describe('template-elements and the site chrome', () => {
  it('never takes the footer’s 联系电话 for the guide’s 咨询电话', () => {
    const page = snapshot(`
<div class="content"><table>
  <tr><td>事项名称</td><td>公共租赁住房申请</td></tr>
  <tr><td>办理地点</td><td>区政务服务中心3号窗口</td></tr>
</table></div>
<div class="footer"><p>主办单位：某县人民政府办公室</p><p>联系电话：0591-26888888</p></div>`);
    const [result] = runTemplateElements(page, TEMPLATES.get('service-guide')!, TEMPLATES);
    expect(statuses(result!).咨询电话).toBe('missing');
    expect(statuses(result!).办理地点).toBe('present');
  });
});

describe('record rules', () => {
  it('tells organisations from natural persons by the printed name', () => {
    expect(partyKind('广发银行股份有限公司')).toBe('organisation');
    expect(partyKind('某县某某加油站')).toBe('organisation');
    expect(partyKind('蒋某（广发银行股份有限公司资产托管部）')).toBe('person');
    expect(partyKind('陈某香')).toBe('person');
    expect(partyKind('')).toBeNull();
  });

  it('knows a free service when the fee says so', () => {
    expect(saysFree('本事项不收费')).toBe(true);
    expect(saysFree('免费')).toBe(true);
    expect(saysFree('无')).toBe(true);
    expect(saysFree('按《某收费标准》每件50元')).toBe(false);
  });
});

describe('template-elements and values that put the answer off', () => {
  const guide = (fee: string, basis: string) =>
    snapshot(`<table>
  <tr><td>事项名称</td><td>稀土、黄金行业固定资产投资项目核准</td></tr>
  <tr><td>实施机构</td><td>工业和信息化部</td></tr>
  <tr><td>收费标准</td><td>${fee}</td></tr>
  <tr><td>收费依据</td><td>${basis}</td></tr>
</table>`);

  it('takes 无 as the answer of a fee element, 略 (omitted) or 待定 as no answer', () => {
    const free = statuses(runTemplateElements(guide('不收费', '无'), TEMPLATES.get('service-guide')!, TEMPLATES)[0]!);
    expect([free.收费标准, free.收费依据]).toEqual(['present', 'present']);
    const omitted = statuses(runTemplateElements(guide('略', '待定'), TEMPLATES.get('service-guide')!, TEMPLATES)[0]!);
    expect([omitted.收费标准, omitted.收费依据]).toEqual(['empty', 'empty']);
  });
});
