/**
 * Table cells that each print their own `标签: 值` (a Hanweb metadata table: `索引号: 002482082/2024-00332 | 文件编号: |
 * 发布机构: 省教育厅`) are pairs of their own — one field per cell, an empty value where the cell prints only its label —
 * not a label cell followed by its value cell. A plain key/value row is read as before.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFields } from './fields';

function fieldsOf(body: string) {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  return extractFields(document as unknown as Document, []).fields.map((f) => [f.label, f.value]);
}

describe('cells that print their own pairs', () => {
  it('reads one pair per cell, an empty value included', () => {
    const fields = fieldsOf(`<table border="1">
      <tr><td>索引号: 002482082/2024-00332</td><td>文件编号: </td><td>发布机构: 省教育厅</td></tr>
      <tr><td>生成日期: 2024-10-21</td><td>主题分类: 教育</td><td>公开方式: 主动公开</td></tr></table>`);
    expect(fields).toEqual([
      ['索引号', '002482082/2024-00332'],
      ['文件编号', ''],
      ['发布机构', '省教育厅'],
      ['生成日期', '2024-10-21'],
      ['主题分类', '教育'],
      ['公开方式', '主动公开'],
    ]);
  });

  it('never reads such a cell as the label of the next one', () => {
    const fields = fieldsOf('<table><tr><td>主题分类: 教育</td><td>公开方式: 主动公开</td></tr></table>');
    expect(fields).not.toContainEqual(['主题分类: 教育', '公开方式: 主动公开']);
    expect(fields).toEqual([
      ['主题分类', '教育'],
      ['公开方式', '主动公开'],
    ]);
  });

  it('still reads a label cell beside its value cell, with or without a colon', () => {
    expect(
      fieldsOf('<table><tr><td>发布机构：</td><td>省教育厅</td><td>文号</td><td>浙教办〔2024〕1号</td></tr></table>'),
    ).toEqual([
      ['发布机构', '省教育厅'],
      ['文号', '浙教办〔2024〕1号'],
    ]);
  });
});
