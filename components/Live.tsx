/**
 * Shows a live read (lib/panel/use-live-query.ts) by the one error policy: while it is read, a status line; when it
 * failed, the storage failure in the user's words (an alert) — never an empty list; when ready, `children(value)`.
 */
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import type { Live } from '@/lib/panel/use-live-query';
import { describeStorageFailure } from '@/lib/panel/storage-failure';

export function LiveFailure({ error }: { error: unknown }) {
  return (
    <p class="problem" role="alert" data-field="storage-failure">
      {describeStorageFailure(error)}
    </p>
  );
}

export function Loaded<T>({ live, children }: { live: Live<T>; children: (value: T) => ComponentChildren }) {
  if (live.state === 'failed') return <LiveFailure error={live.error} />;
  if (live.state === 'loading') return <p role="status">{t('viewLoading')}</p>;
  return <>{children(live.value)}</>;
}
