import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { InvalidRequest } from './invalid-request';
import {
  DEFAULT_HIGHLIGHT_COLORS,
  SETTING_KEYS,
  getSettings,
  setActiveAuditId,
  setHighlightColors,
  setInspectorName,
  setLanguage,
  type Language,
} from './settings';
import { withFreshDb, type TestDb } from '../../tests/helpers/storage-testing';

let db: TestDb;
withFreshDb('settings', (fresh) => (db = fresh));

describe('settings', () => {
  it('reads defaults, then what was set', async () => {
    expect(await getSettings(db)).toEqual({
      inspectorName: '',
      language: 'auto',
      highlightColors: DEFAULT_HIGHLIGHT_COLORS,
      activeAuditId: null,
    });
    expect(await setInspectorName(db, ' 林\u3000检查 ')).toBe('林 检查');
    await setLanguage(db, 'en');
    expect(await setHighlightColors(db, { problem: '#FF0000' })).toEqual({
      ...DEFAULT_HIGHLIGHT_COLORS,
      problem: '#FF0000',
    });
    await setActiveAuditId(db, 'a-1');
    expect(await getSettings(db)).toEqual({
      inspectorName: '林 检查',
      language: 'en',
      highlightColors: { ...DEFAULT_HIGHLIGHT_COLORS, problem: '#FF0000' },
      activeAuditId: 'a-1',
    });
    await setActiveAuditId(db, null);
    expect((await getSettings(db)).activeAuditId).toBeNull();
  });

  it('refuses invalid values and reads a stored value of the wrong shape as the default', async () => {
    await expect(setLanguage(db, 'fr' as Language)).rejects.toBeInstanceOf(InvalidRequest);
    await expect(setHighlightColors(db, { empty: 'yellow' })).rejects.toBeInstanceOf(InvalidRequest);
    await db.settings.bulkPut([
      { key: SETTING_KEYS.language, value: 42 },
      { key: SETTING_KEYS.highlightColors, value: { present: '#000000', empty: 'nope' } },
      { key: SETTING_KEYS.inspectorName, value: null },
    ]);
    expect(await getSettings(db)).toMatchObject({
      language: 'auto',
      inspectorName: '',
      highlightColors: { ...DEFAULT_HIGHLIGHT_COLORS, present: '#000000' },
    });
  });
});
