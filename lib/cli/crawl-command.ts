/**
 * `gongkai crawl <start-url> [--max-pages N] [--depth N] [--max-time s] [--concurrency N] [--delay ms] [--now YYYY-MM-DD]
 *  [--plan id|file] [--indicators file] [--sample N] [--all] [--external] [--user-agent text] [--inspector name]
 *  [--log pages.jsonl] [--json] [--lang zh|en] -o audit.json|audit.zip` — the whole-site patrol (全站巡检) from the command line;
 * `gongkai crawl --list sites.txt [--shard i/n] … -o folder/` — many sites, one job and one audit file each.
 *
 * Decides: the options and what they mean for every site of a run (`CrawlSettings`); one site is crawl-site.ts's job,
 * a list crawl-list.ts's. Prints a text summary in the --lang language (names the patrol wrote included,
 * lib/patrol-names.ts), or the JSON summary with --json.
 * Bad input (not a URL, unreachable or non-HTML start page, refused by robots.txt, bad numbers, options that do not go
 * together) exits 2 with one line.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_USER_AGENT } from '../crawl/crawler';
import { GOV_19_2019, parseIndicatorSet, type IndicatorSet } from '../crawl/indicators';
import type { PatrolSummary } from '../crawl/summary';
import { formatIn, type Language } from '../i18n-catalog';
import { patrolNameIn } from '../patrol-names';
import { crawlList } from './crawl-list';
import { crawlSite, type CrawlSettings } from './crawl-site';
import { CliInputError } from './load-page';
import { readLocalFile } from './read-local-file';
import { resolvePlan } from './resolve-plan';
import { parseShard } from './site-list';
import { flags, OUTPUT, valued } from './command-args';

export interface CrawlCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  fetcher?: typeof fetch;
  now: Date;
  parseNow: (value: string) => Date;
  /** `--lang zh|en` (the text summary's language; the JSON summary and the audit file keep the data's Chinese). */
  language: (value: string | undefined) => Language;
}

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min)
    throw new CliInputError(`--${name} must be a whole number ≥ ${min}, not ${value}`);
  return n;
}

async function indicatorsFrom(path: string | undefined): Promise<IndicatorSet> {
  if (!path) return GOV_19_2019;
  // An indicator set is a short JSON file: a larger one is not one.
  const text = new TextDecoder().decode(await readLocalFile(path, 1024 * 1024));
  try {
    return parseIndicatorSet(text);
  } catch (error) {
    throw new CliInputError(`${path}: ${(error as Error).message}`);
  }
}

export async function crawlCommand(args: string[], io: CrawlCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...valued('max-pages', 'depth', 'max-time', 'concurrency', 'delay', 'sample', 'user-agent'),
      ...valued('now', 'plan', 'indicators', 'log', 'name', 'inspector', 'list', 'shard', 'lang'),
      ...flags('all', 'external', 'json'),
      ...OUTPUT,
    },
  });
  if (values.list !== undefined) {
    if (positionals.length > 0) throw new CliInputError('crawl takes a start address or --list <sites.txt>, not both');
    if (!values.output) throw new CliInputError('crawl --list needs -o <folder>/ (one audit file per site)');
    for (const flag of ['name', 'log'] as const)
      if (values[flag] !== undefined) throw new CliInputError(`--${flag} names one site's file: not with --list`);
  } else {
    if (values.shard !== undefined) throw new CliInputError('--shard splits a --list <sites.txt>');
    if (positionals.length !== 1) throw new CliInputError('crawl needs one start address (http:// or https://)');
    if (!/^https?:\/\/[^/\s]+/i.test(positionals[0]!)) throw new CliInputError(`not a web address: ${positionals[0]}`);
    if (!values.output) throw new CliInputError('crawl needs -o <audit.json|audit.zip>');
  }
  if (values['user-agent'] !== undefined && !/^[\x20-\x7e]+$/.test(values['user-agent']))
    throw new CliInputError('--user-agent must be printable ASCII (an HTTP header)');
  const settings: CrawlSettings = {
    maxPages: count('max-pages', values['max-pages'], 10_000, 1),
    maxDepth: count('depth', values.depth, 8, 0),
    maxTime: values['max-time'] === undefined ? null : count('max-time', values['max-time'], 0, 1) * 1000,
    concurrency: count('concurrency', values.concurrency, 2, 1),
    delayMs: count('delay', values.delay, 500, 0),
    sample: count('sample', values.sample, 3, 0),
    all: values.all ?? false,
    external: values.external ?? false,
    userAgent: values['user-agent'] ?? DEFAULT_USER_AGENT,
    indicators: await indicatorsFrom(values.indicators),
    plan: await resolvePlan(values.plan),
    planSource: values.plan,
    now: values.now ? io.parseNow(values.now) : io.now,
    runAt: io.now,
    fetcher: io.fetcher ?? fetch,
    inspector: values.inspector,
  };
  if (values.list !== undefined)
    return crawlList(
      values.list,
      values.shard === undefined ? null : parseShard(values.shard),
      values.output!,
      settings,
      {
        out: io.out,
        json: values.json ?? false,
      },
    );
  const site = await crawlSite(positionals[0]!, settings, values.output!, { name: values.name, log: values.log });
  if (values.json) io.out(JSON.stringify(site.summary, null, 2));
  else printSummary(io.out, site.summary, site.recorded, site.output, io.language(values.lang));
  return 0;
}

function printSummary(
  out: (t: string) => void,
  s: PatrolSummary,
  recorded: number,
  file: string,
  lang: Language,
): void {
  const say = (key: string, ...args: Array<string | number>) => formatIn(lang, { key, args: args.map(String) });
  const name = (text: string) => patrolNameIn(text, lang);
  out(say('cliCrawlIndicators', name(s.indicators.ref), s.indicators.version));
  out(say('cliCrawlPages', s.start, s.pages, s.ended, s.skipped.robots, s.skipped.offsite, s.skipped.limit));
  const by = new Map<string, number>();
  for (const c of s.columns) by.set(c.status, (by.get(c.status) ?? 0) + 1);
  out(say('cliCrawlColumns', s.columns.length, [...by].map(([k, n]) => `${k} ${n}`).join(say('sepPhrases'))));
  for (const c of s.columns.filter((c) => c.status !== 'fresh'))
    out(
      `  [${c.status}] ${c.path.join(' > ')} ${c.latest ?? ''} ${c.url}${c.ruleIsDefault && c.rule ? say('cliCrawlDefaultRule', name(c.rule)) : ''}`,
    );
  out(say('cliCrawlLinks', s.deadLinks.length, s.suspectedLinks.length, s.externalLinks.length));
  for (const d of s.deadLinks) out(`  ${d.status} ${d.url} ← ${d.foundOn.join(' ')}`);
  for (const v of s.vetoes) {
    const state = v.triggered ? 'patrolTriggered' : v.decided ? 'patrolClear' : 'patrolUndecided';
    out(say('cliCrawlVeto', v.id, name(v.name), say(state), name(v.threshold)));
  }
  const missing = s.tasks.filter((t) => t.status !== 'covered').length;
  out(say('cliCrawlTasks', s.tasks.length, missing));
  out(say('cliCrawlRecorded', recorded, file));
}
