import { describe, expect, it } from 'vitest';
import { PROBLEMS_FIRST, sortProblemsFirst } from './order';

describe('problems first', () => {
  it('is the order of the status strings, so the status index of the findings list sorts the same way', () => {
    expect([...PROBLEMS_FIRST].sort()).toEqual(PROBLEMS_FIRST);
  });

  it('puts failures, then doubts first and keeps the order within a status', () => {
    const results = [
      { id: 1, status: 'pass' as const },
      { id: 2, status: 'not-applicable' as const },
      { id: 3, status: 'fail' as const },
      { id: 4, status: 'needs-review' as const },
      { id: 5, status: 'fail' as const },
    ];
    expect(sortProblemsFirst(results).map((r) => r.id)).toEqual([3, 5, 4, 2, 1]);
  });
});
