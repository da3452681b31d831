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

export function reportFrames(
  doc: Document,
  frames: ReadonlyArray<HTMLIFrameElement | HTMLFrameElement> = frameElements(doc),
): FrameReport {
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
