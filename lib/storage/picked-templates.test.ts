import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GongkaiDb } from './db';
import { pickedTemplatesOf, setPickedTemplates } from './picked-templates';

let db: GongkaiDb;
afterEach(async () => {
  await db?.delete();
});

describe('templates picked for a page', () => {
  it('belong to the page they were picked on, fragment ignored, and are kept', async () => {
    db = new GongkaiDb(`picked-${Math.random()}`);
    await setPickedTemplates(db, 'http://a.test/news/1.html#top', ['penalty-result', 'penalty-result']);
    expect(await pickedTemplatesOf(db, 'http://a.test/news/1.html')).toEqual(['penalty-result']);
    expect(await pickedTemplatesOf(db, 'http://a.test/news/2.html')).toEqual([]);
    await setPickedTemplates(db, 'http://a.test/news/1.html', []);
    expect(await pickedTemplatesOf(db, 'http://a.test/news/1.html')).toEqual([]);
    expect(await db.settings.count()).toBe(0);
  });
});
