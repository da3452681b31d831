/**
 * Builds a short CSS path to an element: from the nearest ancestor with a unique id, else from `body`,
 * as `tag:nth-of-type(n)` steps. `resolveLocator` is the inverse, for the highlighter. Paths are cached per document
 * (ancestors shared, sibling indexes counted once per parent) so locating thousands of list rows stays linear;
 * `takeSnapshot` resets the cache first.
 */
import type { Locator } from './types';

const SAFE_ID = /^[A-Za-z][\w-]*$/;

interface PathCache {
  paths: WeakMap<Element, string>;
  nth: WeakMap<Element, number>;
  idCounts: Map<string, number> | null;
}

const caches = new WeakMap<Document, PathCache>();

/** Forget cached paths of a document (the DOM may have changed since the last snapshot). */
export function resetLocatorCache(doc: Document): void {
  caches.delete(doc);
}

function cacheOf(doc: Document): PathCache {
  let cache = caches.get(doc);
  if (!cache) {
    cache = { paths: new WeakMap(), nth: new WeakMap(), idCounts: null };
    caches.set(doc, cache);
  }
  return cache;
}

function uniqueId(el: Element, cache: PathCache): boolean {
  const id = el.getAttribute('id');
  if (!id || !SAFE_ID.test(id)) return false;
  if (!cache.idCounts) {
    cache.idCounts = new Map();
    for (const withId of Array.from(el.ownerDocument.querySelectorAll('[id]'))) {
      const key = withId.getAttribute('id') ?? '';
      cache.idCounts.set(key, (cache.idCounts.get(key) ?? 0) + 1);
    }
  }
  return cache.idCounts.get(id) === 1;
}

/**
 * nth-of-type of an element: counted over its previous siblings when there are few, else for every child of the
 * parent at once (a list of thousands of rows is counted once, not once per row).
 */
function nthOfType(el: Element, cache: PathCache): number {
  const known = cache.nth.get(el);
  if (known !== undefined) return known;
  let index = 1;
  let steps = 0;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (++steps > 64) return bulkNthOfType(el, cache);
    if (sib.tagName === el.tagName) index += 1;
  }
  return index;
}

function bulkNthOfType(el: Element, cache: PathCache): number {
  const parent = el.parentElement;
  if (!parent) return 1;
  const counts = new Map<string, number>();
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    const n = (counts.get(child.tagName) ?? 0) + 1;
    counts.set(child.tagName, n);
    cache.nth.set(child, n);
  }
  return cache.nth.get(el) ?? 1;
}

/** The path of an element; each ancestor's path is computed once per snapshot and shared by its descendants. */
export function cssPath(el: Element): string {
  const cache = cacheOf(el.ownerDocument);
  const known = cache.paths.get(el);
  if (known !== undefined) return known;
  let path: string;
  if (el.tagName === 'BODY' || el.tagName === 'HTML' || !el.parentElement) path = 'body';
  else if (uniqueId(el, cache)) path = `#${el.getAttribute('id')}`;
  else path = `${cssPath(el.parentElement)} > ${el.tagName.toLowerCase()}:nth-of-type(${nthOfType(el, cache)})`;
  cache.paths.set(el, path);
  return path;
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
