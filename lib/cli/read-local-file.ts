/**
 * A file named on the command line, read whole up to a size cap; every way it can fail (missing, a folder, too
 * large, unreadable) is one CliInputError line naming the file.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { CliInputError } from './cli-input-error';

export async function readLocalFile(source: string, maxBytes: number): Promise<Uint8Array> {
  const path = resolve(source);
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    throw new CliInputError(`no such file: ${source}`);
  }
  if (!info.isFile()) throw new CliInputError(`not a file: ${source}`);
  if (info.size > maxBytes) throw new CliInputError(`${source} is larger than ${maxBytes / 1024 / 1024} MB`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CliInputError(`cannot read ${source}: ${(error as { code?: string }).code ?? String(error)}`);
  }
}
