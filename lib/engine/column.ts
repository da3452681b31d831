/**
 * Which column (栏目) a page belongs to: the `ColumnName` meta tag first, then the breadcrumb (its deepest meaningful
 * segment — not 正文/详情 nor the page's own name: its heading, ArticleTitle or the value of its 事项名称/名称/标题 field,
 * nor, on a guide, the levels below the column that name its service item and main item (主项 / 子项: they share a word
 * of three characters with its 事项名称) — with the whole path kept), then the page title (the part that is
 * neither the article nor the site), then the URL (well-known folder abbreviations such as `czsz` 财政收支).
 * A ColumnName written as the site's name followed by the column (`武汉市人民政府门户网站武汉动态`, a template joining
 * SiteName and the column) names the column after the site's name.
 * A ColumnName that is the page's own name (its ArticleTitle, heading or item name) names no column.
 * The meta yields to what the page prints when it is broader: a ColumnName that repeats the site's name (SiteName),
 * or names a year folder (2024) or a page level (正文), names no column, and a printed breadcrumb two or more levels below home whose deepest meaningful segment is not the
 * meta (the meta naming another of its segments, a higher one, or none of them — a platform's or a template's default)
 * names the column; the meta stays in the location.
 * Reports which source it used; `none` when nothing tells.
 */
import { urlColumns } from '../../seeds/policy/index';
import { LOCATION_TEXT_SEPARATOR } from '../page/breadcrumb';
import type { PageSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';

export type ColumnSource = 'meta' | 'breadcrumb' | 'title' | 'url' | 'none';

export interface ColumnInfo {
  name: string | null;
  source: ColumnSource;
  path: string[];
}

const NOT_A_COLUMN =
  /^(首页|网站首页|主页|正文|详情|详情页|详细|内容|正文内容|文章|信息|详细内容|文章内容|浏览|阅读|信息详情|文章详情|新闻详情|详细信息)$/;
/** A year alone (`2024`, `2024年`): an archive folder of the column above it, not a column a plan names. */
const YEAR_FOLDER = /^(19|20)\d{2}年?$/;
/** Names of the home page in a breadcrumb: the first segment, not a level of the path. */
const HOME_SEGMENT = /^(首页|网站首页|主页|首頁|網站首頁|主頁)$/;

/** Folder names portals give columns in page addresses (seeds/policy/url-columns.json: each with its source). */
const URL_COLUMNS: ReadonlyMap<string, string> = new Map(urlColumns.map((c) => [c.folder, c.name]));

/** A label that names the page's own record (事项名称, 信息名称, 标题): its value is the item, never a column. */
const ITEM_NAME_LABEL = /(名称|标题|题名)$/;

/** The label of a service item's name on its guide (办事指南: 事项名称). */
const SERVICE_ITEM_LABEL = /^事项名称$/;
/** Characters in a row a breadcrumb segment shares with the service item's name when it names that item's main item. */
const SHARED_RUN = 3;

/**
 * The names of the service item a guide page describes (its 事项名称 values). A service item is filed under its main
 * item (主项) as a sub-item (子项) — the 政务服务事项 catalogues' 主项 / 子项 — and a service hall's breadcrumb often goes
 * on below its column into both (服务大厅 > 人员资格管理 > 建造师执业资格注册 > 二级建造师变更注册): those levels name
 * the item, not a column.
 */
function serviceItemNames(s: PageSnapshot): string[] {
  const names: string[] = [];
  for (const f of s.fields)
    if (!f.chrome && f.value.length > 0 && f.value.length <= 60 && SERVICE_ITEM_LABEL.test(normalizeLabel(f.label)))
      names.push(normalizeLabel(f.value));
  return names;
}

/** True when the two texts share a run of `SHARED_RUN` characters or more (a word of the item's name). */
function sharesRun(a: string, b: string): boolean {
  if (a.length < SHARED_RUN || b.length < SHARED_RUN) return false;
  for (let i = 0; i + SHARED_RUN <= a.length; i++) if (b.includes(a.slice(i, i + SHARED_RUN))) return true;
  return false;
}

/** A service item's levels in a breadcrumb: its main item (主项) and the sub-item (子项) itself. */
const ITEM_LEVELS = 2;

/**
 * How many segments at the end of the breadcrumb name the page's service item or its main item (see serviceItemNames):
 * counted from the end while a segment shares a word with the item's name — two at most (主项, 子项), never the whole
 * path (a column may share a word with the item too: 人员资格管理 and 造价员资格证书).
 */
function itemTail(path: readonly string[], items: readonly string[]): number {
  if (items.length === 0) return 0;
  let n = 0;
  while (
    n < ITEM_LEVELS &&
    n < path.length - 1 &&
    items.some((item) => sharesRun(normalizeLabel(path[path.length - 1 - n]!), item))
  )
    n++;
  return n;
}

/**
 * The names the page gives itself: its heading, ArticleTitle and the values of its item-name fields. The heading of a
 * list page (rows of items or a pager, and no publication line — as page-kind reads it) names the column, not an item.
 */
function ownNames(s: PageSnapshot): Set<string> {
  const names = new Set<string>();
  const listPage = !s.publishInfo && (s.listItems.length >= 3 || s.pagination !== null);
  for (const text of [listPage ? null : s.heading, s.metaTags.ArticleTitle]) if (text) names.add(normalizeLabel(text));
  for (const f of s.fields)
    if (!f.chrome && f.value.length > 0 && f.value.length <= 60 && ITEM_NAME_LABEL.test(normalizeLabel(f.label)))
      names.add(normalizeLabel(f.value));
  return names;
}

function meaningful(segment: string, own: ReadonlySet<string>, title: string): boolean {
  const key = normalizeLabel(segment);
  if (!key || NOT_A_COLUMN.test(key) || YEAR_FOLDER.test(key)) return false;
  // The last segment of a guide's breadcrumb is often the item itself (… > 房屋管理 > 集体土地房屋拆迁许可).
  if (own.has(key)) return false;
  if (key.length > 20 && normalizeLabel(title).includes(key)) return false;
  return true;
}

function fromTitle(s: PageSnapshot): string | null {
  const parts = s.title
    .split(/\s*(?:[-－—_|｜>＞]+)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A one-part title names the article on a detail page, but the column on a list page (`国务院公报`).
  if (parts.length < 2 && (s.publishInfo || s.listItems.length < 3)) return null;
  const site = normalizeLabel(s.metaTags.SiteName ?? '');
  const heading = normalizeLabel(s.heading ?? '');
  const isSite = (key: string): boolean =>
    (site !== '' && (key === site || site.includes(key) || key.includes(site))) ||
    (/(网站|门户|人民政府|政府网|gov)/i.test(key) && key.length > 6) ||
    // A site's name, however short (中国政府网, 首都之窗网): portals name themselves a 网 or a 门户; no column is one.
    /(网|门户)$/.test(key);
  const keys = parts.map((p) => normalizeLabel(p));
  const candidates = parts.filter((_, i) => {
    const key = keys[i]!;
    if (isSite(key)) return false;
    if (heading && (key === heading || (heading.includes(key) && key.length > 10))) return false;
    return key.length >= 2 && key.length <= 12 && !NOT_A_COLUMN.test(key);
  });
  if (candidates.length === 0) return null;
  // A title of three parts or more prints the page, its column and the columns above it, and the site: the column is
  // the part next to the page's own. Printed from the page on (`页面_栏目_上级栏目_站点`, the site last), that is the
  // first part after the first; printed from the site on (`站点_上级栏目_栏目_页面`), the last candidate.
  if (parts.length >= 3 && isSite(keys[keys.length - 1]!) && !isSite(keys[0]!)) {
    const afterPage = candidates.filter((p) => p !== parts[0]);
    if (afterPage.length > 0) return afterPage[0]!;
  }
  return parts.length >= 3 ? candidates[candidates.length - 1]! : candidates[0]!;
}

function fromUrl(url: string): string | null {
  let segments: string[] = [];
  try {
    segments = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
  for (const seg of segments.reverse()) {
    const name = URL_COLUMNS.get(seg.toLowerCase());
    if (name) return name;
  }
  return null;
}

/**
 * The ColumnName meta as a column name: the site's name (SiteName) before it dropped when more follows
 * (`武汉市人民政府门户网站武汉动态` → `武汉动态`); undefined when there is no meta.
 */
function metaColumnText(s: PageSnapshot): string | undefined {
  const meta = s.metaTags.ColumnName?.trim();
  const site = s.metaTags.SiteName?.trim();
  if (!meta || !site || meta.length <= site.length || !meta.startsWith(site)) return meta;
  return meta.slice(site.length).replace(/^[\s\-－—_|｜>＞:：]+/, '') || meta;
}

/** The ColumnName meta when it names the page's column (see the module header: when it yields), else null. */
function metaColumn(s: PageSnapshot, own: ReadonlySet<string>): string | null {
  const meta = metaColumnText(s);
  if (!meta) return null;
  const key = normalizeLabel(meta);
  const site = normalizeLabel(s.metaTags.SiteName ?? '');
  if ((site && key === site) || NOT_A_COLUMN.test(key) || YEAR_FOLDER.test(key)) return null;
  // A template that writes the article's title into ColumnName (武汉市商务局) names the page, not its column.
  if (own.has(key)) return null;
  const levels = (s.breadcrumb?.segments ?? [])
    .map((seg) => normalizeLabel(seg))
    .filter((seg) => !HOME_SEGMENT.test(seg));
  let deepest = levels.length - 1;
  while (deepest >= 0 && !meaningful(levels[deepest]!, own, s.title)) deepest--;
  // A meta at or below the deepest meaningful segment (the page's own long name may be the last) keeps its place.
  if (levels.length >= 2 && deepest >= 0 && levels.lastIndexOf(key) < deepest) return null;
  return meta;
}

export function detectColumn(s: PageSnapshot): ColumnInfo {
  const path = s.breadcrumb?.segments ?? [];
  const own = ownNames(s);
  const meta = metaColumn(s, own);
  if (meta) return { name: meta, source: 'meta', path };
  const above = path.slice(0, path.length - itemTail(path, serviceItemNames(s)));
  const deepest = [...above].reverse().find((seg) => meaningful(seg, own, s.title));
  if (deepest) return { name: deepest, source: 'breadcrumb', path };
  const titled = fromTitle(s);
  if (titled) return { name: titled, source: 'title', path };
  const urlName = fromUrl(s.url);
  if (urlName) return { name: urlName, source: 'url', path };
  return { name: null, source: 'none', path };
}

/** One place the column is named: the nearest first (meta, then the breadcrumb from its end, title, URL folders). */
export interface LocationSegment {
  text: string;
  source: Exclude<ColumnSource, 'none'>;
}

/**
 * The whole location of a page, nearest first: the ColumnName meta tag (after the breadcrumb when it yields to it, see
 * detectColumn), the breadcrumb segments from the deepest meaningful one up, the column part of the title when there is no breadcrumb, then the URL folders (deepest first).
 * The matcher reads them together, the nearest weighing most.
 */
export function columnLocation(s: PageSnapshot): LocationSegment[] {
  const out: LocationSegment[] = [];
  const own = ownNames(s);
  const meta = metaColumnText(s);
  const metaNames = metaColumn(s, own) !== null;
  if (meta && metaNames) out.push({ text: meta, source: 'meta' });
  const printed = s.breadcrumb?.segments ?? [];
  const path = printed
    .slice(0, printed.length - itemTail(printed, serviceItemNames(s)))
    .filter((seg) => meaningful(seg, own, s.title));
  for (const seg of [...path].reverse())
    if (!out.some((o) => normalizeLabel(o.text) === normalizeLabel(seg))) out.push({ text: seg, source: 'breadcrumb' });
  // A meta broader than the printed column comes after it; one that repeats the site's name or the page's own name is
  // no place at all.
  const site = normalizeLabel(s.metaTags.SiteName ?? '');
  if (
    meta &&
    !metaNames &&
    normalizeLabel(meta) !== site &&
    !own.has(normalizeLabel(meta)) &&
    !NOT_A_COLUMN.test(normalizeLabel(meta)) &&
    !YEAR_FOLDER.test(normalizeLabel(meta)) &&
    !out.some((o) => normalizeLabel(o.text) === normalizeLabel(meta))
  )
    out.push({ text: meta, source: 'meta' });
  if (path.length === 0) {
    const titled = fromTitle(s);
    if (titled && !out.some((o) => normalizeLabel(o.text) === normalizeLabel(titled)))
      out.push({ text: titled, source: 'title' });
  }
  for (const text of urlFolders(s.url)) out.push({ text, source: 'url' });
  return out;
}

/**
 * The location of a page as an audit recorded it (its column with the column's source, the breadcrumb path, its title
 * and URL): what `columnLocation` reads from the page, for matching the page again against another plan without it.
 */
export function recordedLocation(page: { url: string; title: string; column: ColumnInfo }): LocationSegment[] {
  const out: LocationSegment[] = [];
  const { name, source, path } = page.column;
  if (name && source === 'meta') out.push({ text: name, source: 'meta' });
  // Segments below the recorded column are the page's own name (a guide's item): left out, as when it was recorded.
  const own = new Set<string>();
  const at = source === 'breadcrumb' && name ? path.lastIndexOf(name) : -1;
  if (at >= 0) for (const seg of path.slice(at + 1)) own.add(normalizeLabel(seg));
  for (const seg of [...path].reverse().filter((p) => meaningful(p, own, page.title)))
    if (!out.some((o) => normalizeLabel(o.text) === normalizeLabel(seg))) out.push({ text: seg, source: 'breadcrumb' });
  if (path.length === 0 && name && source === 'title') out.push({ text: name, source: 'title' });
  for (const text of urlFolders(page.url)) out.push({ text, source: 'url' });
  return out;
}

function urlFolders(url: string): string[] {
  try {
    const parts = new URL(url).pathname.split('/').filter(Boolean);
    // The last part is usually the page itself (index.html, t2026_1.html); keep folders only.
    if (parts.length > 0 && /\.\w+$/.test(parts[parts.length - 1]!)) parts.pop();
    return parts.reverse().filter((p) => /^[a-z][a-z0-9_-]{1,20}$/i.test(p));
  } catch {
    return [];
  }
}

const WHERE_PREFIX = /^\s*(?:您?(?:当前|现在)?(?:所在)?(?:的)?位置\s*[:：]?|当前位置\s*[:：]?)\s*/;

/**
 * A column name or a breadcrumb as text (`首页 > 政务公开 > 财政预决算`, `您当前位置:首页>>…`) or a URL, as a location,
 * nearest first — for the command line and the evaluation, where there is no page.
 */
export function locationFromText(text: string): LocationSegment[] {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) return urlFolders(trimmed).map((t) => ({ text: t, source: 'url' as const }));
  const segments = trimmed
    .replace(WHERE_PREFIX, '')
    .split(LOCATION_TEXT_SEPARATOR)
    .map((seg) => seg.trim())
    .filter((seg) => seg && !NOT_A_COLUMN.test(normalizeLabel(seg)));
  return segments.reverse().map((seg) => ({ text: seg, source: 'breadcrumb' as const }));
}
