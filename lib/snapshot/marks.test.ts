// @vitest-environment happy-dom
/**
 * The short-signal readers (marks.ts) read the text around a mark only as far as their length test needs (41, 61 or
 * 201 characters): a page of many marks, each inside an element holding a long run of nodes, costs a bounded number of
 * node reads per mark. Counted, not timed: the getter of `nodeValue` is wrapped, and the reads are compared with what the
 * bound allows. With the old unbounded reads (up to 4,096 nodes per mark and per ancestor) each case reads ~10–20× more.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { extractBlankSignals, extractPublishInfo, extractValidityMarks } from './marks';
import { indexText } from './text-index';

const MARKS = 50;
/** Nodes after each mark inside its element: far more than any bound allows to read. */
const TAIL = 400;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** Counts every read of a text node's `nodeValue` from now on. */
function countReads(doc: Document): { reads: number } {
  const counter = { reads: 0 };
  let proto: object | null = Object.getPrototypeOf(doc.createTextNode('x'));
  let descriptor: PropertyDescriptor | undefined;
  while (proto && !(descriptor = Object.getOwnPropertyDescriptor(proto, 'nodeValue')))
    proto = Object.getPrototypeOf(proto);
  if (!proto || !descriptor?.get) throw new Error('no nodeValue getter to count');
  const owner = proto;
  const get = descriptor.get;
  Object.defineProperty(owner, 'nodeValue', {
    ...descriptor,
    get(this: Node) {
      if (this.nodeType === 3) counter.reads++;
      return get.call(this);
    },
  });
  restore = () => Object.defineProperty(owner, 'nodeValue', descriptor!);
  return counter;
}

/** MARKS elements, each starting with `mark` and followed by TAIL short nodes, all in one parent. */
function page(mark: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const tail = '<b>文</b>'.repeat(TAIL);
  doc.body.innerHTML = `<div class="list">${`<p>${mark}${tail}</p>`.repeat(MARKS)}</div>`;
  return doc;
}

describe('marks read a bounded amount of text around each mark', () => {
  it.each([
    ['validity marks', '有效', (t: ReturnType<typeof indexText>) => extractValidityMarks(t, []), 61],
    ['blank-column notices', '暂无信息', (t: ReturnType<typeof indexText>) => extractBlankSignals(t, []), 41],
    // No date near the label: each candidate reads its element and one ancestor, both bounded, then gives up.
    ['publish lines', '发布时间：', (t: ReturnType<typeof indexText>) => extractPublishInfo(t, []), 2 * 201],
    ['unlabelled publish lines', '来源：本站', (t: ReturnType<typeof indexText>) => extractPublishInfo(t, []), 2 * 201],
  ] as const)('%s: at most the bound per mark', (_name, mark, extract, bound) => {
    const doc = page(mark);
    const texts = indexText(doc);
    expect(texts.entries.length).toBe(MARKS * (TAIL + 1));
    const counter = countReads(doc);
    extract(texts);
    expect(counter.reads).toBeGreaterThan(0);
    expect(counter.reads).toBeLessThanOrEqual(MARKS * bound);
  });
});

describe('a publication line with no 发布时间 label', () => {
  function publishDate(html: string): string | null {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML = html;
    return extractPublishInfo(indexText(doc), [])?.date ?? null;
  }

  it('reads a date opening the line after the site name and its domain, before 来源', () => {
    expect(publishDate('<p>中央政府门户网站 www.gov.cn 2010年08月19日 来源：中国政府网</p>')).toBe('2010-08-19');
  });

  it('reads a date before the page’s 字号 switch, the source in brackets before it', () => {
    expect(publishDate('<h5>[省发改委]  2016-04-01  字号：<a>T</a> | <a>T</a></h5>')).toBe('2016-04-01');
  });

  it('leaves a list row’s date alone', () => {
    expect(publishDate('<li><a href="/1.html">关于印发某某办法的通知</a> 2016-04-01 来源：办公室</li>')).toBeNull();
  });
});
