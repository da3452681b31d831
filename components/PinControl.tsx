/** "This column is actually task …": pins the site's column to a plan task when the matcher is wrong (remembered per site). */
import type { Plan } from '@/lib/plan/model';
import { t } from '@/lib/i18n';

export function PinControl({
  plan,
  column,
  pinned,
  onPin,
}: {
  plan: Plan;
  column: string;
  pinned: string[] | undefined;
  onPin: (taskId: string | null) => void;
}) {
  return (
    <label class="small pin" data-field="pin" data-pinned={pinned?.join(',') ?? ''}>
      {t('pinLabel', column)}{' '}
      <select value={pinned?.[0] ?? ''} onChange={(e) => onPin((e.currentTarget as HTMLSelectElement).value || null)}>
        <option value="">{t('pinNone')}</option>
        {plan.tasks.map((task) => (
          <option key={task.id} value={task.id}>
            {task.no}. {task.title.slice(0, 28)}
          </option>
        ))}
      </select>
    </label>
  );
}
