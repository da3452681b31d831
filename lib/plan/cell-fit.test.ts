/** fitsRole: which cells can stand in a units column when a table arrives as text. */
import { describe, expect, it } from 'vitest';
import { fitsRole } from './cell-fit';

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
