/**
 * Reads the page meta tags named by 《政府网站发展指引》 (国办发〔2017〕47号).
 * Decides: which of the guideline's tags are present and their content (names matched case-insensitively,
 * reported under the guideline's spelling). Does not decide whether a page *should* carry them — that is a check.
 */

/** The guideline's tags in its own order: home page, then list pages, then detail pages. */
export const GUIDELINE_META_NAMES = [
  'SiteName',
  'SiteDomain',
  'SiteIDCode',
  'ColumnName',
  'ColumnDescription',
  'ColumnKeywords',
  'ColumnType',
  'ArticleTitle',
  'PubDate',
  'ContentSource',
  'Keywords',
  'Author',
  'Description',
  'Image',
  'Url',
] as const;

const canonical = new Map(GUIDELINE_META_NAMES.map((name) => [name.toLowerCase(), name]));

/** `metas`: the page's `meta[name]` elements when the caller has listed them already. */
export function readGuidelineMetaTags(
  doc: Document,
  metas: readonly Element[] = Array.from(doc.querySelectorAll('meta[name]')),
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const meta of metas) {
    const name = canonical.get((meta.getAttribute('name') ?? '').trim().toLowerCase());
    if (!name || name in found) continue;
    found[name] = (meta.getAttribute('content') ?? '').trim();
  }
  const ordered: Record<string, string> = {};
  for (const name of GUIDELINE_META_NAMES) if (name in found) ordered[name] = found[name]!;
  return ordered;
}
