/**
 * A paragraph a word processor wrote as runs (`<p><span>一、监督电话：</span><span>0591-</span><span>23157028</span></p>`)
 * prints one pair: the label run alone does not end the pair with an empty value, the runs after it are its value.
 * A label run with nothing after it is still a pair whose value is empty; runs outside a paragraph (a pager's
 * `<td><span>页次：</span><span>1</span>/102页</td>`) are read as before.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFields } from './fields';

function fieldsOf(body: string) {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  return extractFields(document as unknown as Document, []).fields.map((f) => [f.label, f.value]);
}

describe('a label run followed by its value in the next runs', () => {
  it('reads the value across the runs, a link included', () => {
    expect(fieldsOf('<p class="p0"><span>一、监督电话：</span><span>0591-</span><span>23157028</span></p>')).toEqual([
      ['一、监督电话', '0591-23157028'],
    ]);
    expect(
      fieldsOf(
        '<p><span>三、电子邮箱：</span><span><a href="mailto:a@b.cn"><span>pt</span><span>@b.cn</span></a></span></p>',
      ),
    ).toEqual([['三、电子邮箱', 'pt@b.cn']]);
  });

  it('keeps a label run with nothing after it as an empty value', () => {
    expect(fieldsOf('<p><span>发布机构：</span></p>')).toEqual([['发布机构', '']]);
  });

  it('reads a label run that does not open its paragraph, or runs in a cell, as before', () => {
    expect(fieldsOf('<p>首页 上一页 <span>页次：</span><span>1</span>/102页</p>')).toContainEqual(['页次', '']);
    expect(fieldsOf('<table><tr><td><span>页次：</span><span>1</span>/102页</td></tr></table>')).toContainEqual([
      '页次',
      '',
    ]);
  });
});
