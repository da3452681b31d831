/**
 * `gongkai` — the engine on the command line, for batch work and CI gates. Same code as the extension.
 *   gongkai match "<column name or breadcrumb>" [--plan <id|file>] [--json] [--lang zh|en]
 *   gongkai check <file.html | http(s) URL>… [--plan <id|file>] [--template <id>]… [--now YYYY-MM-DD] [--json] [--lang zh|en]
 * Exit 0 when it ran; 2 with a one-line message on bad input (missing file, not HTML, unknown plan or template).
 */
import { parseArgs } from 'node:util';
import { detectColumn } from '../engine/column';
import { inspectPage } from '../engine/inspect-page';
import { matchTasks } from '../engine/match-tasks';
import { formatIn, type Language } from '../i18n-catalog';
import { normalizeLabel } from '../text/normalize';
import { templates } from '../../seeds/index';
import { CliInputError, loadPage } from './load-page';
import { checkJson, matchJson } from './report-json';
import { resolvePlan } from './resolve-plan';
import { printCheck, printMatch } from './print-human';

const USAGE = `用法 Usage:
  gongkai match "<栏目名或当前位置>" [--plan <id|文件>] [--json] [--lang zh|en]
  gongkai check <file.html | URL>… [--plan <id|文件>] [--template <id>]… [--now YYYY-MM-DD] [--json] [--lang zh|en]`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  fetcher?: typeof fetch;
  /** The clock, for tests; --now overrides it. */
  now?: () => Date;
}

const BREADCRUMB_SEPARATOR = /\s*(?:>>|->|→|»|›|＞|>|\/)\s*/;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'match') return await match(rest, io);
    if (command === 'check') return await check(rest, io);
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
      io.err(`gongkai: ${error.message.split('\n')[0]}`);
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

async function match(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { plan: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } } });
  const query = positionals.join(' ').trim();
  if (!query) throw new CliInputError('match needs a column name or a breadcrumb');
  const lang = language(values.lang);
  const plan = await resolvePlan(values.plan);
  // A breadcrumb: the deepest meaningful segment is the column, as on a page.
  const segments = query.split(BREADCRUMB_SEPARATOR).filter(Boolean);
  const column = detectColumn({ url: 'about:blank', title: '', heading: null, metaTags: {}, breadcrumb: segments.length > 1 ? { segments, source: 'separator', text: query } : null } as Parameters<typeof detectColumn>[0]).name ?? query;
  const matches = matchTasks(plan, column);
  if (values.json) io.out(JSON.stringify({ query, normalized: normalizeLabel(column), matches: matchJson(matches, lang) }, null, 2));
  else printMatch(io.out, plan, query, column, matches, lang);
  return 0;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { plan: { type: 'string' }, template: { type: 'string', multiple: true }, now: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } },
  });
  if (positionals.length === 0) throw new CliInputError('check needs an HTML file or a URL');
  const lang = language(values.lang);
  const plan = await resolvePlan(values.plan);
  const templateMap = new Map(templates.map((t) => [t.id, t]));
  for (const id of values.template ?? []) if (!templateMap.has(id)) throw new CliInputError(`unknown template: ${id} (known: ${[...templateMap.keys()].join(', ')})`);
  const now = values.now ? parseNow(values.now) : (io.now ?? (() => new Date()))();
  const reports = [];
  for (const source of positionals) {
    const page = await loadPage(source, io.fetcher);
    const report = inspectPage(page.snapshot, { plan, templates: templateMap, now, pickedTemplateIds: values.template ?? [] });
    reports.push(checkJson(source, report, lang));
    if (!values.json) printCheck(io.out, plan, source, page.snapshot.charset, report, lang);
  }
  if (values.json) io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  return 0;
}

function parseNow(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 4)) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new CliInputError(`--now must be a date YYYY-MM-DD, not ${value}`);
  return date;
}

export { formatIn };
