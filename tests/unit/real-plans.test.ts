/**
 * The real-plan corpus (tests/real-plans/): every plan imports from every form it is kept in — the published HTML,
 * the page copied from a browser, its flattened text, the text as retrieved — with at least 95 % of the tasks fully
 * right (number, title, category, lead and responsible units, deadline) against the list checked by hand, and no
 * loss without a warning.
 */
import { describe, expect, it } from 'vitest';
import { importForm, loadCorpus, score } from '../real-plans/corpus';

const corpus = loadCorpus();

describe('real plans of other places and years', () => {
  it('holds at least six plans, a department list, a paragraph plan and a standard catalogue among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(6);
    expect(corpus.some((p) => p.expected.catalogue)).toBe(true);
    expect(
      corpus.some((p) => p.forms.some((f) => f.form === 'html') && !p.forms.some((f) => f.form === 'copied')),
    ).toBe(true);
  });

  const cases = corpus.flatMap((p) => p.forms.map((f) => ({ name: `${p.id} (${f.form})`, plan: p, form: f })));
  it.each(cases)('$name: ≥ 95 % of tasks fully right (or refused as labelled), every loss warned', ({ plan, form }) => {
    const result = importForm(form.input, form.kind);
    const s = score(plan.expected, result);
    expect(s.error, s.misses.join('\n')).toBeUndefined();
    // A form no reader can read is refused with the message its label expects (nothing imported, and said so).
    if (!s.refused) expect(s.right / s.total, s.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(s.unwarned).toEqual([]);
  });

  it.each(corpus.filter((p) => p.expected.year !== undefined || p.expected.region !== undefined))(
    '$id: region and year from the document',
    (plan) => {
      const html = plan.forms.find((f) => f.form === 'html');
      if (!html) throw new Error('no html form');
      const r = importForm(html.input, 'html');
      if (!r.ok) throw new Error(r.error.message);
      if (plan.expected.year !== undefined) expect(r.plan.year).toBe(plan.expected.year);
      if (plan.expected.region !== undefined) expect(r.plan.region).toBe(plan.expected.region);
      if (plan.expected.title !== undefined) expect(r.plan.title).toBe(plan.expected.title);
    },
  );
});
