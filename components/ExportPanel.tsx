/**
 * Export the audit — or only the findings the list shows — as XLSX, CSV, JSON, a .zip with screenshots, or a printable
 * HTML report. The work runs in a worker with a progress bar, so the panel stays responsive; the file is then
 * downloaded.
 */
import { useRef, useState } from 'preact/hooks';
import { currentLanguage, t, type MessageKey } from '@/lib/i18n';
import type { ExportMessage, ExportRequest } from '@/lib/export/export.worker';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/export/formats';
import { Checkbox } from './Checkbox';

export function ExportPanel({
  auditId,
  auditName,
  filteredIds,
}: {
  auditId: string;
  auditName: string;
  filteredIds: () => Promise<string[] | null>;
}) {
  const [busy, setBusy] = useState<{ format: ExportFormat; phase: string } | null>(null);
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);

  const run = async (format: ExportFormat) => {
    setMessage(null);
    setBusy({ format, phase: 'load' });
    const ids = onlyFiltered ? await filteredIds() : null;
    worker.current ??= new Worker(new URL('../lib/export/export.worker.ts', import.meta.url), { type: 'module' });
    const request: ExportRequest = { auditId, format, lang: currentLanguage(), ...(ids ? { findingIds: ids } : {}) };
    worker.current.onmessage = (event: MessageEvent<ExportMessage>) => {
      const m = event.data;
      if (m.type === 'progress') setBusy({ format, phase: m.phase });
      else if (m.type === 'error') {
        setBusy(null);
        setMessage(t('exportFailed', m.message));
      } else {
        setBusy(null);
        const url = URL.createObjectURL(new Blob([m.bytes as BlobPart], { type: m.mime }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `${auditName}-${new Date().toISOString().slice(0, 10)}.${m.extension}`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 30_000);
        setMessage(t('exportDone', a.download));
      }
    };
    worker.current.postMessage(request);
  };

  const phases = ['load', 'build', 'write', 'done'];
  return (
    <section class="export" aria-labelledby="export-h" data-field="export">
      <h3 id="export-h">{t('exportTitle')}</h3>
      <Checkbox label={t('exportOnlyFiltered')} checked={onlyFiltered} onChange={setOnlyFiltered} />
      <div class="row">
        {EXPORT_FORMATS.map((f) => (
          <button key={f} type="button" data-export={f} disabled={busy !== null} onClick={() => void run(f)}>
            {t(`exportAs_${f}` as MessageKey)}
          </button>
        ))}
      </div>
      {busy && (
        <p role="status" class="small">
          <progress max={phases.length - 1} value={Math.max(0, phases.indexOf(busy.phase))} />{' '}
          {t(`exportPhase_${busy.phase}` as MessageKey)}
        </p>
      )}
      {message && (
        <p class="hint" role="status" data-field="export-status">
          {message}
        </p>
      )}
    </section>
  );
}
