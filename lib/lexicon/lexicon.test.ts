/** The bundled lexicon as data: every concept explained and sourced, every reference resolving, names unambiguous. */
import { describe, expect, it } from 'vitest';
import { templates } from '../../seeds/index';
import conceptsJson from '../../seeds/lexicon/concepts.json';
import sourcesJson from '../../seeds/lexicon/sources.json';
import { normalizeLabel } from '../text/normalize';
import { buildLexicon, bundledLexicon, type Concept, type LexiconSource } from './lexicon';
import { scanWords } from './scan-words';

const concepts = conceptsJson as Concept[];
const sources = sourcesJson as Record<string, LexiconSource>;

describe('the bundled lexicon', () => {
  it('builds, and every concept says what it means, what portals call it and where that comes from', () => {
    const lexicon = bundledLexicon();
    expect(lexicon.concepts.size).toBe(concepts.length);
    for (const c of concepts) {
      expect(c.meaning.length, c.id).toBeGreaterThan(10);
      expect(c.names.length, c.id).toBeGreaterThan(0);
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      expect(['topic', 'outside', 'container']).toContain(c.role);
    }
  });

  it('cites sources that are listed, with an address for every document', () => {
    for (const [id, s] of Object.entries(sources)) if (id !== 'slug') expect(s.urls.length, id).toBeGreaterThan(0);
    expect(() => buildLexicon([{ ...concepts[0]!, sources: ['nowhere:1'] }], sources)).toThrow(
      /unknown source nowhere/,
    );
  });

  it('refers only to element templates that exist', () => {
    const ids = new Set(templates.map((t) => t.id));
    for (const c of concepts) for (const t of c.templates ?? []) expect(ids.has(t), `${c.id} → ${t}`).toBe(true);
  });

  it('gives each name one meaning', () => {
    const seen = new Map<string, string>();
    for (const c of concepts)
      for (const n of c.names) {
        const key = normalizeLabel(n);
        const other = seen.get(key);
        expect(other === undefined || other === c.id, `${n}: ${other} and ${c.id}`).toBe(true);
        seen.set(key, c.id);
      }
  });

  it('reads words whole: the longest name wins', () => {
    const words = (t: string) => scanWords(bundledLexicon(), t).map((h) => h.word);
    expect(words('预算执行进度')).toEqual(['预算执行']);
    expect(words('政府信息公开年报')).toEqual(['政府信息公开年报']);
    expect(words('建设项目环境影响评价文件')).toEqual(['建设项目环境影响评价', '文件']);
  });
});
