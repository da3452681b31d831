/**
 * Follow-up of a finding: its severity and its rectification (整改状态 and 整改期限), as the exports' 整改 columns carry
 * them. Saved with the revision shown, like verdicts.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { Finding, Rectification, Severity } from '@/lib/storage/types';

const SEVERITIES: Severity[] = ['high', 'medium', 'low'];
const STATES: Rectification['status'][] = ['open', 'fixing', 'fixed'];

export function FollowUpControls({
  finding,
  onPatch,
}: {
  finding: Finding;
  onPatch: (patch: { severity?: Severity | null; rectification?: Rectification | null }) => void;
}) {
  const rect = finding.rectification;
  return (
    <div class="row small follow-up" data-field="follow-up">
      <label>
        {t('severityLabel')}{' '}
        <select
          value={finding.severity ?? ''}
          data-field="severity"
          onChange={(e) =>
            onPatch({ severity: ((e.currentTarget as HTMLSelectElement).value || null) as Severity | null })
          }
        >
          <option value="">—</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity_${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rectifyLabel')}{' '}
        <select
          value={rect?.status ?? ''}
          data-field="rectify"
          onChange={(e) => {
            const status = (e.currentTarget as HTMLSelectElement).value as Rectification['status'] | '';
            onPatch({ rectification: status ? { status, due: rect?.due ?? null } : null });
          }}
        >
          <option value="">—</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`exportRect_${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {rect && (
        <label>
          {t('rectifyDue')}{' '}
          <input
            type="date"
            value={rect.due ?? ''}
            onChange={(e) =>
              onPatch({
                rectification: { status: rect.status, due: (e.currentTarget as HTMLInputElement).value || null },
              })
            }
          />
        </label>
      )}
    </div>
  );
}
