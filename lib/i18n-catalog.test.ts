import { describe, expect, it } from 'vitest';
import { formatIn, formatMessage } from './i18n-catalog';

describe('formatMessage', () => {
  it('fills placeholders the way browser.i18n does', () => {
    const catalogue = {
      hi: { message: '最新信息为 $P1$（$P2$ 天前）$$', placeholders: { p1: { content: '$1' }, p2: { content: '$2' } } },
    };
    expect(formatMessage(catalogue, 'hi', ['2026-11-18', '10'])).toBe('最新信息为 2026-11-18（10 天前）$');
  });
  it('formats engine messages in both languages and falls back to the key for unknown ones', () => {
    expect(formatIn('zh_CN', { key: 'checkFreshnessBlank', args: [] })).toBe('空白栏目：没有任何信息');
    expect(formatIn('en', { key: 'checkMetaFail', args: ['2', 'PubDate, ContentSource'] })).toBe(
      '2 page meta tags missing or empty: PubDate, ContentSource',
    );
    expect(formatIn('en', { key: 'noSuchKey', args: ['x'] })).toBe('noSuchKey x');
  });
});
