/**
 * Links the checks care about: attachments (documents to download), links to a 解读 (interpretation) and, on a 解读
 * page, links back to the original document. Collected as text, href and locator; judging them is for the checks.
 */
import { locate } from './locator';
import { collapse, compact, textOf } from './text';
import type { LinkRef } from './types';

const DOCUMENT_FILE = /\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|csv|pptx?|txt)(?:$|[?#])/i;
const INTERPRETATION = /解读|解讀|图解|圖解|答记者问|答記者問|政策问答/;
const ORIGINAL = /原文|相关文件|相關文件|政策文件|文件全文|关联文件|關聯文件/;

export interface PageLinks {
  attachments: LinkRef[];
  interpretationLinks: LinkRef[];
  originalLinks: LinkRef[];
}

export function extractLinks(doc: Document, frame: number[]): PageLinks {
  const out: PageLinks = { attachments: [], interpretationLinks: [], originalLinks: [] };
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (/^(javascript:|#|mailto:)/i.test(href)) continue;
    const text = collapse(textOf(a) || a.getAttribute('title') || '');
    const ref = (): LinkRef => ({ text, href: absolute(href, doc), locator: locate(a, frame) });
    if (DOCUMENT_FILE.test(href)) out.attachments.push(ref());
    const context = collapse(a.parentElement?.textContent ?? '');
    // A link to the 政策解读 column in the menu is not a link to this document's interpretation.
    if (INTERPRETATION.test(text) && compact(text).length > 4) out.interpretationLinks.push(ref());
    else if (ORIGINAL.test(text) || (ORIGINAL.test(context) && context.length < 80 && compact(text).length > 4)) out.originalLinks.push(ref());
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
