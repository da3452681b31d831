/** Every message key the storage layer can hand the UI exists in both catalogues. */
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../lib/i18n-catalog';
import { CHECKLIST_MESSAGE_KEY, NOT_RECHECKED_MESSAGE_KEY } from '../../lib/storage/finding-record';
import { INVALID_REQUEST_KEYS } from '../../lib/storage/invalid-request';
import { STORAGE_MESSAGE_KEYS } from '../../lib/storage/storage-error';

describe('storage messages', () => {
  const keys = [
    ...Object.values(INVALID_REQUEST_KEYS),
    ...Object.values(STORAGE_MESSAGE_KEYS),
    CHECKLIST_MESSAGE_KEY,
    NOT_RECHECKED_MESSAGE_KEY,
  ];
  it.each(keys)('%s is translated', (key) => {
    expect(hasMessage('zh_CN', key)).toBe(true);
    expect(hasMessage('en', key)).toBe(true);
  });
});
