/**
 * The hand-mapping step of plan import: each column of the source table, its header as printed, and what it was
 * taken as (a select the keyboard reaches in order). Changing a role asks the caller to read the plan again with it.
 * Shows nothing for plans that were not read from a table (numbered paragraphs, the seed's flattened form).
 */
import { t } from '@/lib/i18n';
import { COLUMN_ROLES, type ColumnRole } from '@/lib/plan/header-roles';
import type { ColumnInfo } from '@/lib/plan/read-grid';
import { TableHead } from '../TableHead';

export function ColumnMapping({
  columns,
  onRemap,
}: {
  columns: readonly ColumnInfo[];
  onRemap: (index: number, role: ColumnRole) => void;
}) {
  if (columns.length === 0) return null;
  return (
    <section aria-labelledby="columns-h" data-field="column-mapping">
      <h4 id="columns-h">{t('reviewColumnsTitle')}</h4>
      <p class="hint">{t('reviewColumnsHint')}</p>
      <table class="mapping">
        <TableHead keys={['reviewColumnNo', 'reviewColumnHeader', 'reviewColumnRole']} />
        <tbody>
          {columns.map((c) => (
            <tr key={c.index} data-column={c.index + 1} data-role={c.role ?? ''} data-used={String(c.used)}>
              <td>{c.index + 1}</td>
              <td>{c.header || '—'}</td>
              <td>
                <select
                  aria-label={`${t('reviewColumnRole')} ${c.index + 1} ${c.header}`}
                  value={c.role ?? ''}
                  onChange={(e) => onRemap(c.index, (e.currentTarget as HTMLSelectElement).value as ColumnRole)}
                >
                  {c.role === null && <option value="">{t('role_none')}</option>}
                  {COLUMN_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`role_${role}`)}
                    </option>
                  ))}
                </select>{' '}
                {!c.used && <span class="hint">{t('reviewColumnUnused')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
