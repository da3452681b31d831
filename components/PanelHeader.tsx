/** The panel's title bar: the highlight toggle (also Alt+Shift+H) and re-reading the page. */
import { t } from '@/lib/i18n';

export function PanelHeader(props: {
  highlight: boolean;
  onHighlight: () => void;
  canHighlight: boolean;
  onRefresh: () => void;
  reading: boolean;
}) {
  return (
    <header class="panel-header">
      <h1>{t('panelTitle')}</h1>
      <span class="row-buttons">
        <button
          type="button"
          aria-pressed={props.highlight}
          data-action="toggle-highlights"
          onClick={props.onHighlight}
          disabled={!props.canHighlight}
        >
          {props.highlight ? t('highlightOff') : t('highlightOn')}
        </button>
        <button type="button" onClick={props.onRefresh} disabled={props.reading}>
          {t('panelRefresh')}
        </button>
      </span>
    </header>
  );
}
