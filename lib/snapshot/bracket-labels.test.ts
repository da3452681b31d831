// @vitest-environment happy-dom
/**
 * Labels printed in 【】 brackets before their value (`【文　　号】 晋医保发〔2021〕14号`, a tax bureau's 最新文件 block):
 * read as label–value pairs, while bracketed page tools (`【字体：大 中 小】`) stay out of the fields.
 */
import { describe, expect, it } from 'vitest';
import { parseInlinePairs } from './fields';
import { takeSnapshot } from './take-snapshot';

function snap(html: string) {
  return takeSnapshot(new DOMParser().parseFromString(html, 'text/html'), 'http://www.example.gov.cn/zcwj/1.html');
}

describe('labels in 【】 brackets', () => {
  it('reads a bracketed label as the label of the text after it', () => {
    expect(parseInlinePairs('【成文日期】 2021-07-28')).toEqual([{ label: '成文日期', value: '2021-07-28' }]);
    expect(parseInlinePairs('【发布机构】国家税务总局【发文字号】税总发〔2021〕1号')).toEqual([
      { label: '发布机构', value: '国家税务总局' },
      { label: '发文字号', value: '税总发〔2021〕1号' },
    ]);
  });

  it('reads each line of a block of bracketed labels, padded labels joined, and leaves page tools alone', () => {
    const s = snap(`<p class="text-des">
        【文&ensp;&ensp;&ensp;&ensp;号】 晋医保发〔2021〕14号<br>
        【成文日期】 2021-07-28<br>
        【是否有效】 全文有效<br>
      </p>
      <div class="tools">【字体：大 中 小】</div>`);
    const fields = s.fields.map((f) => [f.label.replace(/\s/g, ''), f.value]);
    expect(fields).toContainEqual(['文号', '晋医保发〔2021〕14号']);
    expect(fields).toContainEqual(['成文日期', '2021-07-28']);
    expect(fields).toContainEqual(['是否有效', '全文有效']);
    expect(fields.map(([label]) => label)).not.toContain('字体：大中小');
  });
});

describe('bracketed page tools', () => {
  it('are no labels: a row of 【】 buttons holds no pair', () => {
    expect(parseInlinePairs('【大 中 小】【打印】【关闭】')).toEqual([]);
    expect(parseInlinePairs('【打印本页】 【关闭窗口】')).toEqual([]);
  });
});
