import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from './privacy-leaks';

describe('maskPersonalNumbers', () => {
  it('masks IDs, mobiles and bank cards in text that is repeated, and leaves other numbers alone', () => {
    expect(maskPersonalNumbers('经营者林某，身份证号 350123198503121530，电话13800138000')).toBe(
      '经营者林某，身份证号 350123********1530，电话138****8000',
    );
    expect(maskPersonalNumbers('索引号 000014349/2014-00114，电话 0591-26831234')).toBe(
      '索引号 000014349/2014-00114，电话 0591-26831234',
    );
    expect(maskPersonalNumbers('350123198503121531 校验位不对')).toBe('350123198503121531 校验位不对');
  });
});

describe('an ID-shaped number with a wrong check digit', () => {
  it('is masked when labelled as an ID number, left alone otherwise', () => {
    expect(maskPersonalNumbers('350123198503151239', { idLabelled: true })).toBe('350123********1239');
    expect(maskPersonalNumbers('公民身份号码：350123198503151239')).toBe('公民身份号码：350123********1239');
    expect(maskPersonalNumbers('办件编号 350123202611280017')).toBe('办件编号 350123202611280017');
  });
});
