/**
 * Builds a short CSS path to an element: from the nearest ancestor with a unique id, else from `body`,
 * as `tag:nth-of-type(n)` steps. `resolveLocator` is the inverse, for the highlighter. Paths are cached per document
 * (ancestors shared, sibling indexes counted once per parent) so locating thousands of list rows stays linear;
 * `takeSnapshot` resets the cache first.
 */
import { frameElements } from '../page/frames';
import type { Locator } from './types';

const SAFE_ID = /^[A-Za-z][\w-]*$/;

/** What is known of an element: its path and the steps in it, its nth-of-type (either may be known alone). */
interface Known {
  path: string | undefined;
  depth: number;
  nth: number;
}

interface PathCache {
  /** One map for all an element's facts: one lookup per element, not one per fact. */
  known: WeakMap<Element, Known>;
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
    cache = { known: new WeakMap(), idCounts: null };
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
 * nth-of-type of an element: counted back over its previous siblings to the nearest one of its type already counted
 * (rows and paragraphs are located in page order, so that is usually the one just before), else for every child of
 * the parent at once when there are many (a list of thousands of rows is counted once, not once per row).
 */
function nthOfType(el: Element, tag: string, cache: PathCache): number {
  const known = cache.known.get(el);
  if (known !== undefined && known.nth > 0) return known.nth;
  let index = 1;
  let steps = 0;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (++steps > 64) return bulkNthOfType(el, cache);
    if (sib.tagName !== tag) continue;
    const counted = cache.known.get(sib)?.nth ?? 0;
    if (counted > 0) {
      index += counted;
      break;
    }
    index += 1;
  }
  if (known !== undefined) known.nth = index;
  else cache.known.set(el, { path: undefined, depth: 0, nth: index });
  return index;
}

function bulkNthOfType(el: Element, cache: PathCache): number {
  const parent = el.parentNode as ParentNode | null;
  if (!parent) return 1;
  const counts = new Map<string, number>();
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    const n = (counts.get(child.tagName) ?? 0) + 1;
    counts.set(child.tagName, n);
    const known = cache.known.get(child);
    if (known !== undefined) known.nth = n;
    else cache.known.set(child, { path: undefined, depth: 0, nth: n });
  }
  return cache.known.get(el)?.nth ?? 1;
}

/** Hosts of shadow roots (and declarative-shadow-root contents) read as part of the page. */
const shadowHosts = new WeakMap<Node, Element>();

/** Records that the pieces under `root` are located through `host` (`host path >>> path inside`). */
export function registerShadowRoot(root: Node, host: Element): void {
  shadowHosts.set(root, host);
}

function hostOf(node: Node | null): Element | null {
  if (node?.nodeType !== 11) return null;
  return shadowHosts.get(node) ?? (node as ShadowRoot).host ?? null;
}

/** Locators stop this deep: a piece further down is located by its ancestor at this depth (paths stay short). */
export const MAX_LOCATOR_DEPTH = 64;

/**
 * The path of an element; each ancestor's path is computed once per snapshot and shared by its descendants.
 * Iterative (a page nested thousands of levels deep must not overflow the stack).
 */
export function cssPath(el: Element): string {
  const cache = cacheOf(el.ownerDocument);
  // The common case first: rows and paragraphs are located in page order, so the parent's path is known — one step,
  // nothing else to walk.
  const own = cache.known.get(el);
  if (own?.path !== undefined) return own.path;
  const parent = el.parentElement;
  const above = parent === null ? undefined : cache.known.get(parent);
  if (above?.path !== undefined) {
    const tag = el.tagName;
    if (tag !== 'BODY' && tag !== 'HTML' && !uniqueId(el, cache)) {
      if (above.depth >= MAX_LOCATOR_DEPTH) {
        remember(cache, el, own, above.path, above.depth);
        return above.path;
      }
      const path = `${above.path} > ${tag.toLowerCase()}:nth-of-type(${nthOfType(el, tag, cache)})`;
      remember(cache, el, own ?? cache.known.get(el), path, above.depth + 1);
      return path;
    }
  }
  // The elements below the nearest one whose path is known, with their parent (null under a shadow root) and tag.
  const chain: Array<{ el: Element; parent: Element | null; tag: string; known: Known | undefined }> = [];
  let path: string | undefined;
  let depth = 0;
  for (let cur: Element | null = el; cur; ) {
    const known = cache.known.get(cur);
    if (known?.path !== undefined) {
      path = known.path;
      depth = known.depth;
      break;
    }
    const parent: Element | null = cur.parentElement;
    const host: Element | null = parent ? null : hostOf(cur.parentNode);
    const tag = cur.tagName;
    if (!host && (tag === 'BODY' || tag === 'HTML' || !parent)) {
      path = 'body';
      remember(cache, cur, known, path, 0);
      break;
    }
    if (!host && uniqueId(cur, cache)) {
      path = `#${cur.getAttribute('id')}`;
      remember(cache, cur, known, path, 0);
      break;
    }
    chain.push({ el: cur, parent, tag, known });
    cur = host ?? parent;
  }
  path ??= 'body';
  // Down from the known ancestor, caching every step; past MAX_LOCATOR_DEPTH steps an element takes its ancestor's path.
  for (let i = chain.length - 1; i >= 0; i--) {
    const step = chain[i]!;
    if (depth < MAX_LOCATOR_DEPTH) {
      const separator = step.parent ? ' > ' : ' >>> ';
      path = `${path}${separator}${step.tag.toLowerCase()}:nth-of-type(${nthOfType(step.el, step.tag, cache)})`;
      depth += 1;
    }
    remember(cache, step.el, step.known ?? cache.known.get(step.el), path, depth);
  }
  return path;
}

function remember(cache: PathCache, el: Element, known: Known | undefined, path: string, depth: number): void {
  if (known !== undefined) {
    known.path = path;
    known.depth = depth;
  } else cache.known.set(el, { path, depth, nth: 0 });
}

/**
 * The elements of the snapshot being taken with its paths put off (`takeSnapshot`'s `deferPaths`), by `ref`; null
 * while paths are computed at once.
 */
let deferred: Element[] | null = null;

/** From now until `endDeferredPaths`, `locate` numbers elements instead of computing their paths; returns the table. */
export function beginDeferredPaths(): Element[] {
  deferred = [];
  return deferred;
}

export function endDeferredPaths(): void {
  deferred = null;
}

/**
 * Where an element is: its CSS path — or, while a snapshot puts its paths off, its number in that snapshot's table
 * (`ref`, path empty), for `pathsOf` to turn into a path once the checks have said which pieces they report.
 */
export function locate(el: Element, frame: number[]): Locator {
  if (deferred !== null) return { frame, path: '', ref: deferred.push(el) - 1 };
  return { frame, path: cssPath(el) };
}

/**
 * The paths of the elements `refs` number in a snapshot's table (`beginDeferredPaths`), computed from the page as it
 * stands now: an element the page has removed since, or a ref the table does not hold, gets an empty path (nothing to
 * point at — the views say the piece is no longer on the page).
 */
export function pathsOf(table: readonly Element[], refs: readonly number[]): string[] {
  const reset = new Set<Document>();
  return refs.map((ref) => {
    const el = Number.isInteger(ref) ? table[ref] : undefined;
    if (el === undefined || !el.isConnected) return '';
    // The DOM may have changed since the snapshot: paths are counted afresh, once per document per call.
    if (!reset.has(el.ownerDocument)) {
      reset.add(el.ownerDocument);
      resetLocatorCache(el.ownerDocument);
    }
    return cssPath(el);
  });
}

/** Finds the element a locator names in a document (following same-origin frames, and shadow roots: closed ones
 * through `opener`, the extension's API, as the snapshot read them), or null. */
export function resolveLocator(
  doc: Document,
  locator: Locator,
  opener?: (host: Element) => ShadowRoot | null,
): Element | null {
  let current: Document | null = doc;
  for (const index of locator.frame) {
    const frame: Element | undefined = current ? frameElements(current)[index] : undefined;
    try {
      current = (frame as HTMLIFrameElement | undefined)?.contentDocument ?? null;
    } catch {
      current = null;
    }
  }
  // A path through shadow roots: the host's path, then the path inside its (open) shadow root, and so on.
  const [first, ...inner] = locator.path.split(' >>> ');
  try {
    let found: Element | null = current?.querySelector(first!) ?? null;
    for (const part of inner) {
      const root: ShadowRoot | null = found ? (found.shadowRoot ?? opener?.(found) ?? null) : null;
      found = root ? followSteps(root, part) : null;
    }
    return found;
  } catch {
    return null;
  }
}

/** Follows `tag:nth-of-type(n) > …` down from a shadow root, child by child (a selector could match deeper first). */
function followSteps(root: ParentNode, path: string): Element | null {
  let scope: ParentNode | null = root;
  let found: Element | null = null;
  for (const step of path.split(' > ')) {
    const m = /^([\w-]+):nth-of-type\((\d+)\)$/.exec(step);
    if (!m || !scope) return null;
    const tag = m[1]!.toUpperCase();
    let n = Number(m[2]);
    found = null;
    for (let child: Element | null = scope.firstElementChild; child; child = child.nextElementSibling)
      if (child.tagName.toUpperCase() === tag && --n === 0) {
        found = child;
        break;
      }
    scope = found;
  }
  return found;
}
