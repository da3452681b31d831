/**
 * Builds a short CSS path to an element: from the nearest ancestor with a unique id, else from `body`,
 * as `tag:nth-of-type(n)` steps. `resolveLocator` is the inverse, for the highlighter.
 */
import type { Locator } from './types';

const SAFE_ID = /^[A-Za-z][\w-]*$/;

export function cssPath(el: Element): string {
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.tagName !== 'BODY' && node.tagName !== 'HTML') {
    const id = node.getAttribute('id');
    if (id && SAFE_ID.test(id) && node.ownerDocument.querySelectorAll(`#${id}`).length === 1) {
      steps.unshift(`#${id}`);
      return steps.join(' > ');
    }
    const tag = node.tagName.toLowerCase();
    let index = 1;
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.tagName === node.tagName) index += 1;
    steps.unshift(`${tag}:nth-of-type(${index})`);
    node = node.parentElement;
  }
  steps.unshift('body');
  return steps.join(' > ');
}

export function locate(el: Element, frame: number[]): Locator {
  return { frame, path: cssPath(el) };
}

/** Finds the element a locator names in a document (following same-origin frames), or null. */
export function resolveLocator(doc: Document, locator: Locator): Element | null {
  let current: Document | null = doc;
  for (const index of locator.frame) {
    const frame: Element | undefined = current?.querySelectorAll('iframe, frame')[index];
    try {
      current = (frame as HTMLIFrameElement | undefined)?.contentDocument ?? null;
    } catch {
      current = null;
    }
  }
  try {
    return current?.querySelector(locator.path) ?? null;
  } catch {
    return null;
  }
}
