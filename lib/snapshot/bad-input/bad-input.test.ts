/**
 * The bad-input corpus, small: each case a page shape that once made the reader quadratic, overflow the stack or miss
 * text in silence. The same shapes at full size (100,000 links, 150,000 rows, 50 MB) run in `npm run bench`
 * (scripts/soak-snapshot.ts); no timing is asserted here — work is counted instead (characters read from the DOM).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { privacyLeaks } from '../../checks/privacy-leaks';
import { MAX_LOCATOR_DEPTH, resolveLocator } from '../locator';
import { takeSnapshot } from '../take-snapshot';
import { datedRowsPage, deepPage, hugeTextPage, linkStormPage, oneHugeTextNodePage, shadowRootPage } from './pages';

const URL = 'http://www.luoyuan.gov.cn/zwgk/xxgk/index.html';
const ID = '350123198503151238';

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * Runs `run` with the getters `names` of the nodes' prototypes counted: each read adds `weigh(value)` to the total
 * (a prototype and name patched once, however many nodes share it; all restored after).
 */
function countedReads(
  nodes: readonly Node[],
  names: readonly string[],
  weigh: (value: unknown) => number,
  run: () => void,
): number {
  let total = 0;
  const patched: Array<[object, string, PropertyDescriptor]> = [];
  for (const node of nodes) {
    for (const name of names) {
      let proto: object | null = Object.getPrototypeOf(node);
      while (proto && !Object.getOwnPropertyDescriptor(proto, name)) proto = Object.getPrototypeOf(proto);
      const descriptor = proto && Object.getOwnPropertyDescriptor(proto, name);
      if (!proto || !descriptor?.get || patched.some(([p, n]) => p === proto && n === name)) continue;
      const get = descriptor.get;
      patched.push([proto, name, descriptor]);
      Object.defineProperty(proto, name, {
        ...descriptor,
        get(this: Node) {
          const value = get.call(this) as unknown;
          total += weigh(value);
          return value;
        },
      });
    }
  }
  try {
    run();
  } finally {
    for (const [proto, name, descriptor] of patched) Object.defineProperty(proto, name, descriptor);
  }
  return total;
}

/** Characters the reader takes out of the DOM (textContent, nodeValue and data getters), counted while `run` runs. */
function charactersRead(doc: Document, run: () => void): number {
  const nodes = [doc.createTextNode('x'), doc.createElement('div')];
  return countedReads(nodes, ['textContent', 'nodeValue', 'data'], (v) => (typeof v === 'string' ? v.length : 0), run);
}

/**
 * Children the reader makes the DOM list or count (children, childNodes, childElementCount: linkedom walks the whole
 * child list for each), counted while `run` runs.
 */
function childrenWalked(doc: Document, run: () => void): number {
  const walked = (v: unknown) => (typeof v === 'number' ? v : ((v as { length?: number }).length ?? 0));
  return countedReads([doc.createElement('div')], ['children', 'childNodes', 'childElementCount'], walked, run);
}

describe('bad input: link storms, long lists, deep and huge pages', () => {
  it('reads links that share one parent in linear work (twice the links, about twice the reading)', () => {
    const read = (n: number) => {
      const doc = parse(linkStormPage(n));
      return charactersRead(doc, () => takeSnapshot(doc, URL));
    };
    const small = read(1_000);
    const large = read(4_000);
    // Quadratic reading (each link reading its parent) grows 16× here; linear reading 4×.
    expect(large / small).toBeLessThan(6);
  });

  it('lists the children of a long list or a link storm in linear work (no row makes its parent count them all)', () => {
    for (const page of [datedRowsPage, linkStormPage]) {
      const walked = (n: number) => {
        const doc = parse(page(n));
        return childrenWalked(doc, () => takeSnapshot(doc, URL));
      };
      const small = walked(1_000);
      const large = walked(4_000);
      // Each row asking its parent for its size: 16× here (150,000 rows took minutes); linear reading 4× (or nothing).
      expect(large, page.name).toBeLessThanOrEqual(6 * small + 4_000);
    }
  });

  it('caps a long list, marks the snapshot truncated and says how many items it kept', () => {
    const s = takeSnapshot(parse(datedRowsPage(120)), URL, { limits: { listItems: 100 } });
    expect(s.listItems).toHaveLength(100);
    expect(s.truncated).toBe(true);
    expect(s.truncation).toEqual([{ part: 'list-items', kept: 100 }]);
  });

  it('caps the digit-bearing text of a page of numbered rows (each 受理编号 a digit run) and says so', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<li>受理编号 ${String(20260000 + i)}，已办结</li>`).join('');
    const s = takeSnapshot(parse(`<html><body><ul>${rows}</ul></body></html>`), URL, { limits: { textBlocks: 50 } });
    expect(s.textBlocks).toHaveLength(50);
    expect(s.truncation).toContainEqual({ part: 'text-blocks', kept: 50 });
    const [privacy] = privacyLeaks.run(s, undefined, {} as never);
    expect(privacy!.status).toBe('needs-review');
  });

  it('reads a page nested 10,000 levels deep without overflowing the stack, with short locators', () => {
    const doc = parse(deepPage(10_000, `<p>身份证号：${ID}</p>`, '<span>第</span>'));
    const s = takeSnapshot(doc, URL);
    const block = s.textBlocks.find((b) => b.text.includes(ID));
    expect(block).toBeDefined();
    expect(block!.locator.path.split(' > ').length).toBeLessThanOrEqual(MAX_LOCATOR_DEPTH + 1);
    const [privacy] = privacyLeaks.run(s, undefined, {} as never);
    expect(privacy!.status).toBe('fail');
  });

  it('finds an ID number at the end of a large article and of one huge text node', () => {
    for (const html of [hugeTextPage(500_000, `身份证号：${ID}`), oneHugeTextNodePage(200_000, `身份证号：${ID}`)]) {
      const s = takeSnapshot(parse(html), URL);
      expect(s.textBlocks.some((b) => b.text.includes(ID))).toBe(true);
    }
  });
});

describe('bad input: shadow roots', () => {
  it('reads a declarative open shadow root as part of the page (an ID inside fails the privacy check)', () => {
    const s = takeSnapshot(parse(shadowRootPage(`<p>联系人身份证号：${ID}</p>`)), URL);
    expect(s.shadowRoots).toEqual({ read: 1, unread: [] });
    expect(s.textBlocks.map((b) => b.text)).toContain(`联系人身份证号：${ID}`);
    expect(s.textBlocks[0]!.locator.path).toContain(' >>> ');
    const [privacy] = privacyLeaks.run(s, undefined, {} as never);
    expect(privacy!.status).toBe('fail');
  });
});

describe('bad input: hostile text', () => {
  const html = readFileSync(resolve(import.meta.dirname, 'hostile-text.html'), 'utf8');

  it('keeps page text as text, bidi controls included (drawing them safely is the views’ job)', () => {
    const s = takeSnapshot(parse(html), URL);
    expect(s.title).toContain('\u202e');
    expect(s.fields.map((f) => f.label)).toEqual(['事项名称', '办理地点', '来源']);
    expect(s.fields[0]!.value).toContain('\u202e');
    expect(s.listItems.map((i) => i.title)).toHaveLength(2);
    // Markup written as text stays text; a script's code is not page text.
    expect(s.fields[2]!.value).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('bad input: shadow roots in a live document', () => {
  it('reads an attached open shadow root and a closed one the extension opens, and locates into both', () => {
    const doc = parse(`<html><body><div id="w"></div><x-closed></x-closed></body></html>`);
    const host = doc.getElementById('w')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<section><p>手机 13812345678 身份证 ${ID}</p></section>`;
    const closedHost = doc.querySelector('x-closed')!;
    const closed = closedHost.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<p>封闭组件内的联系电话 13900001111</p>';
    const opener = (el: Element) => (el === closedHost ? closed : null);
    const s = takeSnapshot(doc, URL, { shadowRootOpener: opener });
    expect(s.shadowRoots).toEqual({ read: 2, unread: [] });
    const block = s.textBlocks.find((b) => b.text.includes(ID))!;
    expect(resolveLocator(doc, block.locator)?.textContent).toContain(ID);
    const inClosed = s.textBlocks.find((b) => b.text.includes('13900001111'))!;
    expect(inClosed.locator.path).toContain(' >>> ');
    expect(resolveLocator(doc, inClosed.locator, opener)?.textContent).toContain('13900001111');
    // Without the extension's API a closed root cannot even be seen (nor reached by a locator).
    expect(resolveLocator(doc, inClosed.locator)).toBeNull();
    expect(takeSnapshot(doc, URL).shadowRoots).toEqual({ read: 1, unread: [] });
  });

  it('names a closed shadow root it saw but could not open as unread', () => {
    const doc = parse(`<html><body><x-broken></x-broken></body></html>`);
    doc.querySelector('x-broken')!.attachShadow({ mode: 'closed' });
    const s = takeSnapshot(doc, URL, {
      shadowRootOpener: () => {
        throw new Error('not allowed');
      },
    });
    expect(s.shadowRoots).toEqual({ read: 0, unread: ['<x-broken>'] });
  });
});
