/**
 * Finds the page's "current location" navigation (面包屑) the way real portals write it.
 * Decides: where the breadcrumb is and its segments, trying in turn TRS's `CurrChnlCls` marker, a known prefix
 * (当前位置： / 您现在的位置： / 您当前所在位置： / 您所在的位置 / 所在位置 / 當前位置 …; a prefix beside the items of a list
 * reads the items), a list the markup names as the breadcrumb
 * (class or aria-label `breadcrumb`) or another element whose class or id names it (its text a chain with pointing
 * separators from home, or a chain of its links alone), then a
 * bare chain starting at 首页 whose separators point onward (> / » …;
 * links split by | alone are a header's link bar).
 * Does not decide which segment is the column — column detection does that with the whole path.
 *
 * This runs inside the content script on every inspected page, so it stays small and uses no dictionaries:
 * traditional-script prefixes are listed literally.
 */
import type { Breadcrumb } from './page-description';
import { readText } from './read-text';

export const PREFIXES = [
  '您现在所在的位置',
  '您当前所在的位置',
  '您所在的位置',
  '您当前所在位置',
  '您当前的位置',
  '您现在的位置',
  '您现在所在位置',
  '您的位置',
  '你的位置',
  '你现在的位置',
  '当前位置',
  '当前的位置',
  '所在位置',
  '所在的位置',
  '现在位置',
  '当前页面',
  '您當前所在位置',
  '您現在的位置',
  '當前位置',
  '當前的位置',
  '現在位置',
];
/**
 * The one set of breadcrumb separators seen on real portals, longest first so that `>>` wins over `>`: those that
 * point onward, then backslashes, then `|` (a separator only after a 当前位置 prefix).
 */
const POINTING = ['>>', '->', '→', '»', '›', '＞', '>', '/'];
const BACKSLASHES = ['\\', '＼'];
const separatorOf = (marks: readonly string[]) =>
  new RegExp(`\\s*(?:${marks.map((m) => m.replace(/[\\/|]/g, '\\$&')).join('|')})\\s*`);
const SEPARATOR = separatorOf([...POINTING, ...BACKSLASHES, '|']);
/** A chain read without a prefix must point somewhere: `首页 | 简 | 繁 | EN` is a link bar (a header), not a breadcrumb. */
const DIRECTIONAL = /(?:>|→|»|›|＞|\/)/;
const DIRECTIONAL_SEPARATOR = separatorOf(POINTING);
/** Between the segments of a location written as text (`首页 > 政务公开 > 财政预决算`; no `|`, which names link bars). */
export const LOCATION_TEXT_SEPARATOR = separatorOf([...POINTING, ...BACKSLASHES]);
/** Page tools printed in the breadcrumb's box after its last segment (`… > 2007年第23号 字号：默认 大 超大 | 打印`). */
const TRAILING_TOOLS = /\s+\S*[:：|].*$/;
export const HOME_NAMES = '网站首页|首页|首頁|網站首頁|主页|主頁';
const HOME = new RegExp(`^(?:${HOME_NAMES})$`);
/** A text that starts at the home page (cheap test before a plain-text chain is read). */
const HOME_START = new RegExp(`^(?:${HOME_NAMES})`);
const MAX_TEXT = 300;
/** A character every prefix (PREFIXES) or every home page's name (HOME_NAMES) holds. */
export const PREFIX_OR_HOME_CHAR = /[位页頁]/;
/**
 * The names CMS templates give the article level of a chain (`网站首页 > 详情页`, `… > 正文`): a chain naming nothing
 * else below home is a placeholder — another breadcrumb on the page, when there is one, says where the page is.
 */
const PAGE_LEVEL = /^(?:详情页|详情|正文|内容|信息详情|文章详情|新闻详情|详细信息|详细内容|正文内容|文章内容)$/;
/**
 * A segment needs a letter, digit or Han character (or U+FFFD, a character the page's decoding lost): a bracket or
 * dash left by a page tool (`【关闭当前页面】`) is none.
 */
const INK = /[\p{L}\p{N}\uFFFD]/u;

/** A chain from home to an article-level placeholder with nothing between (`网站首页 > 详情页`). */
export function isPlaceholderChain(segments: readonly string[]): boolean {
  const below = segments.slice(1);
  return (
    segments.length >= 2 &&
    HOME.test(segments[0]!) &&
    below.some((s) => PAGE_LEVEL.test(s)) &&
    below.every((s) => HOME.test(s) || PAGE_LEVEL.test(s))
  );
}
/** Links named 首页 looked at for a bare chain: a page of thousands of them is a link storm, not a breadcrumb. */
const MAX_HOME_LINKS = 50;

/** An element's text when it is breadcrumb-sized, else null (read no further than that: linear however large it is). */
function shortText(el: Element): string | null {
  // Source indentation counts toward the raw read: a breadcrumb box indented line by line holds many times its text.
  const read = readText(el, MAX_TEXT * 4, { skipHidden: true });
  return read.complete && read.text.length <= MAX_TEXT ? read.text : null;
}
/** Pinyin annotations of mirror sites (`当(dang)前(qian)位(wei)置(zhi)`), removed before matching. */
const PINYIN = /\([a-zü]{1,7}[1-5]?\)/g;

export function findBreadcrumb(doc: Document): Breadcrumb | null {
  const trs = fromTrsMarker(doc);
  if (trs) return trs;
  const { crumb, plainText, placeholder } = fromPrefix(doc);
  if (crumb) return crumb;
  const marked = fromMarkedList(doc);
  if (marked) return marked;
  const bare = fromBareChain(doc);
  return bare.chain ?? plainText ?? placeholder ?? bare.placeholder;
}

/**
 * Lists the page's markup names as its breadcrumb: a class holding `breadcrumb` (Bootstrap's component, Amaze UI's
 * `am-breadcrumb`), or an `aria-label` naming it (the WAI-ARIA Authoring Practices breadcrumb pattern) on the list or
 * its <nav>.
 */
const MARKED_LISTS = [
  // Bootstrap's `breadcrumb`, and the UI kits that prefix or suffix it (Amaze UI's `am-breadcrumb`, `breadcrumbs` …).
  'ol[class*="breadcrumb"]',
  'ul[class*="breadcrumb"]',
  '[aria-label="breadcrumb"] ol',
  '[aria-label="Breadcrumb"] ol',
  '[aria-label="breadcrumb"] ul',
  '[aria-label="Breadcrumb"] ul',
  '[aria-label="面包屑"] ol',
  '[aria-label="面包屑"] ul',
].join(',');
/** Marked lists looked at: a page has one breadcrumb. */
const MAX_MARKED_LISTS = 5;

/**
 * A list marked as the breadcrumb, one item per segment and no separator in its text (the arrows drawn by CSS, no
 * 当前位置 prefix): its items are the segments, when the first is the home page.
 */
function fromMarkedList(doc: Document): Breadcrumb | null {
  const lists = doc.querySelectorAll(MARKED_LISTS);
  for (let i = 0; i < lists.length && i < MAX_MARKED_LISTS; i++) {
    const list = lists[i]!;
    const text = shortText(list);
    if (text === null) continue;
    const segments: string[] = [];
    for (let li = list.firstElementChild; li; li = li.nextElementSibling) {
      if (li.tagName !== 'LI') continue;
      const item = shortText(li);
      if (item === null) break;
      for (const segment of splitSegments(item)) segments.push(segment);
    }
    if (segments.length >= 2 && HOME.test(segments[0]!)) return { segments, source: 'markup', text };
  }
  // Another element the markup names the breadcrumb (中国政府网's `<div class="BreadcrumbNav">`, home a <font>, not a
  // link): its text, when it is a chain from home with pointing separators.
  const boxes = doc.querySelectorAll(MARKED_BOXES);
  for (let i = 0, seen = 0; i < boxes.length && seen < MAX_MARKED_LISTS; i++) {
    const box = boxes[i]!;
    if (box.tagName === 'OL' || box.tagName === 'UL') continue;
    seen++;
    const text = shortText(box);
    const chain = text === null ? null : (pointingChain(text) ?? linkedChain(text, box));
    if (chain && !isPlaceholderChain(chain.segments)) return { ...endAtLastLink(chain, box), source: 'markup' };
  }
  return null;
}
/**
 * Any element whose class or id names it the breadcrumb (`breadcrumb`, `BreadcrumbNav`, `ui-breadcrumb`, DotNetNuke's
 * `<span id="…_BreadCrumbCtl_lblBreadCrumb">` …).
 */
const MARKED_BOXES =
  '[class*="breadcrumb"],[class*="Breadcrumb"],[id*="breadcrumb"],[id*="Breadcrumb"],[id*="BreadCrumb"]';

/**
 * A chain without a prefix, split at its pointing separators only, page tools after its last segment dropped: a
 * breadcrumb when it has two segments or more and starts at the home page (`首页 > 公示公告`) — or anywhere, when the
 * markup names the element the breadcrumb (`fromHome` false: `信息公开 ＞ 应急管理`) — else null.
 */
function pointingChain(text: string, fromHome = true): Breadcrumb | null {
  const parts = text.split(DIRECTIONAL_SEPARATOR);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? '').replace(TRAILING_TOOLS, '');
  const segments = parts.map((p) => p.replace(/[\s\u00a0\u3000]+/g, '')).filter((p) => p.length > 0);
  return segments.length >= 2 && (!fromHome || HOME.test(segments[0]!))
    ? { segments, source: 'separator', text }
    : null;
}

/**
 * A chain not from home in an element the markup names the breadcrumb (`信息公开 ＞ 应急管理`): taken only when every
 * segment is one of its links, in order (no plain text run on into it).
 */
function linkedChain(text: string, box: Element): Breadcrumb | null {
  const chain = pointingChain(text, false);
  if (!chain) return null;
  const links = linkSegments(box);
  return chain.segments.length === links.length && chain.segments.every((s, i) => s === links[i]) ? chain : null;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function splitSegments(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((s) => s.replace(/[\s\u00a0\u3000]+/g, '').trim())
    .filter((s) => INK.test(s));
}

/** Links looked at for a chain printed one segment per element: a breadcrumb is never longer. */
const MAX_CHAIN_LINKS = 20;

/**
 * A chain printed one segment per element with no separator between them (`<li><a>首页</a></li><li><a>政务公开</a></li>`,
 * arrows drawn by CSS): its text runs together, so the segments are the links' texts.
 */
function linkSegments(holder: Element): string[] {
  const out: string[] = [];
  const links = holder.querySelectorAll('a');
  for (let i = 0; i < links.length && i < MAX_CHAIN_LINKS; i++) {
    const read = readText(links[i]!, 60);
    const text = read.text.replace(/[\s\u00a0\u3000]+/g, '');
    if (read.complete && text.length > 0) out.push(text);
  }
  return out;
}

function fromTrsMarker(doc: Document): Breadcrumb | null {
  const first = doc.querySelector('.CurrChnlCls');
  let container = first?.parentElement;
  if (!container) return null;
  // Each marker may sit in its own <li>: the chain is the nearest box holding two of them.
  for (
    let up = 0;
    up < 3 && container.parentElement && container.getElementsByClassName('CurrChnlCls').length < 2;
    up++
  )
    container = container.parentElement;
  const text = clean(container.textContent);
  if (text.length > MAX_TEXT) return null;
  const prefix = PREFIXES.find((p) => text.startsWith(p));
  const rest = prefix ? text.slice(prefix.length).replace(/^\s*[:：]\s*/, '') : text;
  let segments = splitSegments(rest);
  const links = linkSegments(container);
  if ((segments.length < 2 && links.length > segments.length) || (links.length > 1 && onlyLinks(rest, links)))
    segments = links;
  return segments.length > 0 ? { segments, source: 'trs', text } : null;
}

/**
 * The location after a known prefix; on the same walk, the first plain-text chain (`首页 > 公示公告` in a text node of
 * its own), used only when nothing else is found.
 */
function fromPrefix(doc: Document): {
  crumb: Breadcrumb | null;
  plainText: Breadcrumb | null;
  placeholder: Breadcrumb | null;
} {
  let plainText: Breadcrumb | null = null;
  let placeholder: Breadcrumb | null = null;
  // A malformed page (two <html> tags) may leave a parser without a body: read the whole document then.
  const body = doc.body ?? doc.documentElement;
  if (!body) return { crumb: null, plainText, placeholder };
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    // Every prefix holds 位 or 页, every name of the home page 页 or 頁: a text without them is passed over unread.
    if (raw.length > MAX_TEXT || !PREFIX_OR_HOME_CHAR.test(raw)) continue;
    const compact = raw.replace(/[\s\u00a0\u3000]+/g, '').replace(PINYIN, '');
    const prefix = PREFIXES.find((p) => compact.includes(p));
    if (!prefix) {
      if (plainText === null && compact.length > 3 && HOME_START.test(compact) && !node.parentElement?.closest('a'))
        plainText = pointingChain(clean(raw));
      continue;
    }
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,title')) continue;
    // Climb until the element holds more than the prefix itself (prefix in a <span>, links beside it).
    // Stops where the text grows past a breadcrumb's size (a deep page is not climbed to its top for every prefix).
    let holder: Element = parent;
    while (
      segmentsAfter(holder, prefix).length === 0 &&
      holder.parentElement &&
      holder.parentElement !== body &&
      shortText(holder.parentElement) !== null
    ) {
      holder = holder.parentElement;
    }
    // A prefix and home alone in a cell of their own (`<td>当前位置：首页</td><td> > 政府信息公开 …</td>`, a Hanweb
    // template): the chain goes on in the row, after a pointing separator.
    while (homeOnly(segmentsAfter(holder, prefix)) && holder.parentElement && holder.parentElement !== body) {
      if (!chainGoesOn(holder.parentElement, prefix)) break;
      holder = holder.parentElement;
    }
    const segments = segmentsAfter(holder, prefix);
    if (segments.length === 0) continue;
    const items = listSegments(holder, segments) ?? itemSegments(holder);
    const links = items ? [] : linkSegments(holder);
    const byLinks = links.length > 1 && (segments.length === 1 || onlyLinks(textAfter(holder, prefix), links));
    const crumb: Breadcrumb = items
      ? { segments: items, source: 'prefix', prefix, text: readText(holder.parentElement!, MAX_TEXT * 8).text }
      : { segments: byLinks ? links : segments, source: 'prefix', prefix, text: shortText(holder) ?? '' };
    if (!isPlaceholderChain(crumb.segments)) return { crumb, plainText, placeholder };
    placeholder ??= crumb;
  }
  return { crumb: null, plainText, placeholder };
}

/**
 * A breadcrumb drawn as list items with no separator in the text (`<li>当前位置：首页</li><li>政务信息</li>…`, the
 * arrows come from CSS): the prefix's item and every following item of its list are the segments.
 */
function listSegments(holder: Element, first: string[]): string[] | null {
  const list = holder.parentElement;
  if (holder.tagName !== 'LI' || !list || (list.tagName !== 'UL' && list.tagName !== 'OL')) return null;
  // Indented markup: the raw text may be long where the collapsed text is breadcrumb-sized.
  const whole = readText(list, MAX_TEXT * 8);
  if (!whole.complete || whole.text.length > MAX_TEXT) return null;
  const out = [...first];
  for (let li = holder.nextElementSibling; li; li = li.nextElementSibling) {
    if (li.tagName !== 'LI') continue;
    const text = shortText(li);
    if (text === null) return null;
    for (const segment of splitSegments(text)) out.push(segment);
  }
  return out.length > first.length ? out : null;
}

/**
 * The prefix beside a list's items in the list itself (`<ol class="breadcrumb"><span>您现在所在的位置：</span><li>首页</li>
 * <li>政务公开</li>…`, separators drawn by CSS, most items unlinked): the items are the segments.
 */
function itemSegments(holder: Element): string[] | null {
  if (holder.tagName !== 'OL' && holder.tagName !== 'UL') return null;
  const out: string[] = [];
  for (let li = holder.firstElementChild; li; li = li.nextElementSibling) {
    if (li.tagName !== 'LI') continue;
    const text = shortText(li);
    if (text === null) return null;
    for (const segment of splitSegments(text)) out.push(segment);
  }
  return out.length >= 2 ? out : null;
}

function homeOnly(segments: readonly string[]): boolean {
  return segments.length === 1 && HOME.test(segments[0]!);
}

/** Home followed by a pointing separator: a chain that goes on past home. */
const HOME_THEN_POINTING = new RegExp(`^(?:${HOME_NAMES})(?:>>|->|→|»|›|＞|>)`);

/** Whether the element's text after the prefix is home, a pointing separator and more segments. */
function chainGoesOn(el: Element, prefix: string): boolean {
  const text = shortText(el);
  if (text === null) return false;
  const compact = text.replace(/[\s\u00a0\u3000]+/g, '').replace(PINYIN, '');
  const at = compact.indexOf(prefix);
  if (at < 0) return false;
  const rest = compact.slice(at + prefix.length).replace(/^[:：]/, '');
  return HOME_THEN_POINTING.test(rest) && segmentsAfter(el, prefix).length >= 2;
}

function segmentsAfter(el: Element, prefix: string): string[] {
  const rest = textAfter(el, prefix);
  return rest === null ? [] : splitSegments(rest);
}

/** The element's text after the prefix (null when the element is too long or lacks it). */
function textAfter(el: Element, prefix: string): string | null {
  const text = shortText(el);
  if (text === null) return null;
  const compact = text.replace(/ /g, '').replace(PINYIN, '');
  const at = compact.indexOf(prefix);
  if (at < 0) return null;
  let rest = compact.slice(at + prefix.length).replace(/^[:：]/, '');
  // The prefix printed twice (a 当前位置 heading over the 当前位置： label) is one prefix.
  for (let again = PREFIXES.find((p) => rest.startsWith(p)); again; again = PREFIXES.find((p) => rest.startsWith(p)))
    rest = rest.slice(again.length).replace(/^[:：]/, '');
  return rest;
}

/**
 * Whether a chain's text is its links run together and nothing else: no separator stands between them, so one found in
 * the text is inside a link's name (`行政处罚/行政强制`, one level of a 政府信息公开 directory) and the links are the
 * segments.
 */
function onlyLinks(text: string | null, links: readonly string[]): boolean {
  return text !== null && text.replace(/[\s\u00a0\u3000]+/g, '') === links.join('');
}

/**
 * The last segment cut at the end of the chain's last link when a word follows it without a separator (a column
 * heading `<b>工作动态</b>` in the chain's box after the link `工作动态`): that word is not a level of the path.
 */
function endAtLastLink(chain: Breadcrumb, holder: Element): Breadcrumb {
  const segments = chain.segments;
  const last = segments[segments.length - 1]!;
  const links = linkSegments(holder);
  const link = links[links.length - 1];
  if (!link || last === link || !last.startsWith(link)) return chain;
  // Only where the raw text breaks after the link's words: a link name run on into plain text is left as it is.
  const tail = chain.text.split(DIRECTIONAL_SEPARATOR).pop() ?? '';
  let read = '';
  for (const word of tail.trim().split(/[\s\u00a0\u3000]+/)) {
    read += word;
    if (read === link) return { ...chain, segments: [...segments.slice(0, -1), link] };
    if (read.length >= link.length) break;
  }
  return chain;
}

/** The first bare chain that names a place below home, and the first placeholder chain met before it. */
function fromBareChain(doc: Document): { chain: Breadcrumb | null; placeholder: Breadcrumb | null } {
  let homeLinks = 0;
  let placeholder: Breadcrumb | null = null;
  for (const link of Array.from(doc.querySelectorAll('a'))) {
    const name = readText(link, 20);
    if (!name.complete || !HOME.test(name.text.replace(/ /g, ''))) continue;
    if (++homeLinks > MAX_HOME_LINKS) break;
    // The chain's holder: the link's parent, or up to two levels higher when each segment sits in its own li/span.
    let holder = link.parentElement;
    for (let up = 0; holder && holder.querySelectorAll('a').length < 2 && up < 2; up++) holder = holder.parentElement;
    if (!holder || holder.querySelectorAll('a').length < 2) continue;
    const text = shortText(holder);
    if (text === null || !DIRECTIONAL.test(text)) continue;
    // A prefix the first pass did not see (当前位置： before the 首页 link) is not a segment.
    const compact = text.replace(/ /g, '');
    const prefix = PREFIXES.find((p) => compact.startsWith(p));
    if (prefix) {
      const segments = splitSegments(compact.slice(prefix.length).replace(/^[:：]/, ''));
      if (segments.length >= 2 && HOME.test(segments[0]!)) {
        const chain: Breadcrumb = { segments, source: 'separator', text };
        if (!isPlaceholderChain(segments)) return { chain, placeholder };
        placeholder ??= chain;
      }
      continue;
    }
    const read = pointingChain(text);
    const chain = read ? endAtLastLink(read, holder) : null;
    if (chain && !isPlaceholderChain(chain.segments)) return { chain, placeholder };
    if (chain) placeholder ??= chain;
  }
  return { chain: null, placeholder };
}
