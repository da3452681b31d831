/**
 * Which checks run, from the page's own evidence: the metadata block wherever one is present (not on an article whose
 * only labels are its publication line), a record template on a bare table whatever the page kind.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { templates } from '../../seeds/index';
import type { ElementTemplate } from '../plan/model';
import { runMetadataBlock } from '../checks/metadata-block';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { detectPageKind } from './page-kind';
import { selectChecks } from './select-checks';

const TEMPLATES = new Map(templates.map((t) => [t.id, t]));

function snapshot(body: string) {
  const { document } = parseHTML(`<html><head><title>t</title></head><body>${body}</body></html>`);
  return takeSnapshot(document as unknown as Document, 'http://www.example.gov.cn/a/1.html');
}

function planned(body: string): string[] {
  const s = snapshot(body);
  return selectChecks(s, detectPageKind(s), null, [], TEMPLATES).map((c) => c.templateId ?? c.checkId);
}

const FLOATED_BLOCK = `
<div class="xxgk-meta">
  <div style="float:left;width:50%">
    <p><strong>索引号</strong>：11350123MB0000000X/2026-00012</p>
    <p><strong>发布机构</strong>：某县财政局</p>
    <!-- <p><strong>文号</strong>：某财〔2026〕3号</p> -->
  </div>
  <div style="float:right;width:50%">
    <p><strong>生成日期</strong>：2026-03-01</p>
    <p><strong>发布日期</strong>：2026-03-05</p>
    <p><strong>主题分类</strong>：财政</p>
  </div>
  <p><strong>名称</strong>：某县2026年预算公开</p>
</div>`;

describe('selectChecks from the page’s own evidence', () => {
  it('runs the metadata check on a bare block of <p><strong> lines in floated columns', () => {
    expect(planned(FLOATED_BLOCK)).toContain('gov-info-metadata');
    const result = runMetadataBlock(
      snapshot(FLOATED_BLOCK),
      TEMPLATES.get('gov-info-metadata')!,
      new Date('2026-11-28'),
    );
    const status = Object.fromEntries((result.elements ?? []).map((e) => [e.name, e.status]));
    expect(status).toMatchObject({
      索引号: 'present',
      发布机构: 'present',
      生成日期: 'present',
      发布日期: 'present',
      分类: 'present',
      名称: 'present',
      文号: 'missing',
    });
    expect(result.elements?.find((e) => e.name === '索引号')?.value).toBe('11350123MB0000000X/2026-00012');
  });

  it('does not take an article’s publication line (发布日期, 信息来源) for a metadata block', () => {
    const article = `<h1>某县召开会议</h1><p>发布日期：2026-03-05　信息来源：县政府办</p><p>会议要求……</p>`;
    expect(planned(article)).not.toContain('gov-info-metadata');
  });

  it('applies a record template to a bare table, whatever the page kind', () => {
    const table = `<table>
      <tr><td>序号</td><td>当事人名称</td><td>行政处罚决定书文号</td><td>违法行为类型</td><td>行政处罚内容</td></tr>
      <tr><td>1</td><td>某某公司</td><td>某罚决字〔2026〕1号</td><td>违规</td><td>罚款</td></tr></table>`;
    expect(planned(table)).toContain('penalty-disclosure-dual');
  });

  it('applies the 双公示 penalty template to a label-column table whose party is printed under several labels', () => {
    const table = `<table>
  <tr><td colspan="3">行政处罚决定书文号</td><td>某银监罚决字〔2018〕35号</td></tr>
  <tr><td rowspan="3">被处罚当事人姓名或名称</td><td colspan="2">个人姓名</td><td>—</td></tr>
  <tr><td rowspan="2">单位</td><td>名称</td><td>某某银行股份有限公司</td></tr>
  <tr><td>法定代表人（主要负责人）姓名</td><td>王某</td></tr>
  <tr><td colspan="3">行政处罚决定</td><td>罚款人民币50万元</td></tr>
  <tr><td colspan="3">作出处罚决定的机关名称</td><td>某银监局</td></tr>
  <tr><td colspan="3">作出处罚决定的日期</td><td>2018年6月28日</td></tr>
</table><p>个人姓名：</p>`;
    // 个人姓名, 单位名称 and 被处罚当事人姓名或名称 are three labels of one party, not one label printed three times.
    expect(planned(table)).toContain('penalty-disclosure-dual');
  });

  it('holds a service guide to the 19号 key categories too, because that template says it is checked with it', () => {
    const html = readFileSync(
      resolve(import.meta.dirname, '../checks/fixtures/template-elements/guide-complete.html'),
      'utf8',
    );
    const { document } = parseHTML(html);
    const s = takeSnapshot(document as unknown as Document, 'http://www.example.gov.cn/bszn/1.html');
    const ids = (templates: ReadonlyMap<string, ElementTemplate>) =>
      selectChecks(s, 'detail', null, [], templates).map((c) => c.templateId);
    expect(ids(TEMPLATES)).toEqual(expect.arrayContaining(['service-guide', 'service-guide-key-categories']));
    const { checkedWith: _, ...unbound } = TEMPLATES.get('service-guide-key-categories')!;
    const without = new Map(TEMPLATES).set(unbound.id, unbound);
    expect(ids(without)).toContain('service-guide');
    expect(ids(without)).not.toContain('service-guide-key-categories');
  });

  it('reads a guide printed as numbered sections, and does not hold a notice inviting applications to the guide categories', () => {
    const guide = `<p><strong>一、项目名称</strong>：民用爆炸物品安全生产许可<br/><strong>二、实施主体</strong>：工业和信息化部<br/>
      <strong>三、受理单位</strong>：工业和信息化部安全生产司<br/><strong>四、法律依据</strong><br/>《民用爆炸物品安全管理条例》<br/>
      <strong>五、许可条件</strong><br/>具有健全的安全生产责任制。<br/><strong>六、申请材料</strong><br/>（1）申请审批表<br/>
      <strong>七、程序和期限</strong><br/>自受理之日起20日内审查。<br/><strong>八、告知方式</strong><br/>书面通知<br/>
      <strong>九、许可收费</strong><br/>无<br/><strong>十、联系电话</strong>：01068205388</p>`;
    expect(planned(guide)).toEqual(expect.arrayContaining(['service-guide', 'service-guide-key-categories']));
    const notice = `<p>（一）申报条件</p><p>凡符合下述条件的设市城市均可申报。</p><p>（二）申报材料</p><p>填写项目建议书。</p>
      <p>（三）申报审核程序</p><p>城市自愿申报，省级主管部门择优推荐。</p><p>联系电话：010-58934653</p>`;
    expect(planned(notice)).not.toContain('service-guide-key-categories');
  });

  it('does not take a table that shares only two generic columns with a record template for that template’s records', () => {
    // A 施工许可 register: 建设单位 and 建设地址 are two of the seven 环评受理 elements, too few to call it EIA records.
    const permits = `<table>
      <tr><td>序号</td><td>工程名称</td><td>施工许可证号</td><td>建设单位</td><td>发证日期</td><td>建设地址</td></tr>
      <tr><td>1</td><td>某小区1#楼</td><td>[2015]施建字0011号</td><td>某房地产开发有限公司</td><td>2015-03-03</td><td>某镇某村</td></tr>
      <tr><td>2</td><td>某业务用房</td><td>[2015]施建字0010号</td><td>某通信有限公司</td><td>2015-03-03</td><td>某街25号</td></tr></table>`;
    expect(planned(permits)).not.toContain('eia-acceptance');
    const eia = permits
      .replace('<td>发证日期</td>', '<td>环评机构</td>')
      .replace(/<td>2015-03-03<\/td>/g, '<td>某环评公司</td>');
    expect(planned(eia)).toContain('eia-acceptance');
  });

  it('applies the consultation template to a page whose title says 征求意见 and that shows one of its elements in prose', () => {
    const body = `<h1>关于公开征求意见的通知</h1><p>近日，市住房和城乡建设委员会起草了《关于公共租赁住房房屋登记有关问题的通知（征求意见稿）》，明确了公共租赁住房办理房屋登记时需要提供的要件和办理流程，现向社会公开征求意见。本次征求意见截止日期为2013年1月4日。</p>
      <p>欢迎社会各界通过电话：010-59958597提出意见和建议。</p>`;
    const titled = (title: string) => {
      const { document } = parseHTML(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
      const s = takeSnapshot(document as unknown as Document, 'http://www.example.gov.cn/a/1.html');
      return selectChecks(s, detectPageKind(s), null, [], TEMPLATES).map((c) => c.templateId ?? c.checkId);
    };
    expect(titled('本市就公共租赁住房登记问题公开征求意见－政策解读')).toContain('normative-doc-consultation');
    expect(titled('市住建委召开座谈会－政务动态')).not.toContain('normative-doc-consultation');
  });
});
