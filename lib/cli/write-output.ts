/**
 * Writes a command's output file (`-o`, `--output`). A failure — a folder that does not exist, no permission, a
 * folder in the way, a full disk — is a `CliInputError` naming the path and the cause in one line (exit 2). The folder
 * is checked before the work starts (`checkOutputFolder`), so a typo does not cost a long audit.
 */
import { stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliInputError } from './cli-input-error';

const CAUSES: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EDQUOT: 'disk quota exceeded',
};

export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const cause = typeof code === 'string' ? (CAUSES[code] ?? code) : String(error);
    throw new CliInputError(`cannot write ${path}: ${cause}`);
  }
}

/** Fails now, before any page is loaded, when the output's folder does not exist. */
export async function checkOutputFolder(path: string): Promise<void> {
  const folder = await stat(dirname(resolve(path))).catch(() => null);
  if (!folder) throw new CliInputError(`cannot write ${path}: ${CAUSES.ENOENT}`);
  if (!folder.isDirectory()) throw new CliInputError(`cannot write ${path}: ${CAUSES.ENOTDIR}`);
}
