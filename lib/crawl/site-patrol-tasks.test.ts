// Which plan tasks a patrolled column serves: the column matcher's firm answers only. A column whose kind no task is
// about (its tasks only mention the kind in their requirements: 罗源's farming task 22 and education task 36 for 稳岗就业)
// serves none of them — it does not make those tasks "covered" in the plan's view nor lend the column their periods.
import { describe, expect, it } from 'vitest';
import { bundledPlans } from '../../seeds/index';
import { parseHtmlDocument } from '../html/parse-html';
import type { CrawledPage } from './crawler';
import { GOV_19_2019 } from './indicators';
import { readPageLinks } from './page-links';
import { SitePatrol } from './site-patrol';

const NOW = new Date('2026-11-28T04:00:00Z');
const plan = bundledPlans[0]!;

function listPage(url: string, crumb: string, tag: string): CrawledPage {
  const rows = [1, 2, 3]
    .map(
      (i) =>
        `<li><a href="/${tag}/${i}.html">${crumb.split(' > ').at(-1)}第${i}期公告</a><span>2026-11-0${i}</span></li>`,
    )
    .join('');
  const html = `<html><head><title>${crumb.split(' > ').at(-1)}</title></head><body>
    <div class="crumb">当前位置：${crumb}</div><ul class="list">${rows}</ul></body></html>`;
  const document = parseHtmlDocument(html);
  return {
    url,
    depth: 1,
    via: 'link',
    listOf: null,
    status: 200,
    charset: 'utf-8',
    document,
    links: readPageLinks(document, url),
  };
}

async function patrol(...pages: CrawledPage[]) {
  const p = new SitePatrol({
    start: 'http://portal.test/',
    indicators: GOV_19_2019,
    plan,
    templates: new Map(),
    now: NOW,
    sample: 0,
    all: false,
  });
  for (const page of pages) await p.page(page);
  return p.finish();
}

describe('the tasks a patrolled column serves', () => {
  it('are none when the matcher only has tasks whose requirements mention the kind of column', async () => {
    const out = await patrol(listPage('http://portal.test/wgjy/', '首页 > 重点领域信息公开 > 稳岗就业', 'wgjy'));
    const column = out.columns.find((c) => c.url === 'http://portal.test/wgjy/');
    expect(column?.name).toBe('稳岗就业');
    expect(column?.taskIds).toEqual([]);
    for (const no of ['22', '36']) expect(out.tasks.find((t) => t.no === no)?.status).toBe('missing');
  });

  it('are the firm answer for a column a task names', async () => {
    const out = await patrol(listPage('http://portal.test/czyjs/', '首页 > 重点领域信息公开 > 财政预决算', 'czyjs'));
    const column = out.columns.find((c) => c.url === 'http://portal.test/czyjs/');
    expect(column?.taskIds).toContain('luoyuan-2017/t26');
    expect(out.tasks.find((t) => t.no === '26')?.status).toBe('covered');
  });
});
