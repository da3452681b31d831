/** The header row of a table: one column header per message key, in order. */
import { t, type MessageKey } from '@/lib/i18n';

export function TableHead({ keys }: { keys: readonly MessageKey[] }) {
  return (
    <thead>
      <tr>
        {keys.map((key) => (
          <th key={key} scope="col">
            {t(key)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
