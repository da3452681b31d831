/**
 * Describes a page (title, URL, encoding, heading, guideline meta tags, breadcrumb, frames) from any `Document`:
 * the live page in the content script, or happy-dom/linkedom in tests and on the command line.
 */
import { findBreadcrumb } from './breadcrumb';
import { frameElements, reportFrames } from './frames';
import { readGuidelineMetaTags } from './meta-tags';
import type { PageDescription } from './page-description';

/** The elements a description reads, in page order, when the caller has listed them already (a walk over the page). */
export interface DescribedElements {
  /** `iframe` and `frame` elements (see `frameElements`). */
  frames: ReadonlyArray<HTMLIFrameElement | HTMLFrameElement>;
  /** `meta[name]` */
  metas: readonly Element[];
  /** The first `h1`, and the first `h2`. */
  h1: Element | null;
  h2: Element | null;
}

export function describePage(doc: Document, url: string, elements?: DescribedElements): PageDescription {
  return {
    url,
    title: (doc.title ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim(),
    charset: doc.characterSet || 'UTF-8',
    heading: mainHeading(
      elements ? (elements.h1 ?? elements.h2) : (doc.querySelector('h1') ?? doc.querySelector('h2')),
    ),
    metaTags: readGuidelineMetaTags(doc, elements?.metas),
    breadcrumb: findBreadcrumb(doc),
    frames: reportFrames(doc, elements?.frames ?? frameElements(doc)),
  };
}

function mainHeading(h: Element | null): string | null {
  const text = (h?.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return text.length > 0 ? text : null;
}
