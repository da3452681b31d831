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
}

const OWN_HOST = /^gongkai-/i;

/** Elements that may host a shadow root besides custom elements (https://dom.spec.whatwg.org/#dom-element-attachshadow). */
export const SHADOW_HOSTS: ReadonlySet<string> = new Set([
  ...['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'header', 'main', 'nav', 'p', 'section', 'span'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]);

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
  };
  const { open, unread } = index.shadowRoots;
  const doc = scope.ownerDocument ?? (scope as Document);
  const walker = doc.createTreeWalker(scope, 1 /* SHOW_ELEMENT */);
  // The pair host the walk has just passed (its place in pairHosts), or -1: the element after it in page order is its
  // first element when it has any, and the only one that can be.
  let lastHost = -1;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    // The local name, as a type selector compares it.
    const name = el.localName;
    if (lastHost >= 0) {
      if (PAIR_LABEL_NAMES.has(name) && el.parentNode === index.pairHosts[lastHost]) index.pairLabels[lastHost] = el;
      lastHost = -1;
    }
    switch (name) {
      case 'a':
        if (el.hasAttribute('href')) index.anchors.push(el);
        break;
      case 'table':
        index.tables.push(el);
        break;
      case 'tr':
        index.rows.push(el);
        break;
      case 'dt':
        index.terms.push(el);
        break;
      case 'div':
      case 'li':
      case 'p':
      case 'dd':
        lastHost = index.pairHosts.length;
        index.pairHosts.push(el);
        index.pairLabels.push(null);
        break;
      case 'script':
        index.scripts.push(el);
        index.notShown.push(el);
        break;
      case 'style':
      case 'noscript':
      case 'textarea':
      case 'select':
      case 'option':
        index.notShown.push(el);
        break;
      case 'b':
      case 'strong':
        index.bolds.push(el);
        break;
      case 'h3':
      case 'h4':
        index.headlines.push(el);
        break;
      case 'iframe':
      case 'frame':
        index.frames.push(el as HTMLIFrameElement | HTMLFrameElement);
        break;
      case 'meta':
        if (el.hasAttribute('name')) index.metas.push(el);
        break;
      case 'h1':
        index.h1 ??= el;
        index.headlines.push(el);
        break;
      case 'h2':
        index.h2 ??= el;
        index.headlines.push(el);
        break;
      case 'template': {
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
    const standardHost = SHADOW_HOSTS.has(name);
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
