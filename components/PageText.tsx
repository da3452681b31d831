/**
 * Page text as the panel draws it: in bidi isolation (<bdi>: direction controls inside cannot reorder what is around
 * it), and flagged 含方向控制字符 when it holds U+202A–202E / U+2066–2069 — the reader sees that the text may not read
 * as it is stored. Rendered as text only, never as HTML.
 */
import { t } from '@/lib/i18n';
import { hasBidiControls } from '@/lib/text/bidi';

export function PageText({ text, max, class: className }: { text: string; max?: number; class?: string }) {
  const shown = max !== undefined ? text.slice(0, max) : text;
  return (
    <>
      <bdi class={className ? `page-text ${className}` : 'page-text'}>{shown}</bdi>
      {hasBidiControls(text) && (
        <span class="flag bidi-flag" data-flag="bidi-controls" title={t('evidenceBidiControls')}>
          {t('evidenceBidiControls')}
        </span>
      )}
    </>
  );
}
