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
});
