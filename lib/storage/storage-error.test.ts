import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { GongkaiDb, type Audit } from './db';
import { getFinding, pageFindings, setVerdict } from './findings';
import { InvalidRequest } from './invalid-request';
import { addScreenshot } from './screenshots';
import { StorageError, asStorageError, guardWrite, storageMessage } from './storage-error';
import { readTaskCounts, recountTaskCounts } from './task-counts';
import { recordSynthetic, newTestAudit } from '../../tests/helpers/storage-testing';

/** Tables whose writes fail as if the disk were full. */
const full = new Set<string>();

function quotaExceeded(): Error {
  // What Chrome and Firefox raise: a DOMException named QuotaExceededError.
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

let db: GongkaiDb;
let audit: Audit;
let n = 0;

beforeEach(async () => {
  full.clear();
  db = new GongkaiDb(`test-quota-${n++}`);
  db.use({
    stack: 'dbcore',
    name: 'simulated-full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => (full.has(name) ? Promise.reject(quotaExceeded()) : table.mutate(req)),
        };
      },
    }),
  });
  await db.open();
  audit = await newTestAudit(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const T2 = 'luoyuan-2017/t2';

describe('a full disk', () => {
  it('fails the write with reason quota and loses nothing already saved, not even half of the failed write', async () => {
    const first = await recordSynthetic(
      db,
      audit.id,
      'http://www.luoyuan.gov.cn/a.html',
      [T2],
      [{ checkId: 'column-freshness', status: 'fail' }],
      { inspector: '林' },
    );
    const saved = await setVerdict(db, first.findings[0]!.id, 'FAIL', '三个月未更新', 1);
    expect(saved.kind).toBe('saved');
    const countsBefore = await readTaskCounts(db, audit.id);

    // The page would be written first; the findings then fail: the whole transaction must roll back.
    full.add('findings');
    const error = await recordSynthetic(
      db,
      audit.id,
      'http://www.luoyuan.gov.cn/b.html',
      [T2],
      [{ checkId: 'column-freshness', status: 'pass' }],
      { inspector: '林' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('quota');
    expect(storageMessage(error as StorageError)).toEqual({ key: 'storageQuota', args: [] });
    expect(await db.pages.count()).toBe(1);

    const edit = await setVerdict(db, first.findings[0]!.id, 'PASS', '', 2).catch((e: unknown) => e);
    expect((edit as StorageError).reason).toBe('quota');

    full.clear();
    full.add('screenshots');
    const shot = await addScreenshot(db, audit.id, new Blob([new Uint8Array(1024)], { type: 'image/png' }), {
      url: 'http://www.luoyuan.gov.cn/a.html',
      width: 1280,
      height: 800,
      findingId: first.findings[0]!.id,
    }).catch((e: unknown) => e);
    expect((shot as StorageError).reason).toBe('quota');

    full.clear();
    const kept = (await getFinding(db, first.findings[0]!.id))!;
    expect(kept).toMatchObject({ verdict: 'FAIL', note: '三个月未更新', rev: 2, screenshotIds: [] });
    expect(await pageFindings(db, audit.id, first.page.id)).toHaveLength(1);
    expect(await readTaskCounts(db, audit.id)).toEqual(countsBefore);
    expect(await recountTaskCounts(db, audit.id)).toEqual(countsBefore);
    // And the database still works once there is room again.
    expect((await setVerdict(db, kept.id, 'PASS', undefined, kept.rev)).kind).toBe('saved');
  });
});

describe('asStorageError', () => {
  it('maps Dexie and DOM errors to a reason, and lets refusals through guardWrite unchanged', async () => {
    expect(asStorageError(quotaExceeded()).reason).toBe('quota');
    expect(
      asStorageError({ name: 'AbortError', inner: { name: 'AbortError', inner: { name: 'QuotaExceededError' } } })
        .reason,
    ).toBe('quota');
    expect(asStorageError(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' })).reason).toBe('blocked');
    const other = asStorageError(new Error('boom'));
    expect(storageMessage(other)).toEqual({ key: 'storageFailed', args: ['boom'] });
    const refusal = new InvalidRequest('auditNameEmpty');
    await expect(guardWrite(() => Promise.reject(refusal))).rejects.toBe(refusal);
  });
});
