/**
 * Highlights on the inspected page: outlines around present (green) and empty (amber) elements, and a small floating
 * list of the missing ones (red). Everything is drawn in one closed shadow root on a zero-size host of our own, so the
 * page's CSS cannot reach it, ours cannot reach the page, and the page's layout never moves. `clearOverlay` removes
 * the host and its listeners: nothing of ours stays behind. Elements in same-origin frames are outlined in their frame.
 */
import type { HighlightColors } from './colors';
import type { Locator } from '../snapshot/types';
import { resolveLocator } from '../snapshot/locator';

export interface OverlayItem {
  locator: Locator;
  tone: 'present' | 'empty';
  label: string;
}

export interface OverlayRequest {
  items: OverlayItem[];
  /** Names of missing elements, listed in the floating box (nothing on the page to outline). */
  missing: string[];
  colors: HighlightColors;
  title: string;
}

const HOST_TAG = 'gongkai-overlay';
interface Drawn {
  host: HTMLElement;
  redraw: () => void;
}
const drawn = new WeakMap<Document, Drawn>();

export function clearOverlay(doc: Document): void {
  const current = drawn.get(doc);
  if (current) {
    current.host.remove();
    doc.defaultView?.removeEventListener('resize', current.redraw);
    drawn.delete(doc);
  }
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) clearOverlay(inner);
    } catch {
      // cross-origin frame: nothing of ours there
    }
  }
}

function hostFor(doc: Document): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(
    'style',
    'all:initial;position:absolute;left:0;top:0;width:0;height:0;z-index:2147483646;pointer-events:none;',
  );
  const root = host.attachShadow({ mode: 'closed' });
  (doc.documentElement ?? doc.body).append(host);
  return { host, root };
}

function box(doc: Document, el: Element, color: string, label: string): HTMLElement {
  const rect = el.getBoundingClientRect();
  const win = doc.defaultView!;
  const div = doc.createElement('div');
  div.setAttribute(
    'style',
    `position:absolute;left:${rect.left + win.scrollX - 2}px;top:${rect.top + win.scrollY - 2}px;width:${rect.width + 4}px;height:${rect.height + 4}px;outline:2px solid ${color};border-radius:2px;box-sizing:border-box;`,
  );
  const tag = doc.createElement('span');
  tag.textContent = label;
  tag.setAttribute(
    'style',
    `position:absolute;right:0;top:0;font:11px/14px sans-serif;background:${color};color:#fff;padding:0 3px;border-radius:0 0 0 2px;white-space:nowrap;opacity:.9;`,
  );
  div.append(tag);
  return div;
}

/** Draws the overlay (replacing any earlier one); returns how many items were found on the page. `opener` reaches into
 * closed shadow roots (the extension's API), as the snapshot did. */
export function drawOverlay(
  doc: Document,
  request: OverlayRequest,
  opener?: (host: Element) => ShadowRoot | null,
): number {
  clearOverlay(doc);
  const byDoc = new Map<Document, Array<{ el: Element; item: OverlayItem }>>();
  for (const item of request.items) {
    const el = resolveLocator(doc, item.locator, opener);
    if (!el) continue;
    const list = byDoc.get(el.ownerDocument) ?? [];
    list.push({ el, item });
    byDoc.set(el.ownerDocument, list);
  }
  let found = 0;
  for (const [target, entries] of byDoc) {
    const { host, root } = hostFor(target);
    const redraw = () => {
      // Appended one by one, not spread into one call: a page of many thousands of pieces must not overflow the stack.
      root.replaceChildren();
      for (const { el, item } of entries)
        root.append(
          box(target, el, item.tone === 'present' ? request.colors.present : request.colors.empty, item.label),
        );
      if (target === doc) root.append(missingList(doc, request));
    };
    redraw();
    target.defaultView?.addEventListener('resize', redraw);
    drawn.set(target, { host, redraw });
    found += entries.length;
  }
  if (!byDoc.has(doc)) {
    const { host, root } = hostFor(doc);
    const redraw = () => root.replaceChildren(missingList(doc, request));
    redraw();
    drawn.set(doc, { host, redraw });
  }
  return found;
}

function missingList(doc: Document, request: OverlayRequest): HTMLElement {
  const panel = doc.createElement('div');
  panel.setAttribute(
    'style',
    `position:fixed;right:12px;bottom:12px;max-width:260px;max-height:40vh;overflow:auto;background:#fff;border:2px solid ${request.colors.problem};border-radius:4px;font:12px/1.5 sans-serif;color:#1f2328;padding:6px 8px;pointer-events:auto;box-shadow:0 2px 8px rgba(0,0,0,.2);`,
  );
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', request.title);
  const head = doc.createElement('div');
  head.textContent = `${request.title}（${request.missing.length}）`;
  head.setAttribute('style', `font-weight:bold;color:${request.colors.problem};`);
  panel.append(head);
  const list = doc.createElement('ul');
  list.setAttribute('style', 'margin:4px 0 0;padding-left:16px;');
  for (const name of request.missing) {
    const li = doc.createElement('li');
    li.textContent = name;
    list.append(li);
  }
  panel.append(list);
  if (request.missing.length === 0) panel.style.display = 'none';
  return panel;
}

export function overlayShown(doc: Document): boolean {
  return drawn.has(doc);
}
