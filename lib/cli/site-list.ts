/**
 * A list file of the command line (`--list`, `match --file`): one entry a line; blank lines and lines starting with #
 * are skipped; UTF-8 (a leading BOM dropped) or GB18030, told apart by the bytes. And the stable rule `--shard i/n` splits a list of sites by: the k-th site of the list
 * (counting from 0, comments and blank lines not counted) belongs to shard (k mod n) + 1, so n machines given the same
 * list and i = 1…n take every site exactly once without talking to each other, and a site keeps its shard as long as
 * the lines above it do not change. Decides the list's syntax and the shard rule; nothing about crawling.
 */
import { decodeBytes } from '../text/decode-bytes';
import { CliInputError } from './cli-input-error';
import { readLocalFile } from './read-local-file';

/** A list longer than this is not a list of sites or names. */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

/** The entries of a list file (see the header). */
export async function readLineList(path: string): Promise<string[]> {
  return decodeBytes(await readLocalFile(path, MAX_LIST_BYTES))
    .text.split(/\r?\n/)
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
