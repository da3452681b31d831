import { describe, expect, it } from 'vitest';
import { CountsDelta } from './task-counts';

describe('count changes', () => {
  it('moves a finding between tasks and statuses, ignores a no-op, and counts a page once per task', () => {
    const delta = new CountsDelta();
    const f = (taskId: string | null, status: 'pass' | 'fail') => ({ auditId: 'a', taskId, status });
    delta.change(undefined, f('t1', 'fail'));
    delta.change(f('t1', 'fail'), f('t1', 'fail'));
    delta.change(f('t1', 'fail'), f('t2', 'pass'));
    delta.change(f(null, 'pass'), undefined);
    delta.pages(undefined, { auditId: 'a', taskIds: ['t1', 't1', 't3'] });
    // A generic check (no leak …) on task 3 counts in its totals and apart as generic; turning task-specific moves it.
    delta.change(undefined, { ...f('t3', 'pass'), taskSpecific: false });
    delta.change({ ...f('t2', 'pass'), taskSpecific: false }, f('t2', 'pass'));
    const rows = (delta as unknown as { rows: Map<string, unknown> }).rows;
    const g = { gpass: 0, gfail: 0, greview: 0, gna: 0 };
    expect([...rows.values()]).toEqual([
      { auditId: 'a', taskKey: 't1', pass: 0, fail: 0, review: 0, na: 0, pages: 1, ...g },
      { auditId: 'a', taskKey: 't2', pass: 1, fail: 0, review: 0, na: 0, pages: 0, ...g, gpass: -1 },
      { auditId: 'a', taskKey: '', pass: -1, fail: 0, review: 0, na: 0, pages: 0, ...g },
      { auditId: 'a', taskKey: 't3', pass: 1, fail: 0, review: 0, na: 0, pages: 1, ...g, gpass: 1 },
    ]);
  });
});
