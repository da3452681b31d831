/**
 * Checking links to other sites after a patrol, where the crawl did not (the extension, once the user grants access to
 * those sites): each URL once, its site's robots.txt first (refused → `not-checked`, said as robots.txt), HEAD and GET
 * when HEAD is refused, one retry of what may pass the second time (5xx, time-out), paced per host like the crawl.
 * Verdicts as the crawl gives them: 404/403/410 dead, other failures suspected, 2xx/3xx/401 ok.
 * Also decides which site access to ask for: the fewest origins that cover the links (`accessPatterns`).
 */
import type { LinkOutcome, LinkVerdict } from './crawler';
import { HostPacer, type PacerClock, realClock } from './host-pacer';
import { loadRobots, type RobotsRules } from './robots';
import { canonicalUrl } from './url-scope';

export interface LinkCheckOptions {
  fetcher: typeof fetch;
  userAgent?: string;
  concurrency?: number;
  delayMs?: number;
  timeoutMs?: number;
  clock?: PacerClock;
}

const DEAD = new Set([404, 403, 410]);
const RETRYABLE = (status: number) => status === 0 || status >= 500;
const REFUSED_HEAD = new Set([405, 501, 403, 400]);

/** The host permissions to ask for to check these links: one `<scheme>://<host>[:port]/*` per distinct origin. */
export function accessPatterns(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    const canonical = canonicalUrl(url);
    if (canonical) origins.add(new URL(canonical).origin);
  }
  return [...origins].sort().map((o) => `${o}/*`);
}

function verdictOf(status: number): LinkVerdict {
  if ((status >= 200 && status < 400) || status === 401) return 'ok';
  return DEAD.has(status) ? 'dead' : 'suspected';
}

export async function checkLinks(
  urls: readonly string[],
  o: LinkCheckOptions,
  onChecked?: (outcome: LinkOutcome) => void,
): Promise<LinkOutcome[]> {
  const userAgent = o.userAgent ?? 'GongkaiInspector';
  const pacer = new HostPacer(Math.max(1, o.concurrency ?? 2), Math.max(0, o.delayMs ?? 500), o.clock ?? realClock);
  const robots = new Map<string, Promise<RobotsRules>>();
  const robotsOf = (origin: string) => {
    let rules = robots.get(origin);
    if (!rules) robots.set(origin, (rules = loadRobots(origin, o.fetcher, userAgent)));
    return rules;
  };
  const once = async (url: string, method: 'HEAD' | 'GET'): Promise<{ status: number; detail: string }> => {
    try {
      const response = await pacer.run(new URL(url).host, () =>
        o.fetcher(url, {
          method,
          redirect: 'follow',
          headers: { 'user-agent': userAgent },
          signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        }),
      );
      await response.body?.cancel();
      return { status: response.status, detail: `HTTP ${response.status}` };
    } catch (error) {
      return { status: 0, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  };
  const attempt = async (url: string, method: 'HEAD' | 'GET') => {
    let last = await once(url, method);
    if (RETRYABLE(last.status)) last = await once(url, method);
    return last;
  };
  const check = async (url: string): Promise<LinkOutcome> => {
    const rules = await robotsOf(new URL(url).origin);
    if (!rules.allowed(url)) return { url, internal: false, verdict: 'not-checked', status: 0, detail: 'robots.txt' };
    let answer = await attempt(url, 'HEAD');
    if (REFUSED_HEAD.has(answer.status)) answer = await attempt(url, 'GET');
    return { url, internal: false, verdict: verdictOf(answer.status), status: answer.status, detail: answer.detail };
  };
  const unique = [...new Set(urls.map((u) => canonicalUrl(u)).filter((u): u is string => u !== null))];
  return Promise.all(
    unique.map(async (url) => {
      const outcome = await check(url);
      onChecked?.(outcome);
      return outcome;
    }),
  );
}
