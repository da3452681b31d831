/**
 * A list file of the command line (`--list`): one entry a line; blank lines and lines starting with # are skipped;
 * a leading BOM is dropped. And the stable rule `--shard i/n` splits a list of sites by: the k-th site of the list
 * (counting from 0, comments and blank lines not counted) belongs to shard (k mod n) + 1, so n machines given the same
 * list and i = 1…n take every site exactly once without talking to each other, and a site keeps its shard as long as
 * the lines above it do not change. Decides the list's syntax and the shard rule; nothing about crawling.
 */
import { readFile } from 'node:fs/promises';
import { CliInputError } from './load-page';

/** The entries of a list file (see the header). */
export async function readLineList(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliInputError(`no such file: ${path}`);
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `i/n` with 1 ≤ i ≤ n; throws a one-line CliInputError otherwise. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new CliInputError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 1/4), not ${value}`);
  return { index, count };
}

/** The entries of one shard, in list order (see the header). */
export function shardOf<T>(entries: readonly T[], shard: Shard): T[] {
  return entries.filter((_, k) => k % shard.count === shard.index - 1);
}
