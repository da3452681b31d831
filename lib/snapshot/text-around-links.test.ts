// @vitest-environment happy-dom
/**
 * The text around links, as the snapshot reads it for list rows (a row's date beside its link) and for links to the
 * original document (the words of the link's parent): each read only where it can matter, never with a different
 * answer.
 */
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from './take-snapshot';

function snap(body: string) {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = body;
  return takeSnapshot(doc, 'http://www.luoyuan.gov.cn/zwgk/czsz/index.html');
}

describe("a list row's date", () => {
  it('is read beside the link, before or after it and inside nested markup — never from the title', () => {
    const s = snap(`<ul>
      <li><a href="/a.html">2025年度财政预算执行情况报告</a><span class="time">2026-01-05</span></li>
      <li><span><em>[2026-02-03]</em></span> <a href="/b.html">2024-12-01会议纪要的公开说明</a></li>
      <li><a href="/c.html">罗源县第三季度重点项目进展情况</a></li>
    </ul>`);
    expect(s.listItems.map((i) => [i.title, i.date])).toEqual([
      ['2025年度财政预算执行情况报告', '2026-01-05'],
      ['2024-12-01会议纪要的公开说明', '2026-02-03'],
      ['罗源县第三季度重点项目进展情况', null],
    ]);
    expect(s.listItems[1]!.dateText).toBe('2026-02-03');
  });

  it('is read in a row as long as a whole page only up to its first thousand characters, as before', () => {
    const long = '说明文字'.repeat(400);
    const s = snap(`<div>
      <div><a href="/a.html">罗源县第一季度重点项目进展情况</a><p>${long}</p><span>2026-03-01</span></div>
      <div><a href="/b.html">罗源县第二季度重点项目进展情况</a><span>2026-06-01</span></div>
    </div>`);
    expect(s.listItems.map((i) => i.date)).toEqual([null, '2026-06-01']);
  });
});

describe('a link to the original document', () => {
  it("is found from its parent's words, wherever in the parent they are printed", () => {
    const s = snap(`
      <p>原文链接：<a href="/yw1.html">罗源县关于印发某某办法的通知</a></p>
      <p><span>相关文件：</span><a href="/yw2.html">罗源县某某实施方案全文</a></p>
      <p>原<b>文</b>：<a href="/yw3.html">罗源县某某管理规定全文</a></p>
      <p>延伸阅读：<a href="/other.html">罗源县某某工作情况介绍</a></p>`);
    expect(s.originalLinks.map((l) => new URL(l.href).pathname)).toEqual(['/yw1.html', '/yw2.html', '/yw3.html']);
  });
});
