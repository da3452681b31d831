/**
 * `gongkai audit <files or URLs…> [--list urls.txt] [--plan <id|file>] [--now YYYY-MM-DD] [--site <url>] [--name <name>]
 *  [--inspector <name>] -o audit.json|audit.zip` — checks every page with the engine and writes an audit file (the
 * extension's export format, lib/export/AUDIT-FILE.md), so a central office can audit in batch and open the result in
 * the extension (导入).
 *
 * Decides: the audit is built in an in-memory IndexedDB (fake-indexeddb) through the real recording path
 * (createAudit, recordPageReport — the same records, ids and counts as the extension), then read with loadAuditData
 * and written with toAuditFile; `-o` ending in .zip writes the zip (no screenshots from the command line). The site
 * is `--site`, else the first http(s) page's origin, else the first page's SiteDomain meta tag. A local file is
 * recorded at its place on the site — its path under the folder given (a single file: under the current folder),
 * resolved against the site — never as a file:// path of this machine. A page that cannot be loaded, or an output
 * that cannot be written, stops the run with exit 2 and one line. A plan given as a file is saved in full.
 */
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { inspectPage } from '../engine/inspect-page';
import { recordPageReport, snapshotMeta } from '../storage/findings';
import { siteOrigin } from '../storage/ids';
import { templates } from '../../seeds/index';
import { withCliAudit, writeAuditFile } from './cli-audit';
import { readLineList } from './site-list';
import { CliInputError, loadPage, type LoadedPage } from './load-page';
import { resolvePlan } from './resolve-plan';
import { checkOutputFolder } from './write-output';
import { OUTPUT, valued } from './command-args';

export interface AuditCommandIo {
  out: (text: string) => void;
  fetcher?: typeof fetch;
  now: Date;
  parseNow: (value: string) => Date;
  parseTimeout: (value: string | undefined) => number;
  expandSources: (inputs: string[]) => Promise<string[]>;
}

export async function auditCommand(args: string[], io: AuditCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...valued('list', 'plan', 'now', 'site', 'name', 'inspector', 'timeout'), ...OUTPUT },
  });
  const output = values.output;
  if (!output) throw new CliInputError('audit needs -o <audit.json|audit.zip>');
  const listed = values.list ? await readLineList(values.list) : [];
  if (positionals.length === 0 && listed.length === 0)
    throw new CliInputError('audit needs HTML files, directories, URLs or --list <file>');
  const plan = await resolvePlan(values.plan);
  const now = values.now !== undefined ? io.parseNow(values.now) : io.now;
  const timeoutSeconds = io.parseTimeout(values.timeout);
  await checkOutputFolder(output);
  const sources = await sourcesWithRoots([...positionals, ...listed], io.expandSources);
  const load = (source: string, fileUrl?: (path: string) => string) =>
    loadPage(source, {
      ...(io.fetcher ? { fetcher: io.fetcher } : {}),
      timeoutSeconds,
      ...(fileUrl ? { fileUrl } : {}),
    });
  const first = sources[0]?.source;
  const site =
    values.site ??
    sources.find((s) => /^https?:\/\//i.test(s.source))?.source ??
    (first ? (await load(first)).snapshot.metaTags.SiteDomain : undefined) ??
    '';
  const origin = siteOrigin(site);
  if (!origin)
    throw new CliInputError(
      values.site
        ? `--site is not a web address: ${values.site}`
        : 'audit of local files needs --site <http://…> (the audited site)',
    );
  const base = siteBase(values.site, origin);
  const pages: LoadedPage[] = [];
  for (const { source, root } of sources) pages.push(await load(source, (path) => placeOnSite(path, root, base)));

  const name = values.name ?? `${new URL(origin).host} ${now.toISOString().slice(0, 10)}`;
  const start = { name, origin, plan, planSource: values.plan, inspector: values.inspector, now };
  const data = await withCliAudit(start, async (run) => {
    const templateMap = new Map(templates.map((t) => [t.id, t]));
    for (const page of pages) {
      const report = inspectPage(page.snapshot, { plan: run.plan, templates: templateMap, now });
      await recordPageReport(run.db, run.audit.id, report, snapshotMeta(page.snapshot), run.audit.inspector, now);
    }
    return writeAuditFile(run, output, now);
  });
  const problems = data.findings.filter((f) => f.status === 'fail').length;
  io.out(`${data.pages.length} pages, ${data.findings.length} findings (${problems} fail) → ${output}`);
  return 0;
}

/** Each source with the folder its site path is measured from: the folder given, or the current folder. */
async function sourcesWithRoots(
  inputs: string[],
  expandSources: (inputs: string[]) => Promise<string[]>,
): Promise<Array<{ source: string; root: string }>> {
  const out: Array<{ source: string; root: string }> = [];
  for (const input of inputs) {
    const isFolder =
      !/^https?:\/\//i.test(input) &&
      (await stat(input).then(
        (info) => info.isDirectory(),
        () => false,
      ));
    const root = isFolder ? resolve(input) : process.cwd();
    for (const source of await expandSources([input])) out.push({ source, root });
  }
  return out;
}

/** The site address local files are placed under: `--site` as given (as a folder), else the site's root. */
function siteBase(site: string | undefined, origin: string): URL {
  const given = site && /^https?:\/\//i.test(site.trim()) ? new URL(site.trim()) : new URL(origin);
  if (!given.pathname.endsWith('/')) given.pathname += '/';
  given.search = '';
  given.hash = '';
  return given;
}

/** A local file's address on the site: its path below `root`, each segment URL-encoded, resolved against `base`. */
function placeOnSite(path: string, root: string, base: URL): string {
  const segments = relative(root, path)
    .split(sep)
    .filter((s) => s && s !== '..' && s !== '.');
  return new URL(segments.map(encodeURIComponent).join('/'), base).href;
}
