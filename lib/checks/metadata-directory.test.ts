// @vitest-environment happy-dom
/**
 * The metadata-block check runs on a page's own 政府信息公开 block, not on a directory table that lists many documents
 * under the same column headers (名称 | 索引号 | 发布机构 | 发布日期).
 */
import { describe, expect, it } from 'vitest';
import { templates } from '../../seeds/index';
import { inspectPage } from '../engine/inspect-page';
import { takeSnapshot } from '../snapshot/take-snapshot';

const TEMPLATES = new Map(templates.map((t) => [t.id, t]));
const NOW = new Date('2026-11-28T04:00:00Z');

function metadataRan(html: string): boolean {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const report = inspectPage(takeSnapshot(doc, 'http://www.example.gov.cn/xxgk/list.html'), {
    plan: null,
    templates: TEMPLATES,
    now: NOW,
  });
  return report.results.some((r) => r.checkId === 'metadata-block');
}

const HEAD = '<tr><th>名称</th><th>索引号</th><th>发布机构</th><th>发布日期</th></tr>';
const row = (n: number) =>
  `<tr><td><a href="/xxgk/${n}.html">关于印发第${n}号实施方案的通知</a></td><td>000014349/2020-0000${n}</td><td>市政府办公室</td><td>2020-08-0${n}</td></tr>`;

describe('a directory table is no metadata block', () => {
  it('does not run on a table listing two or more documents under metadata headers', () => {
    expect(metadataRan(`<table>${HEAD}${row(1)}${row(2)}${row(3)}</table>`)).toBe(false);
  });

  it('does not run on one page of a paged directory, however few its rows', () => {
    expect(metadataRan(`<table>${HEAD}${row(1)}</table><div>共5页 <a href="?p=2">下一页</a></div>`)).toBe(false);
  });

  it('still runs on a block laid out across: one row of values under its labels, no pager', () => {
    expect(
      metadataRan(
        `<table><tr><th>索引号</th><th>发布机构</th><th>生成日期</th></tr><tr><td>000014349/2020-00001</td><td>市政府办公室</td><td>2020-08-01</td></tr></table><p>正文。</p>`,
      ),
    ).toBe(true);
  });
});
