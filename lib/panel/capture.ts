/**
 * Screenshot evidence: the visible part of the inspected tab (`tabs.captureVisibleTab`), with a footer strip drawn on
 * the image saying the page URL and the capture time (截图时间), so the picture carries its own provenance wherever
 * it is exported. Capturing needs `<all_urls>` or an activeTab grant: when neither is held, the user is asked (the
 * button click is the gesture) and nothing is captured without their yes.
 */
import { browser } from 'wxt/browser';

export interface Capture {
  blob: Blob;
  width: number;
  height: number;
  capturedAt: Date;
  url: string;
}

export type CaptureResult =
  | { ok: true; capture: Capture }
  | { ok: false; reason: 'permission' | 'failed'; detail: string };

const FOOTER = 30;

export async function drawFooter(
  png: Blob,
  url: string,
  at: Date,
  label: string,
): Promise<{ blob: Blob; width: number; height: number }> {
  const image = await createImageBitmap(png);
  const canvas = new OffscreenCanvas(image.width, image.height + FOOTER);
  const g = canvas.getContext('2d')!;
  g.drawImage(image, 0, 0);
  g.fillStyle = '#24292f';
  g.fillRect(0, image.height, image.width, FOOTER);
  g.fillStyle = '#ffffff';
  g.font = '14px "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';
  g.textBaseline = 'middle';
  const stamp = `${label} ${at.toLocaleString('zh-CN', { hour12: false })}`;
  g.fillText(stamp, 8, image.height + FOOTER / 2);
  const stampWidth = g.measureText(stamp).width;
  g.fillText(
    url,
    Math.min(stampWidth + 24, image.width / 2),
    image.height + FOOTER / 2,
    Math.max(50, image.width - stampWidth - 32),
  );
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { blob, width: image.width, height: image.height + FOOTER };
}

async function grab(windowId: number): Promise<Blob> {
  const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  return (await fetch(dataUrl)).blob();
}

export async function captureTab(
  tabId: number,
  label: string,
  now: () => Date = () => new Date(),
): Promise<CaptureResult> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  try {
    // Only the window's active tab can be captured: make sure it is the inspected one, not whatever is in front.
    const [front] = await browser.tabs.query({ active: true, windowId: tab.windowId });
    if (front?.id !== tabId) await browser.tabs.update(tabId, { active: true });
    let png: Blob;
    try {
      png = await grab(tab.windowId!);
    } catch (error) {
      if (!/all_urls|activeTab|permission/i.test(String(error))) throw error;
      const granted = await browser.permissions.request({ origins: ['<all_urls>'] });
      if (!granted) return { ok: false, reason: 'permission', detail: String(error) };
      png = await grab(tab.windowId!);
    }
    const at = now();
    const framed = await drawFooter(png, url, at, label);
    return { ok: true, capture: { ...framed, capturedAt: at, url } };
  } catch (error) {
    return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
