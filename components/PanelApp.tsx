/** The side panel: the page being inspected, read again whenever the tab loads a new page. */
import { useInspectedPage } from '@/lib/panel/use-inspected-page';
import { t } from '@/lib/i18n';
import { PageDescriptionView } from './PageDescriptionView';
import { ReadProblem } from './ReadProblem';

export function PanelApp({ fixedTabId }: { fixedTabId: number | undefined }) {
  const { status, result, stale, refresh } = useInspectedPage(fixedTabId);
  const state = status === 'loading' && !result ? 'loading' : result?.ok ? 'ready' : 'problem';
  return (
    <main class="panel" data-state={state} aria-busy={status === 'loading'}>
      <header class="panel-header">
        <h1>{t('panelTitle')}</h1>
        <button type="button" onClick={() => void refresh()} disabled={status === 'loading'}>
          {t('panelRefresh')}
        </button>
      </header>
      {stale && <p class="stale" role="status">{t('panelStale')}</p>}
      {!result && <p role="status">{t('panelLoading')}</p>}
      {result && !result.ok && <ReadProblem problem={result} onGranted={() => void refresh()} />}
      {result?.ok && (
        <section aria-label={t('panelInspecting')}>
          <PageDescriptionView page={result.page} />
        </section>
      )}
    </main>
  );
}
