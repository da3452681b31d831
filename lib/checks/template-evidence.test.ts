/**
 * Which templates a page shows from its own evidence when the record is written as prose: a 行政处罚决定书 whose party
 * is labelled (当事人：) and whose facts, basis and penalty are sentences of their own form is one, as is a page whose
 * title names the document; a notice with one labelled element and one matching sentence is no record.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { templates } from '../../seeds/index';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { templatesShown } from './template-evidence';
import { runTemplateElements } from './template-elements';
import { OWNED_TEMPLATES } from '../engine/select-checks';

const TEMPLATES = new Map(templates.map((t) => [t.id, t]));

function page(body: string, title = '') {
  const { document } = parseHTML(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
  const snapshot = takeSnapshot(document as unknown as Document, 'http://www.example.gov.cn/xzcf/1.html');
  const shown = templatesShown({
    snapshot,
    pageKind: 'detail',
    tasks: [],
    templates: TEMPLATES,
    pickedTemplateIds: [],
    ownedTemplates: OWNED_TEMPLATES,
  });
  return { snapshot, shown };
}

function statuses(snapshot: ReturnType<typeof takeSnapshot>, id: string): Record<string, string> {
  const [result] = runTemplateElements(snapshot, TEMPLATES.get(id)!, TEMPLATES);
  return Object.fromEntries((result?.elements ?? []).map((e) => [e.name, e.status]));
}

const DECISION_BODY = `
  <p>当事人：某某汽车销售有限公司</p><p>地址：某市某区某路1号</p>
  <p>经查，你公司存在利用业务便利为其他机构牟取不正当利益的行为，违反了《中华人民共和国保险法》第一百三十一条的规定。</p>
  <p>根据《中华人民共和国保险法》第一百六十五条的规定，我局决定作出如下处罚：责令你公司改正，处罚款6万元。</p>
  <p>你公司如对本处罚决定不服，可在收到本处罚决定书之日起60日内申请行政复议。</p>`;

describe('a decision written as prose', () => {
  it('shows the 行政处罚结果 template once the party is labelled and its facts, basis and penalty are sentences', () => {
    const { snapshot, shown } = page(DECISION_BODY);
    expect(shown.get('penalty-result')).toBe('page');
    expect(statuses(snapshot, 'penalty-result')).toEqual({
      被处罚者的名称: 'present',
      违法事实: 'present',
      处罚依据: 'present',
      处罚结果: 'present',
    });
  });

  it('reads the basis in a numbered section whose words a word processor split into several runs', () => {
    const { snapshot, shown } = page(
      `<h1>税务行政处罚决定书</h1><p>某某家具有限公司：</p>
       <p>一、违法事实</p><p>经查，你单位销售货物未申报纳税，造成少缴增值税16288.02元。</p>
       <p>二、处罚决定</p><p><span>根据</span><span>《中华人民共和国税收征收管理法》第六十三条</span><span>第一款规定</span>，处少缴税款百分之六十的罚款。</p>`,
    );
    expect(shown.has('penalty-result')).toBe(true);
    expect(statuses(snapshot, 'penalty-result').处罚依据).toBe('present');
  });

  it('reads facts stated as what the investigation found (在调查中发现 …), not opened by 经查', () => {
    const { snapshot, shown } = page(
      `<p>一、相关当事人</p><p>当事人：某某学校</p>
       <p>二、基本情况</p><p>根据群众举报，本机关对某采购项目进行监督检查。本机关在调查中发现某某学校在无项目资金预算情况下实施采购活动。</p>
       <p>三、处理结果</p><p>根据《中华人民共和国政府采购法实施条例》第六十七条第（一）项的规定，本机关决定处如下处罚：责令限期改正，给予警告。</p>`,
    );
    expect(shown.has('penalty-result')).toBe(true);
    expect(statuses(snapshot, 'penalty-result').违法事实).toBe('present');
    // A section that states no finding reports the facts missing.
    const bare = page(
      `<p>当事人：某某学校</p><p>本机关对某采购项目进行了监督检查。</p>
       <p>根据《中华人民共和国政府采购法实施条例》第六十七条第（一）项的规定，本机关决定处如下处罚：给予警告。</p>`,
    );
    expect(statuses(bare.snapshot, 'penalty-result').违法事实).toBe('missing');
  });

  it('shows it from the title alone (行政处罚决定书) once one element is found', () => {
    const body = '<p>当事人：某某商行</p><p>本局依法作出决定。</p>';
    expect(page(body, '某某局行政处罚决定书（某市监处罚〔2026〕3号）').shown.has('penalty-result')).toBe(true);
    expect(page(body, '某某局工作动态').shown.has('penalty-result')).toBe(false);
  });

  it('does not show it on a news report of a penalty that labels no element', () => {
    const { shown } = page(
      '<p>近日，区市场监管局依据《中华人民共和国食品安全法》第一百二十四条，对一家超市处以罚款5万元。</p>',
    );
    expect(shown.has('penalty-result')).toBe(false);
  });
});

describe('one label and one sentence are no record', () => {
  it('does not show the 征求意见 template on a 公示 notice with an address and a period', () => {
    const { shown } = page(
      `<p>公示时间：2014年9月23日至10月3日。任何单位及个人如有异议，均可向我委反映情况。</p>
       <p>通讯地址：北京市海淀区某路16号</p>`,
      '关于某分站设立的公示',
    );
    expect(shown.has('normative-doc-consultation')).toBe(false);
  });
});

describe('a 行政处罚裁量基准 (a scale for penalties, 国办发〔2022〕27号)', () => {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const STANDARD = `<table>
    ${row(['序号', '违法行为', '处罚依据', '违法情节和后果', '处罚标准'])}
    ${row(['1', '未取得施工许可证擅自施工', '《中华人民共和国建筑法》第六十四条', '超过规定期限2个月以内', '警告'])}
    ${row(['2', '未按规定办理资质变更手续', '《房地产开发企业资质管理规定》第二十四条', '超过规定期限2个月以上', '罚款5000元'])}
  </table>`;
  const RESULTS = `<table>
    ${row(['序号', '被处罚者名称', '违法行为', '处罚依据', '处罚结果'])}
    ${row(['1', '某建筑公司', '未取得施工许可证擅自施工', '《中华人民共和国建筑法》第六十四条', '罚款1万元'])}
    ${row(['2', '某开发公司', '未按规定办理资质变更手续', '《房地产开发企业资质管理规定》第二十四条', '警告'])}
  </table>`;

  it('prints 违法行为 and 处罚依据 as penalty records do, but its 违法情节 and 处罚标准 columns make it no record', () => {
    const { snapshot, shown } = page(STANDARD);
    expect(snapshot.headerTables).toHaveLength(1);
    expect(shown.has('penalty-result')).toBe(false);
    expect(shown.has('penalty-disclosure-dual')).toBe(false);
  });

  it('while a table of penalties decided, with the same two columns, is one record per row', () => {
    const { shown } = page(RESULTS);
    expect(shown.get('penalty-result')).toBe('page');
  });
});

describe('a long template shown in part', () => {
  // A 办事指南 of a combined service (“一件事”) prints five of the guide template's 22 elements in its 基本信息 table.
  const GUIDE_PART = `<table>
    <tr><th>是否收费（收费标准）</th><td>不收费</td></tr>
    <tr><th>承诺时限</th><td>7个工作日</td></tr>
    <tr><th>办公地址</th><td>某市政务服务大厅一楼综合窗口</td></tr>
    <tr><th>办公时间</th><td>工作日9:00-12:00，13:00-17:00</td></tr>
    <tr><th>监督投诉渠道</th><td>12345</td></tr>
  </table>`;

  it('is a record of it once five distinct elements are labelled, though five are less than 30 % of the list', () => {
    const { snapshot, shown } = page(GUIDE_PART);
    expect(shown.get('service-guide')).toBe('page');
    const got = statuses(snapshot, 'service-guide');
    expect(got.承诺办结时限).toBe('present');
    expect(got.办理地点).toBe('present');
    expect(got.事项名称).toBe('missing');
  });

  it('is not one with four of them', () => {
    const { shown } = page(GUIDE_PART.replace(/<tr><th>监督投诉渠道[^\n]*\n/, ''));
    expect(shown.has('service-guide')).toBe(false);
  });
});
