/**
 * Links the checks care about: attachments (documents to download), links to a 解读 (interpretation), on a 解读
 * page links back to the original document, and 更多 links (a block's link to its whole list, outside the site chrome). Collected as text, href and locator; judging them is for the checks.
 * Linear in the page: a link's text is read up to a bound, and the text around it (its parent's) once per parent,
 * also up to a bound — ten thousand links in one parent cost ten thousand short reads, not ten thousand whole parents.
 * At most `MAX_LINK_REFS` of each kind are kept; `dropped` counts the rest.
 */
import { type AnchorRead, readAnchors, type TextAround, textAround } from './anchors';
import { isChrome } from './chrome';
import { locate } from './locator';
import { compact } from './text';
import type { LinkRef } from './types';

const DOCUMENT_FILE = /\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|csv|pptx?|txt)(?:$|[?#])/i;
const INTERPRETATION = /解读|解讀|图解|圖解|答记者问|答記者問|政策问答/;
export const ORIGINAL = /原文|相关文件|相關文件|政策文件|文件全文|关联文件|關聯文件/;
/** A block's link to the whole list it shows a part of: 更多, +更多, 更多>>, 查看更多, more… (the whole link text). */
const MORE = /^[\s+＋>》»·.…[\]【】()（）]*(?:查看)?(?:更多|more)(?:信息|内容)?[\s+＋>》»·.…[\]【】()（）]*$/i;

const NAMED = new RegExp(`${INTERPRETATION.source}|${ORIGINAL.source}`);

/** Whether the text has more than `n` characters other than whitespace (counted without copying it). */
function inkBeyond(text: string, n: number): boolean {
  let ink = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff && ++ink > n) return true;
  }
  return false;
}

/** A link's text longer than this is not a title: it is read no further. */
const LINK_TEXT_LIMIT = 500;
/** The text around a link counts only when its parent holds less than this. */
const CONTEXT_LIMIT = 200;
export const MAX_LINK_REFS = 5_000;

/** True when a text is only a 更多 link's words (also a value printed beside a block's heading). */
export function isMoreLinkText(text: string): boolean {
  return text.length <= 12 && MORE.test(text);
}

export interface PageLinks {
  attachments: LinkRef[];
  interpretationLinks: LinkRef[];
  originalLinks: LinkRef[];
  moreLinks: LinkRef[];
  /** Links of these kinds past `MAX_LINK_REFS`, not kept. */
  dropped: number;
}

/**
 * `anchors`: the scope's links read once (see anchors); `around`: the shared reader of the text around links;
 * `mayNameOriginal`: the elements whose text holds a 文 (text-index `holdersOf` DOCUMENT_WORD) — the text around a
 * link is read only in those, the others cannot name an original (without it, every link's parent is read).
 */
export function extractLinks(
  doc: Document,
  frame: number[],
  anchors: readonly AnchorRead[] = readAnchors(Array.from(doc.querySelectorAll('a[href]'))),
  max = MAX_LINK_REFS,
  around: TextAround = textAround(),
  mayNameOriginal?: ReadonlySet<Element>,
): PageLinks {
  const out: PageLinks = {
    attachments: [],
    interpretationLinks: [],
    originalLinks: [],
    moreLinks: [],
    dropped: 0,
  };
  // The base the links resolve against, asked of the document once (links kept are resolved only when kept).
  let base: { href: string | undefined; origin: string | null } | null = null;
  const resolve = (href: string): string => {
    base ??= baseOf(doc);
    return absolute(href, base.href, base.origin);
  };
  const keep = (list: LinkRef[], ref: () => LinkRef) => {
    if (list.length < max) list.push(ref());
    else out.dropped += 1;
  };
  // The text around a link, per parent: read once, however many links (and list rows) share the parent.
  const contextOf = (parent: Element): string => {
    const read = around(parent);
    return read.complete && read.text.length <= CONTEXT_LIMIT ? read.text : '';
  };
  for (const { el: a, href, text: whole } of anchors) {
    const isFile = DOCUMENT_FILE.test(href);
    const text = whole.length > LINK_TEXT_LIMIT ? whole.slice(0, LINK_TEXT_LIMIT) : whole;
    if (isMoreLinkText(text)) {
      if (!isChrome(a)) keep(out.moreLinks, () => ({ text, href: resolve(href), locator: locate(a, frame) }));
      continue;
    }
    // Most links are neither files nor 解读/原文 links: decide on the raw text before tidying it (its length first).
    if (!isFile && text.length < 5 && !NAMED.test(text) && !a.hasAttribute('title')) continue;
    const shown = text || (a.getAttribute('title') ?? '').trim();
    const ref = (): LinkRef => ({ text: shown, href: resolve(href), locator: locate(a, frame) });
    if (isFile) keep(out.attachments, ref);
    // One search tells most links apart: a text naming neither a 解读 nor a 原文.
    if (NAMED.test(shown)) {
      // A link to the 政策解读 column in the menu is not a link to this document's interpretation.
      if (INTERPRETATION.test(shown)) {
        if (compact(shown).length > 4) keep(out.interpretationLinks, ref);
        continue;
      }
      keep(out.originalLinks, ref);
      continue;
    }
    if (!inkBeyond(shown, 4)) continue;
    const parent = a.parentElement;
    const context = parent && (mayNameOriginal === undefined || mayNameOriginal.has(parent)) ? contextOf(parent) : '';
    if (context.length < 80 && ORIGINAL.test(context)) keep(out.originalLinks, ref);
  }
  return out;
}

/** The document's base URL, and its origin when it is a web page's (http, https). */
function baseOf(doc: Document): { href: string | undefined; origin: string | null } {
  const href = doc.baseURI || undefined;
  try {
    const url = new URL(href ?? '');
    return { href, origin: /^https?:$/.test(url.protocol) ? url.origin : null };
  } catch {
    return { href, origin: null };
  }
}

/**
 * A path from the site's root that the URL parser leaves as it is (ASCII letters, digits and the characters a path
 * keeps; no `.` or `..` step, no query or fragment): joined to the origin without parsing, as `new URL` would give it.
 */
const PLAIN_ROOT_PATH = /^\/(?![/\\])[\w\-.~!$&'()*+,;=:@%/]*$/;
const DOT_STEP = /\/(?:\.|%2e){1,2}(?:\/|$)/i;

function absolute(href: string, base: string | undefined, origin: string | null): string {
  if (origin !== null && PLAIN_ROOT_PATH.test(href) && !DOT_STEP.test(href)) return origin + href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
