/** HTML text → Document as a browser parses it; the trees of real shapes are compared with Chromium in the e2e tests. */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from './parse-html';

describe('parseHtmlDocument', () => {
  it('puts a fragment in <body> and content written inside <head> into <body>', () => {
    const doc = parseHtmlDocument('<title>通知</title><p>正文</p>');
    expect(doc.title).toBe('通知');
    expect(doc.head.textContent).toBe('通知');
    expect(doc.body.textContent).toBe('正文');
  });

  it('keeps a <template> out of the text and SVG names in their case', () => {
    const doc = parseHtmlDocument(
      '<p>可见</p><template><p>模板</p></template><svg><foreignObject>图</foreignObject></svg>',
    );
    expect(doc.body.textContent).toBe('可见图');
    expect(doc.querySelector('svg')?.firstElementChild?.localName).toBe('foreignObject');
  });

  it('keeps the text of elements and attributes the DOM API would refuse', () => {
    const doc = parseHtmlDocument('<p "odd"=1 a<b=2>甲</p><x:y>乙</x:y>');
    expect(doc.body.textContent).toBe('甲乙');
  });

  it('copies a page nested 50,000 deep without running out of stack', () => {
    const depth = 50_000;
    const doc = parseHtmlDocument(`${'<div>'.repeat(depth)}深处${'</div>'.repeat(depth)}`);
    expect(doc.body.textContent).toBe('深处');
  });
});
