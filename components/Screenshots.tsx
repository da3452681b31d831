/** Screenshot evidence of the page: a capture button, thumbnails, and the full image on click (URL and time drawn on it). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Screenshot } from '@/lib/storage/types';

export function Screenshots({ shots, onCapture, busy }: { shots: Screenshot[]; onCapture: () => void; busy: boolean }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<Screenshot | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const made = Object.fromEntries(shots.map((s) => [s.id, URL.createObjectURL(s.blob)]));
    setUrls(made);
    return () => {
      for (const u of Object.values(made)) URL.revokeObjectURL(u);
    };
  }, [shots]);
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  return (
    <section aria-labelledby="shots-h" data-field="screenshots" data-count={shots.length}>
      <h2 id="shots-h">{t('sectionScreenshots')}</h2>
      <button type="button" data-action="capture" onClick={onCapture} disabled={busy}>
        {t('captureScreenshot')}
      </button>
      <div class="thumbs">
        {shots.map((s) => (
          <button
            key={s.id}
            type="button"
            class="thumb"
            onClick={() => setOpen(s)}
            aria-label={t('screenshotAt', new Date(s.capturedAt).toLocaleString('zh-CN', { hour12: false }))}
          >
            {urls[s.id] && <img src={urls[s.id]} alt="" width={96} />}
          </button>
        ))}
      </div>
      <dialog ref={dialog} onClose={() => setOpen(null)} class="shot-dialog">
        {open && urls[open.id] && <img src={urls[open.id]} alt={t('screenshotAt', open.capturedAt)} />}
        <form method="dialog">
          <button type="submit">{t('close')}</button>
        </form>
      </dialog>
    </section>
  );
}
