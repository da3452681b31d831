import { describe, expect, it } from 'vitest';
import { findDate, findListDate, isoDate } from './dates';

describe('dates as portals print them', () => {
  it('reads the printed forms and rejects days a month does not have', () => {
    expect(findDate('发布日期：2017年6月1日')?.date).toBe('2017-06-01');
    expect(findDate('[2017.06.01]')?.date).toBe('2017-06-01');
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2100, 2, 29)).toBeNull();
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(2026, 4, 31)).toBeNull();
    expect(isoDate(2026, 12, 31)).toBe('2026-12-31');
    expect(findDate('2026-02-30')).toBeNull();
  });

  it('completes a month-day with the year from the item URL', () => {
    expect(findListDate('06-01', '/zwgk/201706/t20170601_1.html')?.date).toBe('2017-06-01');
    expect(findListDate('06-31', '/zwgk/201706/t20170601_1.html')).toBeNull();
  });
});
