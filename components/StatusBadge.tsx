/** A check status as a coloured word (never colour alone). */
import type { CheckStatus, ElementStatus } from '@/lib/checks/types';
import { t, type MessageKey } from '@/lib/i18n';

export function StatusBadge({ status }: { status: CheckStatus }) {
  return (
    <span class={`badge badge-${status}`} data-status={status}>
      {t(`status_${status.replace(/-/g, '_')}` as MessageKey)}
    </span>
  );
}

export function ElementBadge({ status }: { status: ElementStatus }) {
  return (
    <span class={`el-badge el-${status}`} data-element-status={status}>
      {t(`element_${status}` as MessageKey)}
    </span>
  );
}
