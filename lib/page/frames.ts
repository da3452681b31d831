/**
 * Counts the page's frames and which of them can be read. Old portals put the whole content in a frame:
 * a frame that cannot be read is reported, never silently skipped.
 */
import type { FrameReport } from './page-description';

export function reportFrames(doc: Document): FrameReport {
  const frames = Array.from(doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'));
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
