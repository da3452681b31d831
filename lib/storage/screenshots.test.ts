import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';

import type { Audit } from './db';
import { getFinding, setVerdict } from './findings';
import { queryFindings } from './findings-query';
import {
  addScreenshot,
  deleteScreenshot,
  findingScreenshots,
  getScreenshot,
  linkScreenshot,
  listScreenshots,
  unlinkScreenshot,
} from './screenshots';
import { NOW, withFreshAudit, recordSynthetic, type TestDb } from '../../tests/helpers/storage-testing';

let db: TestDb;
let audit: Audit;
withFreshAudit('screenshots', (fresh) => ({ db, audit } = fresh));

const png = (size: number) => new Blob([new Uint8Array(size).fill(7)], { type: 'image/png' });

describe('screenshots', () => {
  it('stores the Blob as is, links it to findings, and the has-screenshot filter follows', async () => {
    const url = 'http://www.luoyuan.gov.cn/zwgk/czsz/index.html';
    const { findings } = await recordSynthetic(
      db,
      audit.id,
      url,
      ['luoyuan-2017/t2'],
      [
        { checkId: 'column-freshness', status: 'fail' },
        { checkId: 'periodic-coverage', status: 'fail' },
      ],
      { inspector: '林' },
    );
    const [a, b] = findings;
    const shot = await addScreenshot(db, audit.id, png(2048), {
      url: `${url}#x`,
      width: 1280.4,
      height: 800,
      capturedAt: NOW,
      findingId: a!.id,
    });
    expect(shot).toMatchObject({ url, width: 1280, height: 800, capturedAt: NOW.toISOString(), findingId: a!.id });
    const stored = (await getScreenshot(db, shot.id))!;
    expect(stored.blob.size).toBe(2048);
    expect(stored.blob.type).toBe('image/png');
    expect(new Uint8Array(await stored.blob.arrayBuffer())[10]).toBe(7);

    const linkedA = (await getFinding(db, a!.id))!;
    expect(linkedA).toMatchObject({ screenshotIds: [shot.id], hasScreenshot: 1, rev: 2 });
    // A verdict made on the version before the screenshot was linked merges: links never conflict.
    expect((await setVerdict(db, a!.id, 'FAIL', '见截图', 1)).kind).toBe('merged');

    await linkScreenshot(db, b!.id, shot.id);
    expect((await queryFindings(db, audit.id, { filter: { hasScreenshot: true } })).total).toBe(2);
    expect((await findingScreenshots(db, (await getFinding(db, b!.id))!)).map((s) => s.id)).toEqual([shot.id]);
    await unlinkScreenshot(db, b!.id, shot.id);
    expect((await getFinding(db, b!.id))!.hasScreenshot).toBe(0);

    await linkScreenshot(db, b!.id, shot.id);
    await deleteScreenshot(db, shot.id);
    expect(await getScreenshot(db, shot.id)).toBeUndefined();
    expect((await queryFindings(db, audit.id, { filter: { hasScreenshot: true } })).total).toBe(0);
    expect((await getFinding(db, a!.id))!).toMatchObject({ screenshotIds: [], verdict: 'FAIL', note: '见截图' });
    expect(await listScreenshots(db, audit.id)).toEqual([]);
  });

  it('refuses to link a finding of another audit', async () => {
    await expect(
      addScreenshot(db, audit.id, png(10), { url: 'http://x', width: 1, height: 1, findingId: 'f-none' }),
    ).rejects.toMatchObject({ key: 'findingUnknown' });
    expect(await db.screenshots.count()).toBe(0);
  });
});
