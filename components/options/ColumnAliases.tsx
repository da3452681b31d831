/**
 * The county's local column names: a name this county's sites use that the national lexicon does not know, and the
 * kind of column it is. Matching on every site of the county uses them (a pin serves one column of one site).
 */
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { bundledLexicon } from '@/lib/lexicon/lexicon';
import { getColumnAliases } from '@/lib/storage/column-aliases';
import { addAlias, removeAlias } from '@/lib/panel/storage-actions';
import { useLiveQuery } from '@/lib/panel/use-live-query';
import { LiveFailure } from '../Live';
import { describeStorageFailure } from '@/lib/panel/storage-failure';

export function ColumnAliases() {
  const live = useLiveQuery((db) => getColumnAliases(db), []);
  const [name, setName] = useState('');
  const concepts = useMemo(
    () =>
      [...bundledLexicon().concepts.values()]
        .filter((c) => c.role !== 'container')
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    [],
  );
  const [conceptId, setConceptId] = useState(concepts[0]?.id ?? '');
  const [status, setStatus] = useState<string | null>(null);
  if (live.state === 'failed') return <LiveFailure error={live.error} />;
  if (live.state === 'loading') return null;
  const aliases = live.value;
  const labelOf = (id: string) => concepts.find((c) => c.id === id)?.label ?? id;
  const run = (action: () => Promise<unknown>, after?: () => void) =>
    void action()
      .then(() => {
        setStatus(t('aliasSaved'));
        after?.();
      })
      .catch((e: unknown) => setStatus(describeStorageFailure(e)));
  return (
    <section aria-labelledby="aliases-h" class="card" data-field="column-aliases">
      <h2 id="aliases-h">{t('aliasTitle')}</h2>
      <p class="hint">{t('aliasHint')}</p>
      {aliases.length === 0 ? (
        <p class="hint">{t('aliasNone')}</p>
      ) : (
        <ul data-field="alias-list">
          {aliases.map((a) => (
            <li key={a.name} data-alias={a.name}>
              {a.name} → {labelOf(a.conceptId)}{' '}
              <button
                type="button"
                class="link"
                aria-label={t('aliasRemove', a.name)}
                onClick={() => run(() => removeAlias(a.name))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () => addAlias(name, conceptId),
            () => setName(''),
          );
        }}
      >
        <label for="alias-name">{t('aliasName')}</label>
        <input
          id="alias-name"
          value={name}
          maxLength={40}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        <label for="alias-concept">{t('aliasConcept')}</label>
        <select
          id="alias-concept"
          value={conceptId}
          onChange={(e) => setConceptId((e.currentTarget as HTMLSelectElement).value)}
        >
          {concepts.map((c) => (
            <option key={c.id} value={c.id} title={c.meaning}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="submit">{t('aliasAdd')}</button>
      </form>
      {status && (
        <p class="hint" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
