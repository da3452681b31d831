/**
 * The reverse lookup of labels (labelMatchesFor: every element of every template at once, from a list of labels) gives
 * the answer the element-by-element match gives (matchingKey), on the labels real pages print and on labels written
 * to reach each rule of the match (a parenthetical after the name, list numbering, two words swapped); and a list of
 * labels matched before an element was first read still finds that element.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from '../../seeds/index';
import type { TemplateElement } from '../plan/model';
import { elementNames, labelKey, labelMatchesFor, matchingKey } from './find-element';

/** Labels as the saved real pages print them (the inspector's labels of tests/real-pages), and the seeds' names. */
function realLabels(): string[] {
  const file = resolve(import.meta.dirname, '../../tests/real-pages/labels.json');
  const pages = JSON.parse(readFileSync(file, 'utf8')) as Array<{ elements?: Record<string, string> }>;
  return [...new Set(pages.flatMap((p) => Object.keys(p.elements ?? {})))];
}

const ELEMENTS: TemplateElement[] = templates.flatMap((t) => t.elements);

/** Labels written to reach each rule of the match from the template names themselves. */
function ruleLabels(): string[] {
  const out: string[] = [];
  for (const e of ELEMENTS.slice(0, 200)) {
    out.push(...e.synonyms, e.name, `${e.name}（工作日）`, `1.${e.name}`, `（一）${e.name}`, `${e.name}(全称)(简称)`);
    const chars = [...e.name];
    if (chars.length >= 6) out.push([...chars.slice(3), ...chars.slice(0, 3)].join(''));
  }
  return out;
}

describe('matching labels against every element at once', () => {
  it('gives each element the same matches as asking it label by label', () => {
    const labels = [...realLabels(), ...ruleLabels(), '联系电话', '公开时间', '名称', '索 引 号', '无关的标签'];
    const keys = labels.map(labelKey);
    let matches = 0;
    for (const element of ELEMENTS) {
      const names = elementNames(element);
      const expected = keys.flatMap((key, i) => {
        const at = matchingKey(key, names);
        return at >= 0 ? [{ i, at }] : [];
      });
      expect(labelMatchesFor(keys, element), `${element.id} ${element.name}`).toEqual(expected);
      matches += expected.length;
    }
    // The comparison is about something: the real labels and most rule labels find elements.
    expect(realLabels().length).toBeGreaterThan(20);
    expect(matches).toBeGreaterThan(500);
  });

  it('finds an element first read after the labels were matched', () => {
    const keys = ['办事地点', '受理地点'].map(labelKey);
    const late: TemplateElement = {
      ...ELEMENTS[0]!,
      id: 'late',
      name: '受理地点',
      synonyms: ['办事地点'],
    };
    expect(labelMatchesFor(keys, ELEMENTS[0]!)).toBeDefined();
    expect(labelMatchesFor(keys, late)).toEqual([
      { i: 0, at: 1 },
      { i: 1, at: 0 },
    ]);
  });
});
