/**
 * One walk over the elements of a scope — a document, or a shadow root read as part of it — listing what the readers
 * look up by tag (links with an href, tables, rows, `dt`, the hosts of label–value pairs (div, li, p, dd), bold
 * elements, headlines, scripts and the other elements whose text is not shown, frames, named meta tags, the first `h1` and `h2`,
 * whether a `<template>` is there) and finding
 * the shadow roots in it, instead of one `querySelectorAll` over the whole page per reader. Each list is in page order,
 * the elements a type selector (`a[href]`, `table`, …) would give.
 *
 * Shadow roots: those directly in the scope (nested ones are found when their scope is read); our own highlight hosts
 * (`gongkai-…`) are left out. Closed shadow roots are invisible to a page's scripts: they are found only with an
 * `opener` (the extension's API), and only on custom elements (a tag with a hyphen), where pages put them — checking
 * every element through the API would cost more than reading the page. Found, they are read like open ones; without
 * an opener (a page script, an old browser) they cannot be seen at all. A `<template shadowrootmode>` the parser left
 * in place (Node's parser, older browsers) is read as its host's shadow root.
 */
import type { DescribedElements } from '../page/describe-page';
import type { ShadowRootOpener, ShadowRoots } from '../page/frames';
import { PAIR_LABEL_NAMES } from './pair-labels';

export interface ElementIndex extends DescribedElements {
  /** `a[href]` */
  anchors: Element[];
  tables: Element[];
  rows: Element[];
  terms: Element[];
  /** `div`, `li`, `p`, `dd`: where label–value pairs of two elements are looked for. */
  pairHosts: Element[];
  /**
   * For each of `pairHosts` (same place), its first element when that is a label's element (PAIR_LABEL_NAMES), else
   * null: the walk reaches a host's first element next, so the pair reader need not ask the DOM for it.
   */
  pairLabels: Array<Element | null>;
  /** `b`, `strong`: bold labels. */
  bolds: Element[];
  /** `h1`–`h4`: headlines (an article's byline sits under its headline). */
  headlines: Element[];
  /** script, style, noscript, template, textarea, select, option: their own text is not the page's text. */
  notShown: Element[];
  scripts: Element[];
  /** `iframe` and `frame` elements: the order frame indexes in locators count. */
  frames: Array<HTMLIFrameElement | HTMLFrameElement>;
  metas: Element[];
  hasTemplate: boolean;
  shadowRoots: ShadowRoots;
  /** The scope's elements: a document's inside its body, a shadow root's all (counted by the walk). */
  elements: number;
}

const OWN_HOST = /^gongkai-/i;

/** Elements that may host a shadow root besides custom elements (https://dom.spec.whatwg.org/#dom-element-attachshadow). */
export const SHADOW_HOSTS: ReadonlySet<string> = new Set([
  ...['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'header', 'main', 'nav', 'p', 'section', 'span'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]);

/** What the walk does with an element, by its local name: the list it goes in (LIST bits), and two flags. */
const ANCHOR = 1;
const TABLE = 2;
const ROW = 3;
const TERM = 4;
const PAIR_HOST = 5;
const SCRIPT = 6;
const NOT_SHOWN = 7;
const BOLD = 8;
const HEADLINE = 9;
const FRAME = 10;
const META = 11;
const TEMPLATE = 12;
const LIST = 15;
/** It may be a pair's label element (PAIR_LABEL_NAMES). */
const PAIR_LABEL = 16;
/** It may host a shadow root (SHADOW_HOSTS). */
const SHADOW_HOST = 32;

const KIND_OF: ReadonlyMap<string, number> = (() => {
  const kinds = new Map<string, number>();
  const add = (names: readonly string[], bits: number) => {
    for (const n of names) kinds.set(n, (kinds.get(n) ?? 0) | bits);
  };
  add(['a'], ANCHOR);
  add(['table'], TABLE);
  add(['tr'], ROW);
  add(['dt'], TERM);
  add(['div', 'li', 'p', 'dd'], PAIR_HOST);
  add(['script'], SCRIPT);
  add(['style', 'noscript', 'textarea', 'select', 'option'], NOT_SHOWN);
  add(['b', 'strong'], BOLD);
  add(['h1', 'h2', 'h3', 'h4'], HEADLINE);
  add(['iframe', 'frame'], FRAME);
  add(['meta'], META);
  add(['template'], TEMPLATE);
  add([...PAIR_LABEL_NAMES], PAIR_LABEL);
  add([...SHADOW_HOSTS], SHADOW_HOST);
  return kinds;
})();

export function indexElements(scope: Node, opener?: ShadowRootOpener): ElementIndex {
  const index: ElementIndex = {
    anchors: [],
    tables: [],
    rows: [],
    terms: [],
    pairHosts: [],
    pairLabels: [],
    bolds: [],
    headlines: [],
    notShown: [],
    scripts: [],
    frames: [],
    metas: [],
    h1: null,
    h2: null,
    hasTemplate: false,
    shadowRoots: { open: [], unread: [] },
    elements: 0,
  };
  const { open, unread } = index.shadowRoots;
  const doc = scope.ownerDocument ?? (scope as Document);
  const walker = doc.createTreeWalker(scope, 1 /* SHOW_ELEMENT */);
  // The pair host the walk has just passed (its place in pairHosts), or -1: the element after it in page order is its
  // first element when it has any, and the only one that can be.
  let lastHost = -1;
  // A document's elements are counted from its body on (those of its head are no part of the page's content).
  const body = scope.nodeType === 9 ? (scope as Document).body : null;
  let counting = body === null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (counting) index.elements += 1;
    else if (el === body) counting = true;
    // The local name, as a type selector compares it; one lookup tells what the walk does with the element.
    const name = el.localName;
    const kind = KIND_OF.get(name) ?? 0;
    if (lastHost >= 0) {
      if ((kind & PAIR_LABEL) !== 0 && el.parentNode === index.pairHosts[lastHost]) index.pairLabels[lastHost] = el;
      lastHost = -1;
    }
    switch (kind & LIST) {
      case 0:
        break;
      case ANCHOR:
        if (el.hasAttribute('href')) index.anchors.push(el);
        break;
      case TABLE:
        index.tables.push(el);
        break;
      case ROW:
        index.rows.push(el);
        break;
      case TERM:
        index.terms.push(el);
        break;
      case PAIR_HOST:
        lastHost = index.pairHosts.length;
        index.pairHosts.push(el);
        index.pairLabels.push(null);
        break;
      case SCRIPT:
        index.scripts.push(el);
        index.notShown.push(el);
        break;
      case NOT_SHOWN:
        index.notShown.push(el);
        break;
      case BOLD:
        index.bolds.push(el);
        break;
      case HEADLINE:
        if (name === 'h1') index.h1 ??= el;
        else if (name === 'h2') index.h2 ??= el;
        index.headlines.push(el);
        break;
      case FRAME:
        index.frames.push(el as HTMLIFrameElement | HTMLFrameElement);
        break;
      case META:
        if (el.hasAttribute('name')) index.metas.push(el);
        break;
      case TEMPLATE: {
        index.hasTemplate = true;
        index.notShown.push(el);
        // A declarative shadow root the parser did not attach: its content is the page's.
        const mode = el.getAttribute('shadowrootmode') ?? el.getAttribute('shadowroot');
        const host = el.parentElement;
        const content = (el as HTMLTemplateElement).content;
        if (mode && host && content) open.push({ root: content, host });
        continue;
      }
    }
    // Only custom elements and these tags can host a shadow root (the DOM standard's attachShadow list): the others are
    // not asked (a question to the DOM per element of the page).
    const standardHost = (kind & SHADOW_HOST) !== 0;
    const custom = !standardHost && name.includes('-');
    if (!standardHost && !custom) continue;
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) {
      if (!OWN_HOST.test(name)) open.push({ root: shadow, host: el });
      continue;
    }
    if (opener && custom && !OWN_HOST.test(name)) {
      let closed: ShadowRoot | null = null;
      try {
        closed = opener(el);
      } catch {
        unread.push(describeHost(el));
        continue;
      }
      if (closed) open.push({ root: closed, host: el, closed: true });
    }
  }
  return index;
}

function describeHost(el: Element): string {
  const id = el.getAttribute('id');
  return `<${el.tagName.toLowerCase()}${id ? ` id="${id.slice(0, 40)}"` : ''}>`;
}
