/** The column the page belongs to, how it was recognised, and the page kind. */
import type { PageKind } from '@/lib/checks/types';
import type { ColumnInfo } from '@/lib/engine/column';
import { currentLanguage, t, type MessageKey } from '@/lib/i18n';
import { columnNameIn } from '@/lib/policy-names';

export function ColumnView({ column, pageKind }: { column: ColumnInfo; pageKind: PageKind }) {
  return (
    <section aria-labelledby="column-h" class="column">
      <h2 id="column-h">{t('sectionColumn')}</h2>
      <p class="column-name" data-field="column" data-source={column.source}>
        {columnNameIn(column, currentLanguage()) ?? (pageKind === 'home' ? t('columnHome') : t('columnUnknown'))}
      </p>
      <p class="hint" data-field="column-source">
        {t(`columnSource_${column.source}` as MessageKey)} · {t('fieldPageKind')}
        {t('sepLabel')}
        <span data-field="page-kind" data-kind={pageKind}>
          {t(`pageKind_${pageKind}` as MessageKey)}
        </span>
      </p>
    </section>
  );
}
