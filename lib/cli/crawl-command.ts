/**
 * `gongkai crawl <start-url> [--max-pages N] [--depth N] [--max-time s] [--concurrency N] [--delay ms] [--now YYYY-MM-DD]
 *  [--plan id|file] [--indicators file] [--sample N] [--all] [--external] [--user-agent text] [--log pages.jsonl]
 *  [--json] -o audit.json|audit.zip` — the whole-site patrol (全站巡检) from the command line.
 *
 * Decides: the crawl core (lib/crawl) walks the site with Node's fetch and linkedom; the pages it picks (home, each
 * column's first page, each column's newest items, every 办事指南 item) are checked by the engine and recorded through
 * the real recording path into an in-memory IndexedDB as they come (as `gongkai audit` does); at the end the site
 * results (vetoes, dead and suspected links) are recorded on the home page and the audit file is written. `--log`
 * writes one JSON line per fetched page as it goes. Prints a text summary, or the JSON summary with --json.
 * Bad input (not a URL, unreachable or non-HTML start page, refused by robots.txt, bad numbers) exits 2 with one line.
 */
import 'fake-indexeddb/auto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CrawlStartError, DEFAULT_USER_AGENT, SiteCrawl } from '../crawl/crawler';
import { GOV_19_2019, parseIndicatorSet, type IndicatorSet } from '../crawl/indicators';
import { SitePatrol } from '../crawl/site-patrol';
import { siteResults } from '../crawl/site-results';
import { patrolSummary, type PatrolSummary } from '../crawl/summary';
import type { PageReport } from '../engine/inspect-page';
import { parseHtmlDocument } from '../html/parse-html';
import { loadAuditData } from '../export/audit-data';
import { auditFileJson, toAuditFile } from '../export/audit-file';
import { auditZip } from '../export/zip';
import type { PageSnapshot } from '../snapshot/types';
import { createAudit } from '../storage/audits';
import { GongkaiDb } from '../storage/db';
import { recordPageReport, snapshotMeta } from '../storage/findings';
import { saveImportedPlan } from '../storage/plans';
import { saveSiteRecord } from '../storage/sites';
import { siteRecordOf } from '../patrol/site-record';
import { bundledPlans, templates } from '../../seeds/index';
import { CliInputError } from './load-page';
import { resolvePlan } from './resolve-plan';

export interface CrawlCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  fetcher?: typeof fetch;
  now: Date;
  parseNow: (value: string) => Date;
}

let runs = 0;

/** Parsed as a browser parses it (lib/html), with the page's address as its base unless it has its own. */
export function parseHtmlNode(html: string, url: string): Document {
  const document = parseHtmlDocument(html);
  if (!document.querySelector('base[href]') && document.head) {
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head.insertBefore(base, document.head.firstChild);
  }
  return document;
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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliInputError(`no such file: ${path}`);
  }
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
      'max-pages': { type: 'string' },
      depth: { type: 'string' },
      'max-time': { type: 'string' },
      concurrency: { type: 'string' },
      delay: { type: 'string' },
      now: { type: 'string' },
      plan: { type: 'string' },
      indicators: { type: 'string' },
      sample: { type: 'string' },
      all: { type: 'boolean' },
      external: { type: 'boolean' },
      'user-agent': { type: 'string' },
      log: { type: 'string' },
      json: { type: 'boolean' },
      name: { type: 'string' },
      inspector: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length !== 1) throw new CliInputError('crawl needs one start address (http:// or https://)');
  const start = positionals[0]!;
  if (!/^https?:\/\/[^/\s]+/i.test(start)) throw new CliInputError(`not a web address: ${start}`);
  if (!values.output) throw new CliInputError('crawl needs -o <audit.json|audit.zip>');
  const maxPages = count('max-pages', values['max-pages'], 10_000, 1);
  const maxDepth = count('depth', values.depth, 8, 0);
  const maxTime = values['max-time'] === undefined ? null : count('max-time', values['max-time'], 0, 1) * 1000;
  const concurrency = count('concurrency', values.concurrency, 2, 1);
  const delayMs = count('delay', values.delay, 500, 0);
  const sample = count('sample', values.sample, 3, 0);
  if (values['user-agent'] !== undefined && !/^[\x20-\x7e]+$/.test(values['user-agent']))
    throw new CliInputError('--user-agent must be printable ASCII (an HTTP header)');
  const indicators = await indicatorsFrom(values.indicators);
  const plan = await resolvePlan(values.plan);
  const now = values.now ? io.parseNow(values.now) : io.now;
  const fetcher = io.fetcher ?? fetch;
  const origin = new URL(start).origin;

  const db = new GongkaiDb(`gongkai-cli-crawl-${process.pid}-${runs++}`);
  let log: WriteStream | null = null;
  try {
    await db.open();
    let planId = plan.id;
    if (!bundledPlans.some((p) => p === plan))
      planId = (await saveImportedPlan(db, plan, [], { kind: 'file', name: values.plan ?? plan.id }, now)).id;
    const stored = planId === plan.id ? plan : { ...plan, id: planId };
    const audit = await createAudit(
      db,
      { name: values.name ?? `${new URL(origin).host} 全站巡检 ${now.toISOString().slice(0, 10)}`, origin, planId },
      now,
    );
    if (values.log) log = createWriteStream(values.log);
    let home: { report: PageReport; snapshot: PageSnapshot } | null = null;
    const patrol = new SitePatrol({
      start,
      indicators,
      plan: stored,
      templates: new Map(templates.map((t) => [t.id, t])),
      now,
      sample,
      all: values.all ?? false,
      record: async (report, snapshot, isHome) => {
        // The home page is recorded last, with the site's results.
        if (isHome) home = { report, snapshot };
        else await recordPageReport(db, audit.id, report, snapshotMeta(snapshot), audit.inspector, now);
      },
    });
    const notes: string[] = [];
    const crawl = new SiteCrawl(
      {
        start,
        fetcher,
        parseHtml: parseHtmlNode,
        userAgent: values['user-agent'] ?? DEFAULT_USER_AGENT,
        maxPages,
        maxDepth,
        maxTimeMs: maxTime,
        concurrency,
        delayMs,
        external: values.external ?? false,
      },
      {
        page: async (page) => {
          await patrol.page(page);
          if (
            log &&
            !log.write(`${JSON.stringify({ url: page.url, depth: page.depth, via: page.via, status: page.status })}\n`)
          )
            await new Promise<void>((resolve) => log!.once('drain', () => resolve()));
        },
        found: (url, on) => patrol.links.found(url, on),
        checked: (outcome) => patrol.links.checked(outcome),
        note: (text) => notes.push(text),
      },
    );
    const result = await crawl.run().catch((error: unknown) => {
      if (error instanceof CrawlStartError) throw new CliInputError(error.message);
      throw error;
    });
    const outcome = patrol.finish();
    const dead = patrol.links.dead();
    const suspected = patrol.links.suspected();
    const summary = patrolSummary(
      indicators,
      result,
      outcome,
      { dead, suspected, external: patrol.links.external() },
      notes,
    );
    const site = siteResults(indicators, outcome.vetoes, dead, suspected, outcome.columns);
    const homePage = home as { report: PageReport; snapshot: PageSnapshot } | null;
    if (homePage)
      await recordPageReport(
        db,
        audit.id,
        { ...homePage.report, results: [...homePage.report.results, ...site] },
        snapshotMeta(homePage.snapshot),
        audit.inspector,
        now,
      );
    await saveSiteRecord(
      db,
      siteRecordOf(summary, outcome.tasks, {
        auditId: audit.id,
        origin,
        inspector: audit.inspector,
        patrolledAt: io.now,
        judgedAt: now,
      }),
    );
    const data = await loadAuditData(db, audit.id);
    const bytes = /\.zip$/i.test(values.output)
      ? await auditZip(data, { exportedAt: now })
      : new TextEncoder().encode(auditFileJson(toAuditFile(data, { exportedAt: now })) + '\n');
    await writeFile(values.output, bytes);
    if (values.json) io.out(JSON.stringify(summary, null, 2));
    else printSummary(io.out, summary, data.pages.length, values.output);
    return 0;
  } finally {
    if (log) await new Promise<void>((resolve) => log!.end(() => resolve()));
    db.close();
    await db.delete();
  }
}

function printSummary(out: (t: string) => void, s: PatrolSummary, recorded: number, file: string): void {
  out(`${s.indicators.ref}（${s.indicators.version}）`);
  out(
    `${s.start}: ${s.pages} 页（${s.ended}），跳过 robots ${s.skipped.robots} / 站外 ${s.skipped.offsite} / 超限 ${s.skipped.limit}`,
  );
  const by = new Map<string, number>();
  for (const c of s.columns) by.set(c.status, (by.get(c.status) ?? 0) + 1);
  out(`栏目 ${s.columns.length}：${[...by].map(([k, n]) => `${k} ${n}`).join('，')}`);
  for (const c of s.columns.filter((c) => c.status !== 'fresh'))
    out(`  [${c.status}] ${c.path.join(' > ')} ${c.latest ?? ''} ${c.url}${c.ruleIsDefault ? `（${c.rule}）` : ''}`);
  out(`死链 ${s.deadLinks.length}，疑似 ${s.suspectedLinks.length}，站外链接 ${s.externalLinks.length}`);
  for (const d of s.deadLinks) out(`  ${d.status} ${d.url} ← ${d.foundOn.join(' ')}`);
  for (const v of s.vetoes)
    out(`单项否决 ${v.id}: ${v.triggered ? '触发' : v.decided ? '未触发' : '无法判定'}（${v.threshold}）`);
  const missing = s.tasks.filter((t) => t.status !== 'covered').length;
  out(`方案任务 ${s.tasks.length}：无栏目或栏目空白 ${missing}`);
  out(`${recorded} 页记入审计 → ${file}`);
}
