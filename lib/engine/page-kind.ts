/**
 * What kind of page this is — home, list, detail or other — from what the snapshot saw. The 发展指引 meta tags and
 * the URL speak first (ArticleTitle → detail; a site root with SiteName → home); then the content: many labelled
 * fields → detail (a guide); dated items shown (a list in a tab panel the markup hides does not count; a list of undated links to files is a document's attachments, not a list), a blank-column notice or a pager without a 发布时间 line → list; a 发布时间 line or
 * a few fields → detail; no list but a paragraph of prose → detail; a page that is only a table of records → detail. Header and footer labels (主办, 网站标识码 …), fields in the site's chrome and labels without a
 * value are not counted. A list whose items carry no dates is still a list (its freshness is then reported as undated).
 *
 * A column landing page (栏目首页) is a list page: its content is one or more blocks of item links, each headed by a
 * sub-column's name and closed by a 更多 link (+更多, 更多>>, more) to that block's full list — a pattern of Chinese
 * portal CMSs, whose blocks often hold only a few undated items (too few to read as a list by themselves). A 更多 link
 * decides only when nothing said detail first (a 发布时间 line, labelled fields, a table of records, a paragraph of
 * prose): an article's sidebar of related links with its own 更多 does not make the article a list.
 *
 * A page that prints only the notice of a removed or missing page (本网页已删除, 对不起，您所浏览的新闻已被删除或不存在,
 * 页面没有找到) is `other` — not a list because of the sidebar or 更多 links around the notice, nor a detail page: there
 * is no document on it. (A kind of its own would change every stored audit's kinds; `other` runs no list or document
 * check, and the page-gone check reports the page as one that cannot be checked.)
 */
import type { PageKind } from '../checks/types';
import { isLabelText } from '../snapshot/fields';
import { isMoreLinkText } from '../snapshot/links';
import type { PageSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';

/** Labels every page of a site carries (header, footer): they say nothing about the page's kind. */
/** A text node this long with sentence punctuation is a paragraph of an article (a few sentences of 25–40 characters). */
const PROSE_PARAGRAPH = 100;

const BOILERPLATE =
  /^(主办|承办|主办单位|承办单位|协办|备案编号|备案号|ICP备案|网站标识码|联系电话|当前位置|您现在的位置|热词|热门搜索|技术支持|网站地图|联系我们|地址|邮编|电话|传真|字体|字号|浏览次数|点击数|访问量)$/;

/** An article's byline (来源：… 浏览次数：…), printed even when empty: a page that carries it shows one document. */
const ARTICLE_BYLINE =
  /^(来源|信息来源|文章来源|稿件来源|作者|责任编辑|浏览次数|点击数|点击量|阅读次数|访问次数|访问量)$/;

export function detectPageKind(s: PageSnapshot): PageKind {
  // Labels with no value (a heading printed with a colon) and the site's chrome say nothing about the page's kind.
  // A block's heading beside its 更多 link reads as a label with a value (行政执法职权 +更多): it is no field either.
  const fields = s.fields.filter(
    (f) =>
      !f.chrome &&
      f.value.trim().length > 0 &&
      !isMoreLinkText(f.value.trim()) &&
      !BOILERPLATE.test(normalizeLabel(f.label)),
  );
  let path = '/';
  try {
    path = new URL(s.url).pathname;
  } catch {
    path = '/';
  }
  // A removed or missing page (本网页已删除, 您访问的页面不存在) shows nothing but its notice: not a list whatever its
  // sidebar holds, nor an article. The page-gone check says that it cannot be checked.
  if (
    (s.goneNotices ?? []).length > 0 &&
    !s.publishInfo &&
    fields.length < 3 &&
    (s.stats.proseRun ?? 0) < PROSE_PARAGRAPH
  )
    return 'other';
  if (s.metaTags.ArticleTitle) return 'detail';
  const root = /^\/(index\.s?html?|default\.s?html?|index\.jsp|index\.php)?$/i.test(path);
  if (root && (s.metaTags.SiteName || s.listItems.length > 0)) return 'home';
  // Items per list in one pass (a page of thousands of lists must not cost lists × items). Only dated lists speak
  // against a detail page: a guide's long menu of item names is not its content.
  // A list of undated links that are all files (`平市监处字〔2018〕第47号.pdf` under a table of cases) is the document's
  // attachments, not a column's list of pages.
  const files = new Set(s.attachments.map((a) => a.href));
  const perList = new Map<number, { size: number; dated: boolean; files: boolean }>();
  for (const item of s.listItems) {
    // A list the page's markup hides (a guide's closed 表格下载 tab) is not what the page shows.
    if (item.hidden) continue;
    const list = perList.get(item.list) ?? { size: 0, dated: false, files: true };
    list.size += 1;
    if (item.date !== null) list.dated = true;
    if (files.size === 0 || !files.has(item.href)) list.files = false;
    perList.set(item.list, list);
  }
  let biggest = 0;
  let biggestDated = 0;
  for (const list of perList.values()) {
    if (!list.dated && list.files) continue;
    if (list.size > biggest) biggest = list.size;
    if (list.dated && list.size > biggestDated) biggestDated = list.size;
  }
  if (fields.length >= 6 && biggestDated < 8) return 'detail';
  // A pager (共N页, 上一页 / 下一页) is a list's furniture: one page of a longer list, even when its rows are few or undated.
  if (!s.publishInfo && (biggest >= 3 || s.blankSignals.length > 0 || s.pagination !== null)) return 'list';
  if (s.publishInfo || fields.length >= 3) return 'detail';
  // A page that is only a table of records (a fragment: one 公示表 with its header row) shows records, not a list.
  // A table whose every cell is a short name is a menu laid out as a grid, not records (records carry numbers, dates
  // or sentences somewhere).
  if (biggest === 0 && s.headerTables.some((t) => t.records.some((r) => r.some((c) => c && !isLabelText(c)))))
    return 'detail';
  if (biggest >= 2 && s.metaTags.ColumnName) return 'list';
  // No list, but a long paragraph: an article whose date is not printed (国务院公报 pages) is still a detail page.
  if (biggest < 3 && (s.stats.proseRun ?? 0) >= PROSE_PARAGRAPH) return 'detail';
  // Blocks of links with a 更多 link to each one's full list: a column landing page — unless the page prints an
  // article's byline, whose 更多 links are a sidebar's (最新信息 更多>>). (Snapshots saved before 更多 links were read
  // have none.)
  if (
    (s.moreLinks ?? []).length > 0 &&
    !s.fields.some((f) => !f.chrome && ARTICLE_BYLINE.test(normalizeLabel(f.label)))
  )
    return 'list';
  return 'other';
}
