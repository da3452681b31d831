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
