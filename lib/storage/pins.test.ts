import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearPin, getPin, listPins, pinnedTaskIds, setPin } from './pins';
import { NOW, withFreshDb, type TestDb } from '../../tests/helpers/storage-testing';

let db: TestDb;
withFreshDb('pins', (fresh) => (db = fresh));

describe('column pins', () => {
  it('pins a column per site, whatever script, width or spacing the column name is written in', async () => {
    const pin = await setPin(
      db,
      'http://www.luoyuan.gov.cn/zwgk/czsz/index.html',
      '財政收支',
      ['luoyuan-2017/t2', 'luoyuan-2017/t2'],
      NOW,
    );
    expect(pin).toMatchObject({
      origin: 'http://www.luoyuan.gov.cn',
      column: '財政收支',
      taskIds: ['luoyuan-2017/t2'],
    });
    for (const name of ['财政收支', '财 政 收 支：', '財政收支'])
      expect(await pinnedTaskIds(db, 'http://www.luoyuan.gov.cn', name)).toEqual(['luoyuan-2017/t2']);
    expect(await pinnedTaskIds(db, 'https://www.luoyuan.gov.cn', '财政收支')).toBeUndefined();
    expect(await pinnedTaskIds(db, 'http://www.luoyuan.gov.cn', null)).toBeUndefined();
    await setPin(db, 'www.luoyuan.gov.cn', '征地信息', ['luoyuan-2017/t46'], NOW);
    expect((await listPins(db, 'http://www.luoyuan.gov.cn')).map((p) => p.column)).toEqual(['征地信息', '財政收支']);
  });

  it('clears a pin, also by setting no task', async () => {
    await setPin(db, 'www.luoyuan.gov.cn', '财政收支', ['luoyuan-2017/t2'], NOW);
    await clearPin(db, 'www.luoyuan.gov.cn', '財政收支');
    expect(await getPin(db, 'www.luoyuan.gov.cn', '财政收支')).toBeNull();
    await setPin(db, 'www.luoyuan.gov.cn', '财政收支', ['luoyuan-2017/t2'], NOW);
    expect(await setPin(db, 'www.luoyuan.gov.cn', '财政收支', [], NOW)).toBeNull();
    expect(await db.pins.count()).toBe(0);
    await expect(setPin(db, 'www.luoyuan.gov.cn', ' ：', ['x'])).rejects.toMatchObject({ key: 'pinColumnEmpty' });
  });
});
