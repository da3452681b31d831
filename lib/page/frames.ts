/**
 * Counts the page's frames and which of them can be read. Old portals put the whole content in a frame:
 * a frame that cannot be read is reported, never silently skipped.
 */
import type { FrameReport } from './page-description';

/**
 * The page's `iframe` and `frame` elements in document order (the order frame indexes in locators count). Two tag
 * queries: in Chromium the selector list `iframe, frame` costs several times as much as both together.
 */
export function frameElements(doc: Document | ParentNode): Array<HTMLIFrameElement | HTMLFrameElement> {
  const iframes = Array.from(doc.querySelectorAll<HTMLIFrameElement>('iframe'));
  const frames = Array.from(doc.querySelectorAll<HTMLFrameElement>('frame'));
  if (frames.length === 0) return iframes;
  if (iframes.length === 0) return frames;
  const following = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  return [...iframes, ...frames].sort((a, b) => (a.compareDocumentPosition(b) & following ? -1 : 1));
}

export function reportFrames(doc: Document, frames = frameElements(doc)): FrameReport {
  const unreadable: string[] = [];
  let readable = 0;
  for (const frame of frames) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    if (inner) readable += 1;
    else unreadable.push(frame.getAttribute('src') ?? '');
  }
  return { total: frames.length, readable, unreadable };
}

/** Gives the shadow root of a host even when it is closed (the extension's own API: Chrome's `chrome.dom`, Firefox's
 * `Element.openOrClosedShadowRoot`, both open to content scripts). */
export type ShadowRootOpener = (host: Element) => ShadowRoot | null;

export interface ShadowRoots {
  /** Shadow roots to read as part of the page, with their hosts: open ones, declarative ones the parser left as
   * `<template shadowrootmode>`, and closed ones the `opener` gives (`closed: true`). */
  open: Array<{ root: DocumentFragment; host: Element; closed?: true }>;
  /** Hosts of shadow roots that were seen but cannot be read (the opener failed on them). */
  unread: string[];
}

/**
 * The shadow roots directly in `scope` (a document or a shadow root; nested ones are found when their scope is read).
 * Our own highlight hosts (`gongkai-…`) are left out. Closed shadow roots are invisible to a page's scripts: they are
 * found only with an `opener` (the extension's API), and only on custom elements (a tag with a hyphen), where pages
 * put them — checking every element through the API would cost more than reading the page. Found, they are read like
 * open ones; without an opener (a page script, an old browser) they cannot be seen at all.
 */
export function findShadowRoots(scope: ParentNode, opener?: ShadowRootOpener): ShadowRoots {
  const out: ShadowRoots = { open: [], unread: [] };
  const doc = (scope as Node).ownerDocument ?? (scope as unknown as Document);
  // A TreeWalker visits the elements `querySelectorAll('*')` lists, in the same order, at a fraction of the cost.
  const walker = doc.createTreeWalker(scope as Node, 1 /* SHOW_ELEMENT */);
  // An element's tag is read only where it can matter (reading it costs more than the walk): for closed roots (custom
  // elements, with an opener) and declarative ones (`<template>`, when the scope holds one); else on hosts only.
  if (!opener && scope.querySelector('template') === null) {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const open = (node as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      if (open && !/^GONGKAI-/i.test((node as Element).tagName)) out.open.push({ root: open, host: node as Element });
    }
    return out;
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const tag = el.tagName;
    if (tag === 'TEMPLATE') {
      // A declarative shadow root the parser did not attach (Node's parser, older browsers): its content is the page's.
      const mode = el.getAttribute('shadowrootmode') ?? el.getAttribute('shadowroot');
      const host = el.parentElement;
      const content = (el as HTMLTemplateElement).content;
      if (mode && host && content) out.open.push({ root: content, host });
      continue;
    }
    const open = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (open) {
      if (!/^GONGKAI-/i.test(tag)) out.open.push({ root: open, host: el });
      continue;
    }
    if (opener && tag.includes('-') && !/^GONGKAI-/i.test(tag)) {
      let closed: ShadowRoot | null = null;
      try {
        closed = opener(el);
      } catch {
        out.unread.push(describeHost(el));
        continue;
      }
      if (closed) out.open.push({ root: closed, host: el, closed: true });
    }
  }
  return out;
}

function describeHost(el: Element): string {
  const id = el.getAttribute('id');
  return `<${el.tagName.toLowerCase()}${id ? ` id="${id.slice(0, 40)}"` : ''}>`;
}
