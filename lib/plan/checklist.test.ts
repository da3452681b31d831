import { describe, expect, it } from 'vitest';
import { buildChecklist, splitSentences } from './checklist';

describe('splitSentences', () => {
  it('splits on 。；; and keeps parentheses whole', () => {
    expect(splitSentences('甲。乙;丙(包括一致。等)。丁')).toEqual(['甲。', '乙;', '丙(包括一致。等)。', '丁']);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('buildChecklist', () => {
  it('numbers items under the task id', () => {
    expect(buildChecklist('p/t1', '标题', '第一句。第二句。')).toEqual([
      { id: 'p/t1/c1', text: '第一句。', source: 'requirements' },
      { id: 'p/t1/c2', text: '第二句。', source: 'requirements' },
    ]);
  });

  it('falls back to the title', () => {
    expect(buildChecklist('p/t31', '加大公开力度', '')).toEqual([
      { id: 'p/t31/c1', text: '加大公开力度', source: 'title' },
    ]);
  });
});
