/**
 * The policy tables as data: each is read and checked when loaded (a shape error names the file and the entry), every
 * entry names its source and its English name, and the tables agree with the code that reads them.
 */
import { describe, expect, it } from 'vitest';
import { PERIODS } from '../../lib/plan/model';
import { normalizeLabel } from '../../lib/text/normalize';
import { genericColumnLabels, planPeriodNames, urlColumns } from './index';
import { readTable, SeedShapeError } from './read-table';

const FIELDS = ['folder', 'name', 'en', 'source'] as const;
const read = (data: unknown) => () =>
  readTable('url-columns.json', data, FIELDS, 'folder', (e) => (e.folder === 'BAD' ? 'not lower-case' : null));
const entry = { folder: 'czyjs', name: '财政预决算', en: 'Fiscal budgets and final accounts', source: '条例第二十条' };

describe('policy tables: shape errors say which file and entry', () => {
  it('reads a well-formed table', () => {
    expect(read({ entries: [entry] })()).toEqual([entry]);
  });
  it('names the file when there is no entries list', () => {
    expect(read({ rows: [] })).toThrow(new SeedShapeError('seeds/policy/url-columns.json: no "entries" list'));
  });
  it('names the entry by number and key when a field is missing, empty or unknown', () => {
    expect(read({ entries: [entry, { ...entry, folder: 'zcjd', en: ' ' }] })).toThrow(
      'seeds/policy/url-columns.json, entry 2 (zcjd): "en" must be non-empty text',
    );
    expect(read({ entries: [{ folder: 'zcjd', name: '政策解读', en: 'Policy interpretation' }] })).toThrow(
      'seeds/policy/url-columns.json, entry 1 (zcjd): "source" must be non-empty text',
    );
    expect(read({ entries: [{ ...entry, enName: 'x' }] })).toThrow('entry 1 (czyjs): unknown field "enName"');
    expect(read({ entries: ['czyjs'] })).toThrow('seeds/policy/url-columns.json, entry 1: not an object');
  });
  it('refuses a key two entries share, and an entry that breaks the table’s own rule', () => {
    expect(read({ entries: [entry, entry] })).toThrow('entry 2 (czyjs): "folder" czyjs is already an earlier entry\'s');
    expect(read({ entries: [{ ...entry, folder: 'BAD' }] })).toThrow('entry 1 (BAD): not lower-case');
  });
});

describe('policy tables: the bundled data', () => {
  it('names a source and an English name for every entry, in Latin script', () => {
    for (const e of [...urlColumns, ...genericColumnLabels, ...planPeriodNames]) {
      expect(e.source.length).toBeGreaterThan(4);
      expect(e.en).not.toMatch(/[\u3400-\u9fff]/);
    }
    expect(urlColumns.length).toBeGreaterThan(30);
    expect(genericColumnLabels.length).toBeGreaterThan(15);
  });
  it('gives one English name to a column however many folders name it', () => {
    const en = new Map<string, string>();
    for (const c of urlColumns) {
      expect(en.get(c.name) ?? c.en, c.folder).toBe(c.en);
      en.set(c.name, c.en);
    }
  });
  it('names every period of the plan model, and only those', () => {
    expect(planPeriodNames.map((p) => p.period).sort()).toEqual([...PERIODS].sort());
  });
  it('keeps generic column labels in the normaliser’s form (the matcher compares them with normalised column names)', () => {
    for (const g of genericColumnLabels) expect(normalizeLabel(g.label)).toBe(g.label);
  });
});
