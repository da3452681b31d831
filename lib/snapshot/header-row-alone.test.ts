/**
 * A table's header row alone in its <thead> — the body empty, to be filled by the page's script (a guide's 所需材料 tab:
 * 序号 | 材料名称 | 材料类型 | 份数) — names columns: its cells are never read as labels and values of one another. A
 * two-column key/value row outside a <thead> is read as before.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFields } from './fields';

function fieldsOf(body: string) {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  return extractFields(document as unknown as Document, []).fields.map((f) => [f.label, f.value]);
}

describe('a header row with no records under it', () => {
  it('gives no label/value pairs', () => {
    const fields = fieldsOf(`<table><thead><tr><th>序号</th><th>材料名称</th><th>材料类型</th><th>份数</th></tr></thead>
      <tbody id="tbody_data"></tbody></table>
      <table><thead><tr><th>证照名称</th><th>受理机关</th><th>受理条件</th><th>法律依据</th></tr></thead><tbody></tbody></table>`);
    expect(fields).not.toContainEqual(['受理条件', '法律依据']);
    expect(fields).not.toContainEqual(['序号', '材料名称']);
    expect(fields).toEqual([]);
  });

  it('leaves a key/value table beside it as it was', () => {
    const fields = fieldsOf(`<table><tbody><tr><th>承诺时限</th><td>7个工作日</td></tr>
      <tr><th>办公地址</th><td>湘潭市岳塘区湖湘西路1号</td></tr></tbody></table>
      <table><thead><tr><th>序号</th><th>材料名称</th><th>份数</th></tr></thead><tbody></tbody></table>`);
    expect(fields).toEqual([
      ['承诺时限', '7个工作日'],
      ['办公地址', '湘潭市岳塘区湖湘西路1号'],
    ]);
  });

  it('still reads a one-row key/value table that has no <thead>', () => {
    expect(
      fieldsOf('<table><tr><th>索引号</th><td>000014349/2018-00222</td><th>发布机构</th><td>国务院</td></tr></table>'),
    ).toEqual([
      ['索引号', '000014349/2018-00222'],
      ['发布机构', '国务院'],
    ]);
  });
});
