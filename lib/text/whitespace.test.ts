import { describe, expect, it } from 'vitest';
import { collapseShown, removeShown, shownInk } from './whitespace';

/** What the snapshot did before collapseShown: one search and a trim on every text. */
const byRegex = (s: string) => s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();

describe('collapseShown', () => {
  it('collapses and trims every whitespace a page shows, and leaves every other character alone', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`索引号${ch}${ch}FJ-12`, `${ch}标题`, `标题${ch}`, ch])
        expect(collapseShown(s)).toBe(byRegex(s));
    }
  });

  it('returns a text without whitespace as it is', () => {
    const title = '罗源县人民政府办公室关于做好政务公开工作的通知';
    expect(collapseShown(title)).toBe(title);
    expect(collapseShown(' 索 引　号：\u200bFJ-LY-2026-0012\n')).toBe('索 引 号： FJ-LY-2026-0012');
  });
});

describe('removeShown and shownInk', () => {
  it('remove exactly the whitespace collapseShown collapses, and count what is left', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const s = `索${ch}引${ch}${ch}号`;
      const expected = byRegex(s).replace(/ /g, '');
      expect(removeShown(s)).toBe(expected);
      // labelText stops reading past 200 of these: collapseShown keeps at least this many characters.
      expect(shownInk(s)).toBe(expected.length);
      expect(collapseShown(s).length).toBeGreaterThanOrEqual(shownInk(s));
    }
  });
});
