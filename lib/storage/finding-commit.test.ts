import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getAudit, renameAudit } from './audits';
import type { Audit } from './db';
import { addManualFinding, deleteFinding, getFinding, setVerdict } from './findings';
import { readTaskCounts, recountTaskCounts } from './task-counts';
import {
  withFreshAudit,
  recordSynthetic,
  type SyntheticResult,
  type TestDb,
} from '../../tests/helpers/storage-testing';

let db: TestDb;
let audit: Audit;
withFreshAudit('commit', (fresh) => ({ db, audit } = fresh));

describe('committing findings', () => {
  it('stamps each write with the audit’s next sequence, counts deletions apart, and leaves the audit’s own rev alone', async () => {
    const url = 'http://www.luoyuan.gov.cn/a.html';
    const results: SyntheticResult[] = [
      { checkId: 'column-freshness', status: 'fail' },
      { checkId: 'privacy-leaks', status: 'pass' },
    ];
    const record = () => recordSynthetic(db, audit.id, url, ['luoyuan-2017/t2'], results, { inspector: '林' });
    const { findings } = await record();
    expect(findings.map((f) => f.seq)).toEqual([1, 1]);
    expect(await getAudit(db, audit.id)).toMatchObject({ writeSeq: 1, deleteSeq: 0, rev: 1 });

    // An unchanged re-check writes nothing.
    await record();
    expect((await getAudit(db, audit.id))?.writeSeq).toBe(1);

    const saved = await setVerdict(db, findings[0]!.id, 'PASS', undefined, 1);
    expect(saved.kind === 'saved' && saved.finding.seq).toBe(2);
    expect((await getFinding(db, findings[1]!.id))?.seq).toBe(1);
    // A conflict stores the rejected edit in history: that is a write too.
    const lost = await setVerdict(db, findings[0]!.id, 'FAIL', undefined, 1);
    expect(lost.kind === 'conflict' && lost.current.seq).toBe(3);

    const manual = await addManualFinding(db, {
      auditId: audit.id,
      pageId: null,
      taskId: null,
      verdict: 'FAIL',
      note: 'x',
    });
    await deleteFinding(db, manual.id, manual.rev);
    expect(await getAudit(db, audit.id)).toMatchObject({ writeSeq: 5, deleteSeq: 1, rev: 1 });
    // A rename made meanwhile is no conflict with finding writes.
    expect((await renameAudit(db, audit.id, '巡检二', { expectedRev: 1 })).kind).toBe('saved');
    expect((await readTaskCounts(db, audit.id)).sort((a, b) => a.taskKey.localeCompare(b.taskKey))).toEqual(
      await recountTaskCounts(db, audit.id),
    );
  });
});
