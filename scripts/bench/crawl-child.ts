/**
 * One side of the crawl benchmark, in its own process so its peak memory is its own:
 *   crawl <origin> <out-dir> <concurrency>   `gongkai crawl` (the whole product: crawl, patrol, audit file)
 *   floor <urls-file> <concurrency>          fetch the same pages at the same concurrency and parse each once (with
 *                                            the product's parser, lib/html/parse-html.ts)
 * Prints one JSON line: {"ms", "maxRssMb", "pages"}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlDocument } from '../../lib/html/parse-html';
import { runCli } from '../../lib/cli/main';

const [mode, a, b, c] = process.argv.slice(2);

async function floor(urls: string[], concurrency: number): Promise<number> {
  let next = 0;
  let parsed = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await fetch(url);
      const text = await response.text();
      if (/html/.test(response.headers.get('content-type') ?? '')) {
        parseHtmlDocument(text);
        parsed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return parsed;
}

const t0 = performance.now();
let pages = 0;
if (mode === 'crawl') {
  const out: string[] = [];
  const code = await runCli(
    [
      'crawl',
      `${a}/`,
      '--delay',
      '0',
      '--concurrency',
      c!,
      '--json',
      '--log',
      join(b!, 'pages.jsonl'),
      '-o',
      join(b!, 'audit.json'),
    ],
    { out: (t) => out.push(t), err: (t) => process.stderr.write(`${t}\n`) },
  );
  if (code !== 0) process.exit(code);
  pages = JSON.parse(out.join('\n')).pages;
} else {
  const urls = readFileSync(a!, 'utf8').split('\n').filter(Boolean);
  pages = await floor(urls, Number(b));
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, pages }));
