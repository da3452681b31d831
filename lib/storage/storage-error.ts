/**
 * A failed write, said plainly: the disk is full (quota), the database is closed or blocked by another version, or
 * something else. Nothing already saved is lost — Dexie writes in transactions that either complete or leave the
 * database as it was.
 */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly reason: 'quota' | 'blocked' | 'other',
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function asStorageError(error: unknown): StorageError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return new StorageError('quota', detail);
  if (name === 'DatabaseClosedError' || name === 'VersionError' || name === 'BlockedError' || name === 'OpenFailedError') return new StorageError('blocked', detail);
  return new StorageError('other', detail);
}
