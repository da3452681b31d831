/**
 * Turns a page report into the highlights drawn on the page: every located element of the element checks, outlined
 * green when present and amber when empty, and the missing ones listed in the floating box (meta tags excepted: they
 * are not part of what a reader sees).
 */
import type { PageReport } from '../engine/inspect-page';
import type { OverlayItem, OverlayRequest } from '../highlight/overlay';
import { CLEAR_HIGHLIGHT, HIGHLIGHT } from '../messaging/protocol';
import { sendToPage } from '../messaging/send-to-page';

export function overlayFor(report: PageReport, colors: OverlayRequest['colors'], title: string): OverlayRequest {
  const items: OverlayItem[] = [];
  const missing: string[] = [];
  // Meta tags are not in the page's visible content: they stay in the panel, not in the floating list.
  for (const result of report.results.filter((r) => r.checkId !== 'page-meta-tags')) {
    for (const element of result.elements ?? []) {
      if (element.status === 'missing') {
        if (element.required) missing.push(element.name);
      } else if (element.locator)
        items.push({
          locator: element.locator,
          tone: element.status === 'present' ? 'present' : 'empty',
          label: element.name,
        });
    }
  }
  // One outline per place: several elements found at one spot (a table's columns) share it and its label.
  const byPlace = new Map<string, { item: OverlayItem; labels: Set<string> }>();
  for (const item of items) {
    const key = `${item.locator.frame.join('.')}|${item.locator.path}`;
    const seen = byPlace.get(key);
    if (seen) {
      seen.labels.add(item.label);
      if (item.tone === 'empty') seen.item.tone = 'empty';
    } else byPlace.set(key, { item: { ...item }, labels: new Set([item.label]) });
  }
  const merged = [...byPlace.values()].map(({ item, labels }) => ({
    ...item,
    label: labels.size > 1 ? `${item.label} +${labels.size - 1}` : item.label,
  }));
  return { items: merged, missing: [...new Set(missing)], colors, title };
}

export async function showHighlights(tabId: number, overlay: OverlayRequest): Promise<number> {
  try {
    return (await sendToPage(tabId, { type: HIGHLIGHT, overlay }))?.found ?? 0;
  } catch {
    return 0;
  }
}

export async function clearHighlights(tabId: number): Promise<void> {
  try {
    await sendToPage(tabId, { type: CLEAR_HIGHLIGHT });
  } catch {
    // The page is gone or was never read: nothing to clear.
  }
}
