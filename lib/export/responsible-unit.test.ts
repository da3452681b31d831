import { describe, expect, it } from 'vitest';
import { bundledPlans } from '../../seeds/index';
import { responsibleUnit } from './responsible-unit';

const plan = bundledPlans[0]!;
const task2 = plan.tasks.find((t) => t.no === '2')!;

describe('the unit that fixes a failure', () => {
  it('is the page’s publisher when it is a plan unit, else the task’s lead unit, said with the rule', () => {
    expect(task2.lead.units).toContain('县财政局');
    expect(responsibleUnit(plan, { publisher: '罗源县教育局' }, task2)).toEqual({
      unit: '县教育局',
      rule: 'publisher',
    });
    expect(responsibleUnit(plan, { publisher: '某某报社' }, task2)).toEqual({
      unit: task2.lead.units.join('、'),
      rule: 'lead',
    });
    expect(responsibleUnit(plan, undefined, task2).rule).toBe('lead');
    expect(responsibleUnit(plan, { publisher: '某某报社' }, undefined)).toEqual({ unit: '', rule: 'none' });
  });
});
