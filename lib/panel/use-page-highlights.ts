/**
 * Draws the page's element highlights in the inspected tab while they are on (in the user's colours, the same
 * colours the flash of one element uses), clears them when off; says how many were found and how many are missing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../engine/inspect-page';
import { t } from '../i18n';
import type { HighlightColors } from '../storage/settings';
import { clearHighlights, overlayFor, showHighlights } from './highlights';

export function usePageHighlights(
  tabId: number,
  report: PageReport | null,
  on: boolean,
  colors: HighlightColors,
): { found: number; missing: number } | null {
  const [drawn, setDrawn] = useState<{ found: number; missing: number } | null>(null);
  useEffect(() => {
    if (!report) return;
    if (!on) {
      setDrawn(null);
      void clearHighlights(tabId);
      return;
    }
    const overlay = overlayFor(report, colors, t('highlightMissingTitle'));
    void showHighlights(tabId, overlay).then((found) => setDrawn({ found, missing: overlay.missing.length }));
  }, [on, report, tabId, colors]);
  return on ? drawn : null;
}
