/**
 * What a fetched page offers the crawl: every link (a, area, frame, iframe) with its text, which of them lead to the
 * next pages of the same list (pagination: `createPageHTML(total, current, "index", "html")` → index_1.html …,
 * 下一页 / 尾页 / page numbers, `?page=N` and the like), and which lead to the site's own map (网站地图 / 站点地图).
 * Reads the parsed document only; decides nothing about scope, robots or what to fetch.
 */
import { collapseSpaces } from '../text/whitespace';

export interface FoundLink {
  url: string;
  text: string;
}

export interface PageLinks {
  links: FoundLink[];
  /** Further pages of this list (same column). */
  pagination: string[];
  /** Links to the site's map page. */
  siteMaps: string[];
}

const NEXT_TEXT = /^(下一页|下页|后页|後頁|下一頁|尾页|末页|尾頁|next|»|›|>>|>|\d{1,4})$/i;
const PAGED_PATH = /(?:^|\/)(index|list|default)_\d+\.s?html?$/i;
const PAGE_PARAM = /[?&](page|pageNo|pageno|pageIndex|pageNum|pn|p|currentPage|curpage)=\d+/i;
const SITE_MAP_TEXT = /^(网站地图|站点地图|網站地圖|站點地圖|sitemap)$/i;
const CREATE_PAGE = /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/;

function resolve(href: string, base: string): string | null {
  if (!href || /^(javascript:|mailto:|tel:|#)/i.test(href.trim())) return null;
  try {
    const url = new URL(href.trim(), base);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

export function readPageLinks(doc: Document, pageUrl: string): PageLinks {
  const base = doc.querySelector('base[href]')?.getAttribute('href') ?? pageUrl;
  const baseUrl = resolve(base, pageUrl) ?? pageUrl;
  const links: FoundLink[] = [];
  const pagination = new Set<string>();
  const siteMaps = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('a[href], area[href], frame[src], iframe[src]'))) {
    const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
    const url = resolve(raw, baseUrl);
    if (!url) continue;
    const text = collapseSpaces(el.textContent ?? '').slice(0, 80);
    links.push({ url, text });
    const compactText = text.replace(/\s/g, '');
    if (SITE_MAP_TEXT.test(compactText)) siteMaps.add(url);
    if (url !== pageUrl && (PAGED_PATH.test(new URL(url).pathname) || PAGE_PARAM.test(url))) {
      if (NEXT_TEXT.test(compactText) || compactText === '') pagination.add(url);
    } else if (/^(下一页|下页|下一頁)$/.test(compactText) && url !== pageUrl) pagination.add(url);
  }
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    const m = CREATE_PAGE.exec(script.textContent ?? '');
    if (!m) continue;
    const total = Math.min(Number(m[1]), 10_000);
    const [, , , prefix, ext] = m;
    for (let i = 1; i < total; i++) {
      const url = resolve(`${prefix}_${i}.${ext}`, baseUrl);
      if (url) pagination.add(url);
    }
  }
  return { links, pagination: [...pagination], siteMaps: [...siteMaps] };
}
