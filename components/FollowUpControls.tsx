/**
 * Follow-up of a finding: its severity and its rectification (整改状态 and 整改期限), as the exports' 整改 columns carry
 * them. Saved with the revision shown, like verdicts.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { Finding, Rectification, Severity } from '@/lib/storage/types';
import { OptionalSelect } from './OptionalSelect';

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
      <OptionalSelect
        label={t('severityLabel')}
        field="severity"
        value={finding.severity ?? ''}
        options={SEVERITIES.map((s) => [s, t(`severity_${s}` as MessageKey)] as const)}
        onChange={(severity) => onPatch({ severity: severity || null })}
      />
      <OptionalSelect
        label={t('rectifyLabel')}
        field="rectify"
        value={rect?.status ?? ''}
        options={STATES.map((s) => [s, t(`exportRect_${s}` as MessageKey)] as const)}
        onChange={(status) => onPatch({ rectification: status ? { status, due: rect?.due ?? null } : null })}
      />
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
