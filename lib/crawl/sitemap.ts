/**
 * sitemap.xml (sitemaps.org 0.9): the page URLs it lists, and the nested sitemaps of a sitemap index. Read with a small
 * <loc> scan (the format is flat; entities are decoded). Gzipped sitemaps are not read (said in the crawl's notes).
 * Decides nothing about scope or robots: the crawler filters what comes out.
 */

export interface SitemapEntries {
  pages: string[];
  sitemaps: string[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

export function parseSitemap(xml: string): SitemapEntries {
  const locs = [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/gi)].map((m) =>
    m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e),
  );
  return /<sitemapindex[\s>]/i.test(xml) ? { pages: [], sitemaps: locs } : { pages: locs, sitemaps: [] };
}
