/**
 * Numbered sections read as label–value pairs: a heading alone on its line, its value everything up to the next
 * heading of its series — as the 国务院部门 行政许可 guides print their ten items.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFields } from './fields';
import { chineseNumber } from './section-fields';

function fieldsOf(body: string) {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  return extractFields(document as unknown as Document, []).fields;
}

function valueFor(body: string, label: string): string | undefined {
  return fieldsOf(body).find((f) => f.label === label)?.value;
}

// The shape of www.gov.cn 办事指南 pages (2012): one <p> in a layout table, <strong> headings, <br> between lines.
const GUIDE = `<table><tr><td><p>
  <strong>一、项目名称</strong>：民用爆炸物品安全生产许可<br/>
  <strong>二、实施主体</strong>：工业和信息化部<br/>
  <strong>三、法律依据<br/></strong><br/>设立和规范项目实施的法律、法规及规范性文件：<br/>
  （1）<a href="/f/1">《民用爆炸物品安全管理条例》</a><br/>
  <strong>四、程序和期限</strong><br/>
  一、申请程序：<br/>企业提出申请。<br/>
  二、受理程序：<br/>自受理之日起20日内完成审查。<br/>
  <strong>五、许可收费</strong><br/>无<br/>
  <strong>六、联系电话</strong>：</p></td></tr></table>
  <div class="editor">责任编辑：薛源</div>`;

describe('numbered sections', () => {
  it('reads the text under a heading, up to the next heading of its series', () => {
    expect(valueFor(GUIDE, '三、法律依据')).toBe(
      '设立和规范项目实施的法律、法规及规范性文件： （1） 《民用爆炸物品安全管理条例》',
    );
    expect(valueFor(GUIDE, '五、许可收费')).toBe('无');
  });

  it('keeps a nested series (一、申请程序 inside 四、程序和期限) inside its parent section', () => {
    const process = valueFor(GUIDE, '四、程序和期限');
    expect(process).toContain('企业提出申请');
    expect(process).toContain('20日内完成审查');
    expect(process).not.toContain('无');
    // The line `一、申请程序：` alone is also an empty inline pair; the section gives the value under it.
    expect(fieldsOf(GUIDE).some((f) => f.label === '一、申请程序' && f.value === '企业提出申请。')).toBe(true);
  });

  it('ends the last section with the element that holds the series: the 责任编辑 line after it is no value', () => {
    const phone = fieldsOf(GUIDE).filter((f) => f.label === '六、联系电话');
    expect(phone.length).toBeGreaterThan(0);
    expect(phone.every((f) => f.value === '')).toBe(true);
  });

  it('stops a bold label’s value at the end of its line, not at the end of the paragraph', () => {
    const values = fieldsOf(GUIDE)
      .filter((f) => f.label === '二、实施主体')
      .map((f) => f.value);
    expect(values).toEqual(['工业和信息化部']);
  });

  it('does not count the paragraph’s links as an empty label’s value', () => {
    const phone = fieldsOf(GUIDE).find((f) => f.label === '六、联系电话' && f.layout === 'inline');
    expect(phone?.links).toBe(0);
  });

  it('reads （一） headings in paragraphs of their own', () => {
    const body = `<div class="content"><p>（一）申报条件</p><p>城市政府重视交通系统建设。</p>
      <p>（二）申报材料</p><p>填写项目建议书。</p><p>附件说明。</p></div><div>版权所有：某某</div>`;
    expect(valueFor(body, '（一）申报条件')).toBe('城市政府重视交通系统建设。');
    expect(valueFor(body, '（二）申报材料')).toBe('填写项目建议书。 附件说明。');
  });

  it('does not take a lone numbered line, Arabic list numbers or a table’s label cells for sections', () => {
    expect(valueFor('<p>一、总体要求</p><p>做好政务公开。</p>', '一、总体要求')).toBeUndefined();
    expect(valueFor('<p>1. 项目名称</p><p>某项目</p><p>2. 建设地点</p><p>某地</p>', '1. 项目名称')).toBeUndefined();
    const table =
      '<table><tr><td>一、事项名称</td><td>某许可</td></tr><tr><td>二、设定依据</td><td>某法</td></tr></table>';
    expect(fieldsOf(table).filter((f) => f.layout === 'section')).toEqual([]);
  });
});

describe('chineseNumber', () => {
  it('reads the numbers headings use', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三'].map(chineseNumber)).toEqual([1, 9, 10, 11, 20, 23]);
    expect(chineseNumber('零')).toBeNull();
  });
});
