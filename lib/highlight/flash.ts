/**
 * Scrolls to an element and flashes an outline around it. The outline is drawn in a closed shadow root on a host of
 * our own at the end of <body>, positioned over the element: the page's CSS cannot reach it and the page's layout
 * never moves. The host removes itself after the flash.
 */
/** `color`: the user's colour for the element's tone (lib/highlight/colors.ts), sent by the panel. */
export function flashElement(doc: Document, el: Element, color: string, durationMs = 1600): void {
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const rect = el.getBoundingClientRect();
  const win = doc.defaultView ?? window;
  const host = doc.createElement('gongkai-flash');
  host.style.cssText = `position:absolute;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none;`;
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.style.cssText = [
    'position:absolute',
    `left:${rect.left + win.scrollX - 3}px`,
    `top:${rect.top + win.scrollY - 3}px`,
    `width:${rect.width + 6}px`,
    `height:${rect.height + 6}px`,
    `outline:3px solid ${color}`,
    'border-radius:3px',
    `box-shadow:0 0 0 9999px rgba(0,0,0,0.08)`,
    'transition:opacity .4s',
  ].join(';');
  root.append(box);
  doc.body.append(host);
  win.setTimeout(() => {
    box.style.opacity = '0';
    win.setTimeout(() => host.remove(), 450);
  }, durationMs);
}
