import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addColumnAlias, COLUMN_ALIASES_KEY, getColumnAliases, removeColumnAlias } from './column-aliases';
import { InvalidRequest } from './invalid-request';
import { withFreshDb, type TestDb } from '../../tests/helpers/storage-testing';

let db: TestDb;
withFreshDb('column-aliases', (fresh) => (db = fresh));

describe('the county’s local column names', () => {
  it('adds, replaces by name (whatever the spacing) and removes', async () => {
    expect(await getColumnAliases(db)).toEqual([]);
    await addColumnAlias(db, '  阳光 账本 ', 'budget');
    await addColumnAlias(db, '曝光台', 'penalty');
    expect(await addColumnAlias(db, '阳光账本', 'finance')).toEqual([
      { name: '曝光台', conceptId: 'penalty' },
      { name: '阳光账本', conceptId: 'finance' },
    ]);
    expect(await removeColumnAlias(db, '曝光台')).toEqual([{ name: '阳光账本', conceptId: 'finance' }]);
  });

  it('refuses an empty or over-long name and a malformed concept, writing nothing', async () => {
    await expect(addColumnAlias(db, '   ', 'budget')).rejects.toBeInstanceOf(InvalidRequest);
    await expect(addColumnAlias(db, '长'.repeat(41), 'budget')).rejects.toBeInstanceOf(InvalidRequest);
    await expect(addColumnAlias(db, '曝光台', 'Not An Id')).rejects.toBeInstanceOf(InvalidRequest);
    expect(await getColumnAliases(db)).toEqual([]);
  });

  it('reads a stored value of the wrong shape as an empty list, keeping the valid entries of a mixed one', async () => {
    await db.settings.put({ key: COLUMN_ALIASES_KEY, value: 'garbage' });
    expect(await getColumnAliases(db)).toEqual([]);
    await db.settings.put({
      key: COLUMN_ALIASES_KEY,
      value: [{ name: '曝光台', conceptId: 'penalty' }, { name: 3 }, null],
    });
    expect(await getColumnAliases(db)).toEqual([{ name: '曝光台', conceptId: 'penalty' }]);
  });
});
