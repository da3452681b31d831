import { describe, expect, it } from 'vitest';
import { luoyuan2017 } from '../../seeds/index';
import { summarizePlan } from './summarize';

describe('summarizePlan', () => {
  it('sums up the seed plan for review', () => {
    const s = summarizePlan(luoyuan2017);
    expect(s.tasks).toBe(61);
    expect(s.categories).toBe(6);
    expect(s.units).toContain('县财政局');
    expect(s.units).toContain('县国资中心');
    expect(s.templates).toContain('service-guide');
    expect(s.inherited).toBe(6); // 20, 22, 23, 37, 42, 44
    expect(s.withoutRequirements).toBe(5);
  });
});
