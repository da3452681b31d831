/**
 * Writes a command's output file (`-o`, `--output`). A failure — a folder that does not exist, no permission, a
 * folder in the way, a full disk — is a `CliInputError` naming the path and the cause in one line (exit 2).
 */
import { writeFile } from 'node:fs/promises';
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
