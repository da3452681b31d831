/**
 * Every link the crawl met, once: where it was found (the first few pages, and how many in all) and how its check
 * ended. Dead = 404/403/410 confirmed; suspected = 5xx, time-out or another failure after one retry. External links
 * (other sites) are listed; their check is `not-checked` unless the crawl was asked to check them.
 * Memory: one small entry per distinct URL, found-on pages capped (FOUND_ON_KEPT), never the pages themselves.
 */
import type { LinkOutcome, LinkVerdict } from './crawler';
import { sameSite } from './url-scope';

export const FOUND_ON_KEPT = 10;

export interface LinkEntry {
  foundOn: string[];
  foundCount: number;
  verdict: LinkVerdict;
  status: number;
  detail: string;
}

export interface LinkRow {
  url: string;
  internal: boolean;
  verdict: LinkVerdict;
  status: number;
  detail: string;
  foundOn: string[];
  foundCount: number;
}

export class LinkRegistry {
  private readonly entries = new Map<string, LinkEntry>();

  constructor(private readonly start: string) {}

  private entry(url: string): LinkEntry {
    let e = this.entries.get(url);
    if (!e) {
      e = { foundOn: [], foundCount: 0, verdict: 'not-checked', status: 0, detail: '' };
      this.entries.set(url, e);
    }
    return e;
  }

  /** Every entry as plain data, to pause a patrol and go on later. */
  state(): Array<[string, LinkEntry]> {
    return [...this.entries].map(([u, e]) => [u, { ...e, foundOn: [...e.foundOn] }]);
  }

  restore(state: Array<[string, LinkEntry]>): void {
    for (const [u, e] of state) this.entries.set(u, { ...e, foundOn: [...e.foundOn] });
  }

  found(url: string, on: string): void {
    const e = this.entry(url);
    if (e.foundOn.includes(on)) return;
    e.foundCount++;
    if (e.foundOn.length < FOUND_ON_KEPT) e.foundOn.push(on);
  }

  checked(outcome: LinkOutcome): void {
    const e = this.entry(outcome.url);
    e.verdict = outcome.verdict;
    e.status = outcome.status;
    e.detail = outcome.detail;
  }

  private rows(filter: (e: LinkEntry, internal: boolean) => boolean): LinkRow[] {
    const out: LinkRow[] = [];
    for (const [url, e] of this.entries) {
      const internal = sameSite(url, this.start);
      if (filter(e, internal)) out.push({ url, internal, ...e, foundOn: [...e.foundOn] });
    }
    return out.sort((a, b) => a.url.localeCompare(b.url));
  }

  dead(): LinkRow[] {
    return this.rows((e) => e.verdict === 'dead');
  }

  suspected(): LinkRow[] {
    return this.rows((e) => e.verdict === 'suspected');
  }

  external(): LinkRow[] {
    return this.rows((_, internal) => !internal);
  }

  counts(): { total: number; checked: number; dead: number; suspected: number; external: number } {
    let checked = 0;
    let dead = 0;
    let suspected = 0;
    let external = 0;
    for (const [url, e] of this.entries) {
      if (e.verdict !== 'not-checked') checked++;
      if (e.verdict === 'dead') dead++;
      if (e.verdict === 'suspected') suspected++;
      if (!sameSite(url, this.start)) external++;
    }
    return { total: this.entries.size, checked, dead, suspected, external };
  }
}
