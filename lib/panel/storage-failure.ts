/**
 * A failed or refused write, in the user's words: a full disk, a blocked database, a refused request (an audit with no
 * name, an archived audit …) — and, for failures, that nothing saved before is lost.
 */
import { t, tm } from '../i18n';
import { InvalidRequest } from '../storage/invalid-request';
import { StorageError } from '../storage/storage-error';

export function describeStorageFailure(error: unknown): string {
  if (error instanceof InvalidRequest) return tm(error.userMessage);
  if (error instanceof StorageError && error.reason === 'quota') return t('storageQuota');
  if (error instanceof StorageError && error.reason === 'blocked') return t('storageBlocked');
  return t('storageFailed', error instanceof Error ? error.message : String(error));
}
