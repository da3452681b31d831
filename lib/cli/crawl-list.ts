/**
 * `gongkai crawl --list sites.txt [--shard i/n] -o folder/` — many sites, one job each (crawl-site.ts),
 * one after the other: each writes its own audit file into the folder, named by the site's host (and port), and one
 * line is printed per site as it finishes (`--json`: one JSON object per line). A site that fails (unreachable, not
 * HTML, refused by robots.txt, a file that cannot be written) is said on its line and the others go on; the exit code
 * is 1 when any site failed, 0 when all were crawled. Sites run one after the other, so politeness stays per host.
 * Decides the list run; the list syntax and the shard rule are site-list.ts's.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { crawlSite, type CrawlSettings } from './crawl-site';
import { CliInputError } from './load-page';
import { readLineList, shardOf, type Shard } from './site-list';

/** The audit file name of a site: its host, `:` of a port written `_`; a second entry of the same host gets `-2` … */
export function siteFileName(start: string, taken: Set<string>): string {
  let base: string;
  try {
    base = new URL(start).host.replace(/[^A-Za-z0-9.-]/g, '_') || 'site';
  } catch {
    base = start.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 60) || 'site';
  }
  let name = `${base}.json`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.json`;
  taken.add(name);
  return name;
}

async function outputFolder(path: string): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (found && !found.isDirectory())
    throw new CliInputError(`-o ${path} is a file: --list writes one file per site into a folder`);
  if (!found)
    await mkdir(path, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new CliInputError(`cannot create ${path}: ${error.code ?? error.message}`);
    });
}

export async function crawlList(
  listPath: string,
  shard: Shard | null,
  folder: string,
  settings: CrawlSettings,
  io: { out: (text: string) => void; json: boolean },
): Promise<number> {
  const all = await readLineList(listPath);
  if (all.length === 0) throw new CliInputError(`${listPath} lists no site`);
  const sites = shard ? shardOf(all, shard) : all;
  await outputFolder(folder);
  const taken = new Set<string>();
  let failed = 0;
  for (const start of sites) {
    const file = join(folder, siteFileName(start, taken));
    try {
      const { summary, recorded } = await crawlSite(start, settings, file);
      const triggered = summary.vetoes.filter((v) => v.triggered).map((v) => v.id);
      if (io.json)
        io.out(
          JSON.stringify({
            start,
            ok: true,
            file,
            pages: summary.pages,
            recorded,
            ended: summary.ended,
            columns: summary.columns.length,
            deadLinks: summary.deadLinks.length,
            vetoes: triggered,
          }),
        );
      else
        io.out(
          `ok ${start} → ${file}：${summary.pages} 页（${summary.ended}），栏目 ${summary.columns.length}，死链 ${summary.deadLinks.length}，单项否决触发 ${triggered.length}${triggered.length ? `（${triggered.join('、')}）` : ''}`,
        );
    } catch (error) {
      failed++;
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      if (io.json) io.out(JSON.stringify({ start, ok: false, error: message }));
      else io.out(`failed ${start}: ${message}`);
    }
  }
  const chosen = shard ? `shard ${shard.index}/${shard.count}: ${sites.length} of ${all.length}` : `${sites.length}`;
  if (!io.json) io.out(`${chosen} sites, ${sites.length - failed} crawled, ${failed} failed → ${folder}`);
  return failed > 0 ? 1 : 0;
}
