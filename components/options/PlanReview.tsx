/**
 * The review of an imported plan before it is saved: title, region, year, counts, units (each cell as printed beside
 * the names read from it), what each source column was taken as (re-mappable, ColumnMapping), every task with its
 * number as printed, category, lead, responsible units and deadline, and every warning. Page text is rendered as text.
 */
import { t } from '@/lib/i18n';
import type { PlanWarning } from '@/lib/plan/errors';
import type { ColumnRole } from '@/lib/plan/header-roles';
import type { Plan } from '@/lib/plan/model';
import type { ColumnInfo } from '@/lib/plan/read-grid';
import { summarizePlan } from '@/lib/plan/summarize';
import { TableHead } from '../TableHead';
import { ColumnMapping } from './ColumnMapping';

function unitsCell(cell: Plan['tasks'][number]['lead']) {
  if (cell.units.length === 0) return '—';
  const names = cell.units.join('、');
  const printed = cell.published.replace(/\s*\n\s*/g, '；');
  return printed !== '' && printed !== names ? (
    <>
      {names} <span class="hint">（{printed}）</span>
    </>
  ) : (
    names
  );
}

export function PlanReview({
  plan,
  warnings,
  columns,
  originName,
  issueText,
  onRemap,
  onSave,
  onCancel,
}: {
  plan: Plan;
  warnings: readonly PlanWarning[];
  columns: readonly ColumnInfo[];
  originName: string;
  issueText: (w: PlanWarning) => string;
  onRemap: (index: number, role: ColumnRole) => void;
  onSave: (active: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const s = summarizePlan(plan);
  const categoryTitle = new Map(plan.categories.map((c) => [c.id, c.title]));
  return (
    <div class="review" data-field="import-review">
      <h3>{plan.title}</h3>
      {originName && <p class="hint">{originName}</p>}
      <dl class="fields">
        <dt>{t('reviewRegion')}</dt>
        <dd data-field="review-region">{plan.region || '—'}</dd>
        <dt>{t('reviewYear')}</dt>
        <dd data-field="review-year">{plan.year ?? '—'}</dd>
        <dt>{t('reviewTasks')}</dt>
        <dd data-field="review-tasks">{s.tasks}</dd>
        <dt>{t('reviewCategories')}</dt>
        <dd data-field="review-categories">{s.categories}</dd>
        <dt>{t('reviewInherited')}</dt>
        <dd>{s.inherited}</dd>
        <dt>{t('reviewUnits')}</dt>
        <dd data-field="review-units">{s.units.join('、')}</dd>
        <dt>{t('reviewTemplates')}</dt>
        <dd data-field="review-templates">{s.templates.join('、') || '—'}</dd>
      </dl>
      {warnings.length > 0 && (
        <details open data-field="review-warnings">
          <summary>{t('reviewWarnings', String(warnings.length))}</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i} data-code={w.code}>
                {issueText(w)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ColumnMapping columns={columns} onRemap={onRemap} />
      <details data-field="review-task-list">
        <summary>{t('reviewTaskList')}</summary>
        <table class="tasks">
          <TableHead
            keys={[
              'reviewTaskNo',
              'reviewTaskTitle',
              'reviewTaskCategory',
              'reviewTaskLead',
              'reviewTaskResponsible',
              'reviewTaskDeadline',
            ]}
          />
          <tbody>
            {plan.tasks.map((task) => (
              <tr key={task.id} data-task={task.no}>
                <td>{task.no}</td>
                <td>{task.title}</td>
                <td>{categoryTitle.get(task.category) ?? ''}</td>
                <td data-field="task-lead">{unitsCell(task.lead)}</td>
                <td data-field="task-responsible">{unitsCell(task.responsible)}</td>
                <td>{task.deadline ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div class="row">
        <button type="button" class="primary" onClick={() => void onSave(true)}>
          {t('importSaveActive')}
        </button>
        <button type="button" onClick={() => void onSave(false)}>
          {t('importSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}
