/** The two message catalogues must stay in step: same keys, same placeholders, no empty message. */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const root = resolve(import.meta.dirname, '../../public/_locales');
const load = (lang: string): Catalogue => JSON.parse(readFileSync(resolve(root, lang, 'messages.json'), 'utf8'));

describe('locales', () => {
  const zh = load('zh_CN');
  const en = load('en');

  it('ships exactly zh_CN and en', () => {
    expect(readdirSync(root).sort()).toEqual(['en', 'zh_CN']);
  });

  it('uses only the characters Chrome accepts in message names (else the extension does not load)', () => {
    for (const key of [...Object.keys(zh), ...Object.keys(en)]) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  for (const [key, entry] of Object.entries(zh)) {
    it(`${key}: placeholders are declared and used alike`, () => {
      const used = (m: string) => [...m.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
      const declared = Object.keys(entry.placeholders ?? {}).sort();
      expect(used(entry.message)).toEqual(declared);
      expect(used(en[key]!.message)).toEqual(declared);
      expect(entry.message.trim()).not.toBe('');
      expect(en[key]!.message.trim()).not.toBe('');
    });
  }
});
