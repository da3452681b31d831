import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MARK_READERS } from './marks';
import { HEADING } from './section-fields';
import { ORIGINAL } from './links';
import { DIGIT_RUN, hasDigitRun } from './take-snapshot';
import { indexText } from './text-index';
import {
  COLON,
  DIGIT,
  DOCUMENT_WORD,
  GARBLED,
  INK,
  PAGER_WORD,
  PROSE,
  PUBLISH_WORD,
  SECTION_MARK,
  textMarks,
} from './text-marks';
import { htmlFiles } from '../../scripts/lib/page-labels';

/** Every reader that skips texts by a mark, with the test it runs on the texts it keeps. */
const READERS: ReadonlyArray<readonly [number, RegExp]> = [
  ...MARK_READERS,
  [COLON, /[:：】]/],
  [PROSE, /[。，；]/],
  [DIGIT, DIGIT_RUN],
  [GARBLED, /\uFFFD|锟斤拷/],
  [SECTION_MARK, HEADING],
  [DOCUMENT_WORD, ORIGINAL],
];

const REPO = resolve(import.meta.dirname, '../..');

describe('text marks', () => {
  it('mark whitespace-only text as having no ink, and name what a text can hold', () => {
    expect(textMarks(' \u3000\u00a0\n\u200b')).toBe(0);
    const marks = textMarks('　发布时间：2026-11-20（第一页）下一页');
    for (const m of [INK, COLON, DIGIT, PUBLISH_WORD, SECTION_MARK, PAGER_WORD]) expect(marks & m).toBe(m);
    expect(marks & PROSE).toBe(0);
  });

  it('never hide a text from a reader whose test it passes — on every text node of the real pages', () => {
    const files = htmlFiles(resolve(REPO, 'tests/real-pages'));
    expect(files.length).toBeGreaterThan(50);
    let checked = 0;
    for (const file of files) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      for (const { value, marks } of indexText(document as unknown as Document).entries) {
        for (const [mark, reader] of READERS) {
          reader.lastIndex = 0;
          if (reader.test(value) || reader.test(value.trim())) expect(marks & mark, `${file}: ${value}`).toBe(mark);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });
});

describe('the scan for a run of digits', () => {
  it('answers as DIGIT_RUN does: on made-up edge cases and on every text node of the real pages', () => {
    const cases = [
      '1234567',
      '123456',
      '1 2 3 4',
      '1     2',
      '1    2',
      '\u3000138 0000 8000',
      '0591-26831234',
      '350123198503151238',
      '138****8000',
      '第1234项，第5678项',
      '2026-11-20',
      '１２３４５６７８',
      '1\u00a0\u00a0\u00a0\u00a0\u00a02',
      '1\u200b\u200b\u200b\u200b\u200b2',
      'x9 8 7 6y',
      '',
    ];
    for (const c of cases) expect(hasDigitRun(c), JSON.stringify(c)).toBe(DIGIT_RUN.test(c));
    let checked = 0;
    for (const file of htmlFiles(resolve(REPO, 'tests/real-pages'))) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      for (const { value } of indexText(document as unknown as Document).entries) {
        expect(hasDigitRun(value), `${file}: ${value}`).toBe(DIGIT_RUN.test(value));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });
});

describe('the texts listed under a mark', () => {
  it('are those whose marks carry it, in page order, for every mark; asking for several marks at once is refused', () => {
    const { document } = parseHTML(
      '<html><body><p>索引号：1</p><p>暂无信息</p><p>发布时间：2026-01-01</p><p>一、依据</p><p>共3页</p><p>  </p></body></html>',
    );
    const text = indexText(document as unknown as Document);
    for (let bit = 0; bit < 14; bit++) {
      const mark = 1 << bit;
      expect(text.with(mark)).toEqual(text.entries.filter((e) => (e.marks & mark) !== 0));
    }
    expect(text.with(COLON).map((e) => e.value)).toEqual(['索引号：1', '发布时间：2026-01-01']);
    expect(() => text.with(COLON | DIGIT)).toThrow(RangeError);
  });
});
