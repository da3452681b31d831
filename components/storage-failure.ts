/** A failed write, in the user's words: a full disk, a blocked database, or the error itself — and that nothing saved is lost. */
import { t } from '@/lib/i18n';
import { StorageError } from '@/lib/storage/storage-error';

export function describeStorageFailure(error: unknown): string {
  if (error instanceof StorageError && error.reason === 'quota') return t('storageQuota');
  return t('storageFailed', error instanceof Error ? error.message : String(error));
}
