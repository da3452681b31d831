import { describe, expect, it } from 'vitest';
import type { ElementTemplate } from './model';
import { checkTemplates, indexTemplates, loadTemplate } from './templates';

const el = (id: string, name: string, synonyms: string[] = [], itemTemplate?: string) => ({
  id,
  name,
  synonyms,
  required: true,
  valueKind: 'text' as const,
  fix: '补上。',
  ...(itemTemplate !== undefined ? { itemTemplate } : {}),
});
const tpl = (id: string, elements: ElementTemplate['elements']): ElementTemplate => ({
  id,
  name: id,
  aliases: [],
  source: { kind: 'national', ref: 'test' },
  elements,
});

describe('templates', () => {
  it('loads valid JSON and refuses invalid JSON with the path', () => {
    expect(loadTemplate(tpl('ok', [el('a', '甲')])).id).toBe('ok');
    expect(() =>
      loadTemplate({ id: 'bad', name: 'x', aliases: [], source: { kind: 'plan', ref: 'r' }, elements: [] }, 'bad.json'),
    ).toThrow(/bad\.json: invalid at elements/);
    expect(() =>
      loadTemplate({ ...tpl('bad', [el('a', '甲')]), elements: [{ ...el('a', '甲'), valueKind: 'number' }] }),
    ).toThrow(/valueKind/);
  });

  it('finds duplicated ids, ambiguous labels and dangling item templates', () => {
    const problems = checkTemplates([
      tpl('a', [el('x', '名称', ['标题']), el('x', '别名'), el('w', '标 题'), el('y', '材料', [], 'missing')]),
      tpl('a', [el('z', '甲')]),
    ]);
    expect(problems.map((p) => p.problem)).toEqual([
      'duplicated template id',
      'duplicated element id',
      'label “标 题” also names x',
      'unknown itemTemplate missing',
    ]);
  });

  it('indexes by id', () => {
    expect(indexTemplates([tpl('a', [el('x', '甲')])]).get('a')?.elements).toHaveLength(1);
  });
});
