/**
 * A failed write, said plainly: the disk is full (quota), the database is closed or blocked by another version, or
 * something else. Nothing already saved is lost — every write here runs in one transaction that either completes or
 * leaves the database as it was.
 *
 * Decides: the three reasons, how a browser or Dexie error maps to one, and the message key the UI shows for each.
 * Does not decide: refusals of bad input (invalid-request.ts), which pass through `guardWrite` unchanged.
 */
import { InvalidRequest } from './invalid-request';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly reason: 'quota' | 'blocked' | 'other',
    readonly detail: string,
  ) {
    super(detail);
  }
}

function errorName(error: unknown): string {
  return (error as { name?: string } | null)?.name ?? '';
}

export function asStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  const inner = (error as { inner?: unknown } | null)?.inner;
  const innerName = errorName(inner);
  const innerInner = errorName((inner as { inner?: unknown } | null)?.inner);
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || innerName === 'QuotaExceededError' || innerInner === 'QuotaExceededError')
    return new StorageError('quota', detail);
  if (
    name === 'DatabaseClosedError' ||
    name === 'VersionError' ||
    name === 'BlockedError' ||
    name === 'OpenFailedError'
  )
    return new StorageError('blocked', detail);
  return new StorageError('other', detail);
}

/** Runs a write; a failure becomes a StorageError (an InvalidRequest stays as it is). */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof InvalidRequest) throw error;
    throw asStorageError(error);
  }
}

/** Message keys for a failed write: `storageQuota` and `storageFailed` exist in public/_locales; `storageBlocked` is
 * proposed (see the storage report). `storageFailed` takes the error's detail as its argument. */
export const STORAGE_MESSAGE_KEYS = {
  quota: 'storageQuota',
  blocked: 'storageBlocked',
  other: 'storageFailed',
} as const;

export function storageMessage(error: StorageError): {
  key: (typeof STORAGE_MESSAGE_KEYS)[StorageError['reason']];
  args: string[];
} {
  const key = STORAGE_MESSAGE_KEYS[error.reason];
  return { key, args: error.reason === 'other' ? [error.detail] : [] };
}
