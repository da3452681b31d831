/**
 * A view whose code loads when it is first shown (dynamic import), so the panel loads at open only what it shows.
 * While loading it says so; a chunk that cannot be loaded is shown as a failure, never as an empty view.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** `eager`: start loading now (a view shown at open, fetched while the panel paints), not at first render. */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: { eager?: boolean } = {},
): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = options.eager ? load() : null;
  return function LazyView(props: P) {
    const [view, setView] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (view) return;
      pending ??= load();
      let live = true;
      pending.then(
        (component) => {
          loaded = component;
          if (live) setView(() => component);
        },
        (error: unknown) => {
          pending = null;
          if (live) setFailed(error instanceof Error ? error.message : String(error));
        },
      );
      return () => {
        live = false;
      };
    }, [view]);
    if (failed !== null)
      return (
        <p class="problem" role="alert">
          {t('viewLoadFailed', failed)}
        </p>
      );
    if (!view) return <p role="status">{t('viewLoading')}</p>;
    const View = view;
    return <View {...props} />;
  };
}
