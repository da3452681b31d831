/**
 * Links the checks care about: attachments (documents to download), links to a 解读 (interpretation) and, on a 解读
 * page, links back to the original document. Collected as text, href and locator; judging them is for the checks.
 */
import { locate } from './locator';
import { compact } from './text';
import { flatText } from './text-index';
import type { LinkRef } from './types';

const DOCUMENT_FILE = /\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|csv|pptx?|txt)(?:$|[?#])/i;
const INTERPRETATION = /解读|解讀|图解|圖解|答记者问|答記者問|政策问答/;
const ORIGINAL = /原文|相关文件|相關文件|政策文件|文件全文|关联文件|關聯文件/;

export interface PageLinks {
  attachments: LinkRef[];
  interpretationLinks: LinkRef[];
  originalLinks: LinkRef[];
}

export function extractLinks(
  doc: Document,
  frame: number[],
  links: readonly Element[] = Array.from(doc.querySelectorAll('a[href]')),
): PageLinks {
  const out: PageLinks = { attachments: [], interpretationLinks: [], originalLinks: [] };
  for (const a of links) {
    const href = a.getAttribute('href') ?? '';
    if (/^(javascript:|#|mailto:)/i.test(href)) continue;
    const isFile = DOCUMENT_FILE.test(href);
    const raw = a.textContent ?? '';
    // Most links are neither files nor 解读/原文 links: decide on the raw text before tidying it.
    if (!isFile && !INTERPRETATION.test(raw) && !ORIGINAL.test(raw) && raw.length < 5 && !a.hasAttribute('title'))
      continue;
    const text = flatText(a) || (a.getAttribute('title') ?? '').trim();
    const ref = (): LinkRef => ({ text, href: absolute(href, doc), locator: locate(a, frame) });
    if (isFile) out.attachments.push(ref());
    // A link to the 政策解读 column in the menu is not a link to this document's interpretation.
    if (INTERPRETATION.test(text)) {
      if (compact(text).length > 4) out.interpretationLinks.push(ref());
      continue;
    }
    if (ORIGINAL.test(text)) {
      out.originalLinks.push(ref());
      continue;
    }
    if (compact(text).length <= 4) continue;
    const parent = a.parentElement;
    const context = parent && (parent.textContent ?? '').length < 200 ? flatText(parent) : '';
    if (ORIGINAL.test(context) && context.length < 80) out.originalLinks.push(ref());
  }
  return out;
}

function absolute(href: string, doc: Document): string {
  try {
    return new URL(href, doc.baseURI || undefined).href;
  } catch {
    return href;
  }
}
