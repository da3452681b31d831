/**
 * robots.txt, honoured with a kept parser (robots-parser: RFC 9309 matching, wildcards, Crawl-delay, Sitemap lines).
 * Fetch rules follow RFC 9309 §2.3.1: 2xx → the rules; 4xx (none published) → everything allowed; 5xx or unreachable →
 * nothing allowed (the site may not want us and cannot say so). Decides allowed / refused per URL for our product
 * token; does not pace requests (host-pacer.ts).
 */
import robotsParser from 'robots-parser';

export const PRODUCT_TOKEN = 'GongkaiInspector';

export interface RobotsRules {
  /** How the rules were obtained: `rules` (a file), `none` (4xx: all allowed), `unreachable` (5xx/error: none allowed). */
  kind: 'rules' | 'none' | 'unreachable';
  allowed(url: string): boolean;
  crawlDelayMs: number | null;
  sitemaps: string[];
  /** Why, for messages: the HTTP status or the error. */
  detail: string;
}

export async function loadRobots(origin: string, fetcher: typeof fetch, userAgent: string): Promise<RobotsRules> {
  const url = `${origin}/robots.txt`;
  let response: Response;
  try {
    response = await fetcher(url, { redirect: 'follow', headers: { 'user-agent': userAgent } });
  } catch (error) {
    return blocked(`robots.txt unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    return blocked(`robots.txt answered HTTP ${response.status}`);
  }
  if (response.status >= 400) {
    await response.body?.cancel();
    return { kind: 'none', allowed: () => true, crawlDelayMs: null, sitemaps: [], detail: `HTTP ${response.status}` };
  }
  const text = await response.text();
  return fromText(url, text);
}

export function fromText(robotsUrl: string, text: string): RobotsRules {
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(PRODUCT_TOKEN);
  return {
    kind: 'rules',
    // robots-parser answers undefined for a URL of another origin: that is not ours to refuse here.
    allowed: (u) => robots.isAllowed(u, PRODUCT_TOKEN) !== false,
    crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : null,
    sitemaps: robots.getSitemaps(),
    detail: 'robots.txt',
  };
}

function blocked(detail: string): RobotsRules {
  return { kind: 'unreachable', allowed: () => false, crawlDelayMs: null, sitemaps: [], detail };
}
