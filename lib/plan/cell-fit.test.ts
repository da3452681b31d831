/** fitsRole: which cells can stand in a units column when a table arrives as text. */
import { describe, expect, it } from 'vitest';
import { fitsColumn, fitsRole } from './cell-fit';

describe('fitsRole for units', () => {
  it('takes a cell whose units close with 落实 after their names (局属各单位落实)', () => {
    expect(fitsRole('responsible', '財審處牽頭,局屬各單位落實')).toBe(true);
    expect(fitsRole('responsible', '市财政局牵头,市直各单位落实')).toBe(true);
  });

  it('does not take a requirement that ends in 落实', () => {
    expect(fitsRole('responsible', '逐项推动工作落实')).toBe(false);
  });
});

describe('fitsRole for units closed by 按职责分工落实', () => {
  it('takes office names that close with 等按职责分工落实 (the units carry the task each in its own part)', () => {
    expect(fitsRole('responsible', '应急处、监督处、医政医管处、疾控处、基层处等按职责分工落实')).toBe(true);
  });
});

describe('fitsRole for deadlines', () => {
  it('takes a catalogue 时限 that goes on to its exceptions when it counts days, not a long sentence without a count', () => {
    expect(
      fitsRole('deadline', '信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示'),
    ).toBe(true);
    expect(fitsRole('deadline', '长期推进')).toBe(true);
    expect(fitsRole('deadline', '按照年度工作安排持续做好政策解读、回应关切和政务新媒体管理等各项工作')).toBe(false);
  });
});

describe('fitsRole for a time phrase’s 内', () => {
  it('takes 内 after a span (一周内, 两小时内) but not 内 inside a content word (内设科室名称)', () => {
    expect(fitsRole('deadline', '一周内')).toBe(true);
    expect(fitsRole('deadline', '两小时内')).toBe(true);
    expect(fitsRole('deadline', '内设科室名称、职能职责')).toBe(false);
  });
});

describe('fitsColumn in a table without a unit column', () => {
  it('lets a cell that reads as units (内设科室) stand as an item when no column takes units', () => {
    expect(fitsColumn(['no', 'category', 'title', 'requirements'], 2, '内设科室')).toBe(true);
    expect(fitsColumn(['no', 'title', 'requirements', 'responsible'], 1, '内设科室')).toBe(false);
  });
});
