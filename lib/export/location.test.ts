import { describe, expect, it } from 'vitest';
import { humanLocation } from './location';

const at = (path: string, text: string, frame: number[] = []) => ({ text, locator: { frame, path } });

describe('evidence locations people read', () => {
  it('names the table row, list item or paragraph and the label, never the CSS path', () => {
    expect(
      humanLocation(
        'zh_CN',
        at('#main > table > tbody > tr:nth-of-type(3) > td:nth-of-type(2)', '办理地点：县行政服务中心'),
      ),
    ).toBe('表格第3行“办理地点”');
    expect(humanLocation('zh_CN', at('body > div:nth-of-type(2) > ul > li:nth-of-type(2) > a', '2026年预算公开'))).toBe(
      '列表第2项',
    );
    expect(humanLocation('zh_CN', at('body > div > p:nth-of-type(4)', 'id:350123********1530'))).toBe(
      '正文第4段“身份证号”',
    );
    expect(humanLocation('en', at('body > div', 'mobile:138****8000', [1]))).toBe(
      'page body (in a frame) "Mobile number"',
    );
  });
});
