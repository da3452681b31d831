import { describe, expect, it } from 'vitest';
import type { Finding, StoredPage } from './db';
import {
  HISTORY_LIMIT,
  applyEdit,
  autoFinding,
  effectiveStatus,
  missingElements,
  taskOfResult,
} from './finding-record';
import { plan, result } from '../../tests/helpers/storage-testing';

const page: StoredPage = {
  id: 'p-1',
  auditId: 'a-1',
  url: 'http://www.luoyuan.gov.cn/bsfw/bszn/5001.html',
  title: '个体工商户设立登记办事指南',
  column: { name: '办事指南', source: 'breadcrumb', path: [] },
  pageKind: 'detail',
  siteName: null,
  siteIdCode: null,
  snapshotHash: 'h',
  taskIds: ['luoyuan-2017/t15'],
  firstVisitedAt: '2026-11-15T00:00:00.000Z',
  visitedAt: '2026-11-15T00:00:00.000Z',
  visits: 1,
  rev: 1,
};

function finding(): Finding {
  return autoFinding({
    auditId: 'a-1',
    page,
    result: result({ checkId: 'column-freshness', status: 'fail', args: ['93'] }),
    occurrence: 1,
    taskId: 'luoyuan-2017/t15',
    plan,
    inspector: '林',
    at: '2026-11-15T00:00:00.000Z',
  });
}

describe('a finding as data', () => {
  it('derives the effective status from the verdict when there is one', () => {
    expect(effectiveStatus('fail', null)).toBe('fail');
    expect(effectiveStatus('fail', 'PASS')).toBe('pass');
    expect(effectiveStatus('pass', 'UNKNOWN')).toBe('needs-review');
    expect(effectiveStatus('pass', 'N/A')).toBe('not-applicable');
    expect(effectiveStatus(null, null)).toBe('needs-review');
  });

  it('lists required elements missing or empty as 缺失要素, and attributes results to tasks', () => {
    expect(
      missingElements([
        { id: 'a', name: '事项名称', status: 'present', required: true },
        { id: 'b', name: '网上支付', status: 'missing', required: true },
        { id: 'c', name: '收费依据', status: 'empty', required: true },
        { id: 'd', name: '预约办理', status: 'missing', required: false },
      ]),
    ).toEqual([
      { id: 'b', name: '网上支付', status: 'missing' },
      { id: 'c', name: '收费依据', status: 'empty' },
    ]);
    const matched = ['luoyuan-2017/t2', 'luoyuan-2017/t15'];
    expect(taskOfResult({ checkId: 'template-elements', templateId: 'service-guide' }, matched, plan)).toBe(
      'luoyuan-2017/t15',
    );
    expect(taskOfResult({ checkId: 'privacy-leaks' }, matched, plan)).toBe('luoyuan-2017/t2');
    expect(taskOfResult({ checkId: 'page-meta-tags' }, matched, plan)).toBeNull();
    expect(taskOfResult({ checkId: 'privacy-leaks' }, [], plan)).toBeNull();
  });

  it('searches across scripts and widths', () => {
    const f = autoFinding({
      auditId: 'a',
      page: { ...page, title: '政務公開 ＡＢＣ' },
      result: result({ checkId: 'x', status: 'fail', evidence: ['電話：13800000000'] }),
      occurrence: 1,
      taskId: null,
      plan,
      inspector: '',
      at: '',
    });
    expect(f.search).toContain('政务公开 abc');
    expect(f.search).toContain('电话');
  });

  it('merges an edit of another field, rejects one of the same field, and caps the history', () => {
    const f = finding();
    const a = applyEdit(f, { verdict: 'FAIL' }, 1, 'A', 't1');
    if (a.kind !== 'saved') throw new Error(a.kind);
    expect(a.finding.fieldRevs).toEqual({ verdict: 2 });
    const b = applyEdit(a.finding, { note: '备注' }, 1, 'B', 't2');
    expect(b.kind).toBe('merged');
    const c = applyEdit(a.finding, { verdict: 'PASS' }, 1, 'B', 't2');
    expect(c).toMatchObject({ kind: 'conflict', fields: ['verdict'], mine: { verdict: 'PASS' } });
    // Both wrote the same value: no conflict, nothing to write.
    expect(applyEdit(a.finding, { verdict: 'FAIL' }, 1, 'B', 't2').kind).toBe('unchanged');

    let g = a.finding;
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) {
      const r = applyEdit(g, { note: `第${i}次` }, g.rev, 'A', `t${i}`);
      if (r.kind !== 'saved') throw new Error(r.kind);
      g = r.finding;
    }
    expect(g.history).toHaveLength(HISTORY_LIMIT);
    expect(g.history.at(-1)?.edits?.note).toBe(`第${HISTORY_LIMIT + 8}次`);
  });
});
