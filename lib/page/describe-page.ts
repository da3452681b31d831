/**
 * Describes a page (title, URL, encoding, heading, guideline meta tags, breadcrumb, frames) from any `Document`:
 * the live page in the content script, or happy-dom/linkedom in tests and on the command line.
 */
import { findBreadcrumb } from './breadcrumb';
import { frameElements, reportFrames } from './frames';
import { readGuidelineMetaTags } from './meta-tags';
import type { PageDescription } from './page-description';

/** `frames`: the page's frame elements when the caller has listed them already (`frameElements`). */
export function describePage(doc: Document, url: string, frames = frameElements(doc)): PageDescription {
  return {
    url,
    title: (doc.title ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim(),
    charset: doc.characterSet || 'UTF-8',
    heading: mainHeading(doc),
    metaTags: readGuidelineMetaTags(doc),
    breadcrumb: findBreadcrumb(doc),
    frames: reportFrames(doc, frames),
  };
}

function mainHeading(doc: Document): string | null {
  const h = doc.querySelector('h1') ?? doc.querySelector('h2');
  const text = (h?.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return text.length > 0 ? text : null;
}
