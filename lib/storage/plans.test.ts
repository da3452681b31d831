import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse-plan';
import { GongkaiDb } from './db';
import { deleteImportedPlan, listPlans, loadActivePlan, saveImportedPlan, setActivePlan } from './plans';
import { asStorageError } from './storage-error';

let db: GongkaiDb;
let n = 0;

beforeEach(async () => {
  db = new GongkaiDb(`test-plans-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function excerpt() {
  const html = readFileSync(join(import.meta.dirname, '../../demo-portal/site/zwgk/ghjh/1801.html'), 'utf8');
  const parsed = parsePlan(html, { parseHtml: (h) => parseHTML(h).document as unknown as Document, id: 'excerpt' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed;
}

describe('plans in IndexedDB', () => {
  it('lists the bundled plan first, then imports in order, and switches the active plan', async () => {
    expect((await loadActivePlan(db)).plan.id).toBe('luoyuan-2017');
    const { plan, warnings } = excerpt();
    const saved = await saveImportedPlan(db, plan, warnings, { kind: 'file', name: 'excerpt.html' });
    expect((await listPlans(db)).map((p) => [p.id, p.bundled])).toEqual([
      ['luoyuan-2017', true],
      [saved.id, false],
    ]);
    await setActivePlan(db, saved.id);
    const active = await loadActivePlan(db);
    expect(active.plan.id).toBe(saved.id);
    expect(active.plan.tasks.length).toBe(plan.tasks.length);
  });

  it('never lets an import take a bundled id or another import’s id', async () => {
    const { plan, warnings } = excerpt();
    const a = await saveImportedPlan(db, { ...plan, id: 'luoyuan-2017' }, warnings, { kind: 'text', name: '' });
    const b = await saveImportedPlan(db, { ...plan, id: 'luoyuan-2017' }, warnings, { kind: 'text', name: '' });
    expect(a.id).toBe('luoyuan-2017-2');
    expect(b.id).toBe('luoyuan-2017-3');
    expect(a.plan.id).toBe(a.id);
  });

  it('falls back to the bundled plan when the active import is deleted', async () => {
    const { plan, warnings } = excerpt();
    const saved = await saveImportedPlan(db, plan, warnings, { kind: 'text', name: '' });
    await setActivePlan(db, saved.id);
    await deleteImportedPlan(db, saved.id);
    expect((await loadActivePlan(db)).plan.id).toBe('luoyuan-2017');
    expect(await db.plans.count()).toBe(0);
  });

  it('names a full disk plainly', () => {
    const quota = Object.assign(new Error('QuotaExceededError: the quota has been exceeded'), {
      name: 'QuotaExceededError',
    });
    expect(asStorageError(quota).reason).toBe('quota');
    expect(
      asStorageError(Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }))
        .reason,
    ).toBe('quota');
    expect(asStorageError(new Error('boom')).reason).toBe('other');
  });
});
