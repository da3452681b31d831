/**
 * `gongkai` — the engine on the command line, for batch work and CI gates. Same code as the extension.
 *   gongkai match "<column name or breadcrumb>" | --file names.txt [--plan <id|file>] [--json] [--lang zh|en]
 *   gongkai check <file.html | dir | http(s) URL>… [--plan <id|file>] [--template <id>]… [--now YYYY-MM-DD]
 *                 [--timeout <seconds>] [--fail-on missing|empty|privacy|any]… [--format text|json|junit] [--output <file>] [--json] [--lang zh|en]
 *   gongkai audit <file.html | dir | URL>… [--list urls.txt] [--plan <id|file>] [--now YYYY-MM-DD] [--site <url>]
 *                 [--name <name>] [--inspector <name>] -o audit.json|audit.zip        (audit-command.ts)
 *   gongkai crawl <start-url> [--max-pages N] [--depth N] … -o audit.json|audit.zip   (crawl-command.ts)
 *   gongkai crawl --list sites.txt [--shard i/n] … -o folder/   (crawl-list.ts; exit 1 when any site failed)
 *   gongkai export <audit.json|audit.zip> --format json|zip|csv|xlsx [--lang zh|en] -o <file>   (export-command.ts)
 *   gongkai plan <file.html|.txt|.docx | URL> [--json] [--column <n>=<role>]… [--lang zh|en]          (plan-command.ts)
 * Exit 0 when it ran (and no page failed the gate); 1 when a page failed `--fail-on`; 2 with a one-line message on bad
 * input (missing file, not HTML, unknown plan, template or gate; a corrupt, foreign or newer audit file; unknown format).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '../i18n-catalog';
import { templates } from '../../seeds/index';
import { DEFAULT_TIMEOUT_SECONDS } from './fetch-url';
import { CliInputError, loadPage } from './load-page';
import { checkOutputFolder, writeOutput } from './write-output';
import { resolvePlan } from './resolve-plan';
import { failsGate, GATES, junitReport, summaryTable, type Gate, type GatedPage } from './gate';
import type { SelfCheckVerdict } from '../selfcheck/verdict';
import { flags, repeated, valued } from './command-args';

const USAGES: Record<string, string> = {
  match: `  gongkai match "<栏目名或当前位置>" | --file 栏目名.txt [--plan <id|文件>] [--json] [--lang zh|en]`,
  check: `  gongkai check <file.html | 目录 | URL>… [--plan <id|文件>] [--template <id>]… [--now YYYY-MM-DD]
                [--timeout <秒 seconds, ${DEFAULT_TIMEOUT_SECONDS}>] [--fail-on missing|empty|privacy|any]…
                [--format text|json|junit] [--output <文件>] [--json] [--lang zh|en]`,
  audit: `  gongkai audit <file.html | 目录 | URL>… [--list urls.txt] [--plan <id|文件>] [--now YYYY-MM-DD] [--site <网址>]
                [--timeout <秒 seconds, ${DEFAULT_TIMEOUT_SECONDS}>] [--name <名称>] [--inspector <检查人>]
                -o audit.json|audit.zip`,
  crawl: `  gongkai crawl <起始网址> [--max-pages N] [--depth N] [--max-time 秒] [--concurrency N] [--delay 毫秒] [--now YYYY-MM-DD]
                [--plan <id|文件>] [--indicators <文件>] [--sample N] [--all] [--external] [--log pages.jsonl] [--json] [--lang zh|en]
                -o audit.json|audit.zip
  gongkai crawl --list <网站清单.txt> [--shard i/n] [同上选项] -o <文件夹>/`,
  export: `  gongkai export <audit.json|audit.zip> --format json|zip|csv|xlsx|html [--lang zh|en] -o <文件>`,
  plan: `  gongkai plan <方案文件 .html|.txt|.docx | URL> [--json] [--column <列号>=<角色>]… [--lang zh|en]`,
};
const USAGE = `用法 Usage:\n${Object.values(USAGES).join('\n')}`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  fetcher?: typeof fetch;
  /** The clock, for tests; --now overrides it. */
  now?: () => Date;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command && USAGES[command] && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(`用法 Usage:\n${USAGES[command]}`);
      return 0;
    }
    if (command === 'match')
      return await (await import('./match-command')).matchCommand(rest, { out: io.out, language });
    if (command === 'check') return await check(rest, io);
    // Loaded on demand: `audit` brings an in-memory IndexedDB, `export` the spreadsheet writer.
    if (command === 'audit')
      return await (await import('./audit-command')).auditCommand(rest, {
        out: io.out,
        ...(io.fetcher ? { fetcher: io.fetcher } : {}),
        now: (io.now ?? (() => new Date()))(),
        parseNow,
        parseTimeout,
        expandSources,
      });
    if (command === 'crawl')
      return await (await import('./crawl-command')).crawlCommand(rest, {
        out: io.out,
        err: io.err,
        ...(io.fetcher ? { fetcher: io.fetcher } : {}),
        now: (io.now ?? (() => new Date()))(),
        parseNow,
        language,
      });
    if (command === 'export')
      return await (await import('./export-command')).exportCommand(rest, { out: io.out, language });
    if (command === 'plan')
      return await (await import('./plan-command')).planCommand(rest, {
        out: io.out,
        language,
        ...(io.fetcher ? { fetcher: io.fetcher } : {}),
      });
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new CliInputError(`unknown command: ${command}`);
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`gongkai: ${error.message}`);
      return 2;
    }
    if (error instanceof TypeError && /Unknown option|unexpected argument|argument missing/i.test(error.message)) {
      const usage = command && USAGES[command] ? ` — gongkai ${command} --help` : '';
      // Node's message goes on to explain `--`; its first sentence is the news.
      io.err(`gongkai: ${error.message.split('\n')[0]!.split(/\.\s/)[0]}${usage}`);
      return 2;
    }
    throw error;
  }
}

function language(value: string | undefined): Language {
  if (value === undefined || value === 'zh' || value === 'zh_CN' || value === 'zh-CN') return 'zh_CN';
  if (value === 'en') return 'en';
  throw new CliInputError(`unknown language: ${value} (zh or en)`);
}

async function check(args: string[], io: CliIo): Promise<number> {
  const started = Date.now();
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...valued('plan', 'now', 'lang', 'format', 'output', 'timeout'),
      ...repeated('template', 'fail-on'),
      ...flags('json'),
    },
  });
  if (positionals.length === 0) throw new CliInputError('check needs an HTML file, a directory or a URL');
  const lang = language(values.lang);
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!['text', 'json', 'junit'].includes(format))
    throw new CliInputError(`unknown format: ${format} (text, json or junit)`);
  const gates = (values['fail-on'] ?? []).flatMap((g) => g.split(','));
  for (const g of gates)
    if (!(GATES as readonly string[]).includes(g))
      throw new CliInputError(`unknown --fail-on: ${g} (${GATES.join(', ')})`);
  const plan = await resolvePlan(values.plan);
  const templateMap = new Map(templates.map((t) => [t.id, t]));
  for (const id of values.template ?? [])
    if (!templateMap.has(id))
      throw new CliInputError(`unknown template: ${id} (known: ${[...templateMap.keys()].join(', ')})`);
  const now = values.now !== undefined ? parseNow(values.now) : (io.now ?? (() => new Date()))();
  const timeoutSeconds = parseTimeout(values.timeout);
  if (values.output) await checkOutputFolder(values.output);
  const sources = await expandSources(positionals);
  let engine: CheckEngine | null = null;
  const reports = [];
  const gated: GatedPage[] = [];
  const out: string[] = [];
  const print = (line: string) => out.push(line);
  for (const source of sources) {
    const page = await loadPage(source, { ...(io.fetcher ? { fetcher: io.fetcher } : {}), timeoutSeconds });
    engine ??= await loadCheckEngine();
    const { inspectPage, selfCheckVerdict, checkJson, printCheck, formatIn } = engine;
    const report = inspectPage(page.snapshot, {
      plan,
      templates: templateMap,
      now,
      pickedTemplateIds: values.template ?? [],
    });
    const verdict = selfCheckVerdict(report, templateMap);
    gated.push({ source, title: report.title, verdict });
    reports.push({
      ...checkJson(source, report, lang),
      decoding: page.decoding,
      ...(page.redirects.length ? { redirects: page.redirects } : {}),
      selfCheck: selfCheckJson(verdict, lang, formatIn),
    });
    if (format === 'text') printCheck(print, plan, source, page.decoding, report, lang);
  }
  const { formatIn } = engine ?? (await loadCheckEngine());
  const fmt = (m: { key: string; args: string[] }) => formatIn(lang, m);
  let text: string;
  if (format === 'json')
    text = JSON.stringify(
      reports.length === 1 && positionals.length === 1 && sources[0] === positionals[0] ? reports[0] : reports,
      null,
      2,
    );
  else if (format === 'junit')
    text = junitReport(gated, gates.length ? (gates as Gate[]) : ['any'], fmt, (Date.now() - started) / 1000);
  else {
    if (sources.length > 1 || gates.length > 0)
      print(summaryTable(gated, gates as Gate[], (key) => fmt({ key, args: [] })));
    text = out.join('\n');
  }
  if (values.output) await writeOutput(values.output, text.endsWith('\n') ? text : `${text}\n`);
  else io.out(text);
  return gated.some((p) => gates.length > 0 && failsGate(p.verdict, gates as Gate[])) ? 1 : 0;
}

/** Files and URLs as given; a directory stands for the .html/.htm files under it, in name order. */
async function expandSources(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      out.push(input);
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const files = (await readdir(input, { recursive: true })).filter((f) => /\.html?$/i.test(f)).sort();
      if (files.length === 0) throw new CliInputError(`no .html files in ${input}`);
      for (const f of files) out.push(join(input, f));
    } else out.push(input);
  }
  return out;
}

/**
 * What `check` runs on a loaded page — the engine, the self-check, the catalogues and the output formats — loaded once
 * the first page is in: a URL's body (up to 50 MB) is streamed before them, so the process never holds both.
 */
async function loadCheckEngine() {
  const [{ inspectPage }, { selfCheckVerdict }, { checkJson }, { printCheck }, { formatIn }] = await Promise.all([
    import('../engine/inspect-page'),
    import('../selfcheck/verdict'),
    import('./report-json'),
    import('./print-human'),
    import('../i18n-catalog'),
  ]);
  return { inspectPage, selfCheckVerdict, checkJson, printCheck, formatIn };
}
type CheckEngine = Awaited<ReturnType<typeof loadCheckEngine>>;

function selfCheckJson(verdict: SelfCheckVerdict, lang: Language, formatIn: CheckEngine['formatIn']) {
  return {
    publishable: verdict.publishable,
    items: verdict.items.map((i) => ({
      kind: i.kind,
      name: i.name,
      source: i.source,
      problem: formatIn(lang, i.problem),
      fix: typeof i.fix === 'string' ? i.fix : formatIn(lang, i.fix),
      ...(i.evidence ? { evidence: i.evidence } : {}),
    })),
  };
}

/** `--timeout` in seconds (decimals allowed); the default when not given. */
function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (!value.trim() || !Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400)
    throw new CliInputError(`--timeout must be a number of seconds, above 0 and at most 86400, not "${value}"`);
  return seconds;
}

function parseNow(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 4)) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new CliInputError(`--now must be a date YYYY-MM-DD, not "${value}"`);
  return date;
}
