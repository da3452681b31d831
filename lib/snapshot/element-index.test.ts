// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { indexElements, SHADOW_HOSTS } from './element-index';

describe('the element walk', () => {
  it('finds a shadow root on every element the DOM standard lets host one, and on custom elements', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const hosts: Element[] = [];
    for (const tag of [...SHADOW_HOSTS].filter((t) => t !== 'body').concat('x-widget')) {
      const el = doc.createElement(tag);
      el.attachShadow({ mode: 'open' }).innerHTML = '<p>索引号：FJ-1</p>';
      doc.body.append(el);
      hosts.push(el);
    }
    doc.body.attachShadow({ mode: 'open' });
    hosts.unshift(doc.body);
    // Elements that cannot host one are not asked.
    doc.body.append(doc.createElement('li'), doc.createElement('table'));
    const found = indexElements(doc).shadowRoots.open.map((r) => r.host);
    expect(found).toEqual(hosts);
  });

  it("notes each pair host's first element when it is a label's element, and only then", () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML = [
      '<p><span>事项名称</span><span>某事项</span></p>',
      '<li>文字<b>办理地点</b>：某地</li>',
      '<div><a href="/x">链接</a><span>后面</span></div>',
      '<p>只有文字</p><span>在段落之后，不在段落里</span>',
      '<dd></dd><em>在空的 dd 之后</em>',
      '<div><div><strong>内层</strong></div></div>',
      '<li><font>字</font></li><li><label>标</label>值</li><p><th-like>x</th-like></p>',
    ].join('');
    const index = indexElements(doc);
    const expected = index.pairHosts.map((host) => {
      const first = host.firstElementChild;
      return first && ['SPAN', 'LABEL', 'B', 'STRONG', 'EM', 'FONT', 'DT', 'TH'].includes(first.tagName) ? first : null;
    });
    expect(index.pairHosts).toHaveLength(10);
    expect(index.pairLabels).toEqual(expected);
    expect(index.pairLabels.filter((l) => l !== null).map((l) => l!.textContent)).toEqual([
      '事项名称',
      '办理地点',
      '内层',
      '字',
      '标',
    ]);
  });

  it("counts the page's elements — a document's inside its body, a shadow root's all — as the DOM lists them", () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.head.innerHTML = '<meta name="ColumnName" content="x"><style>p{}</style>';
    doc.body.innerHTML =
      '<div><p>一<b>二</b></p><ul><li><a href="/">三</a></li></ul></div><table><tr><td>四</td></tr></table>';
    expect(indexElements(doc).elements).toBe(doc.body.getElementsByTagName('*').length);
    const host = doc.createElement('x-card');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<section><h2>标题</h2><p>正文<span>五</span></p></section>';
    expect(indexElements(root).elements).toBe(root.querySelectorAll('*').length);
  });
});
