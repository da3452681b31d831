/**
 * Audit files between inspectors, and the whole database: import another inspector's export (.json or .zip) —
 * validated in full, previewed (new, changed, identical, older, conflicting findings), then merged in one transaction —
 * and back up or restore everything. A bad file is refused with its reason and the database is left as it was; a
 * restore checks every row first and replaces everything in one transaction, so any failure (a damaged row, a full
 * disk) is said in the user's words with nothing lost.
 */
import { useState } from 'preact/hooks';
import { t, tm } from '@/lib/i18n';
import { readAuditBytes, type AuditBundle } from '@/lib/export/zip';
import { applyImport, previewImport, type ImportPreview } from '@/lib/import/merge';
import { backupDatabase, checkBackup, restoreDatabase, type BackupError } from '@/lib/import/backup';
import { database } from '@/lib/storage/db';
import { describeStorageFailure } from '../storage-failure';

/** A refused backup in the user's words: row errors name the kind of record (设置, 发现 …) first. */
function backupErrorText(error: BackupError): string {
  const args = error.table ? [t(`backupTable_${error.table}`), ...error.args] : error.args;
  return tm({ key: error.key, args });
}

async function fileBytes(event: Event): Promise<{ name: string; bytes: Uint8Array } | null> {
  const file = (event.currentTarget as HTMLInputElement).files?.[0];
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function AuditFiles() {
  const [pending, setPending] = useState<{ bundle: AuditBundle; preview: ImportPreview } | null>(null);
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'problem' } | null>(null);

  const say = (text: string, kind: 'ok' | 'problem' = 'ok') => setStatus({ text, kind });

  const onAuditFile = async (event: Event) => {
    setPending(null);
    setStatus(null);
    const file = await fileBytes(event);
    if (!file) return;
    const read = readAuditBytes(file.bytes);
    if (!read.ok) return say(t('importRefusedFile', tm({ key: read.error.key, args: [read.error.detail] })), 'problem');
    try {
      const bundle: AuditBundle = { file: read.file, images: read.images };
      setPending({ bundle, preview: await previewImport(database(), bundle) });
    } catch (error) {
      say(describeStorageFailure(error), 'problem');
    }
  };

  const merge = async () => {
    if (!pending) return;
    try {
      const result = await applyImport(database(), pending.bundle, pending.preview);
      setPending(null);
      say(
        t('importMerged', [
          result.auditName,
          String(result.findings.new + result.findings.changed + result.findings.conflict),
        ]),
      );
    } catch (error) {
      say(describeStorageFailure(error), 'problem');
    }
  };

  const onRestore = async (event: Event) => {
    setStatus(null);
    const input = event.currentTarget as HTMLInputElement;
    try {
      const file = await fileBytes(event);
      if (!file) return;
      const blob = new Blob([file.bytes as BlobPart], { type: 'application/json' });
      const checked = await checkBackup(blob);
      if (!checked.ok) return say(backupErrorText(checked.error), 'problem');
      if (!window.confirm(t('restoreConfirm'))) return;
      const restored = await restoreDatabase(database(), blob);
      if (restored.ok)
        say(t('restoreDone', [String(restored.tables.audits ?? 0), String(restored.tables.findings ?? 0)]));
      else say(backupErrorText(restored.error), 'problem');
    } catch (error) {
      say(t('restoreFailed', describeStorageFailure(error)), 'problem');
    } finally {
      // The same file can be chosen again after a fix.
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="files-h" class="card" data-field="audit-files">
      <h2 id="files-h">{t('auditFilesTitle')}</h2>
      <label class="file">
        {t('importAuditFile')}{' '}
        <input
          type="file"
          accept=".json,.zip,application/json,application/zip"
          data-action="import-audit"
          onChange={(e) => void onAuditFile(e)}
        />
      </label>
      {pending && (
        <div class="review" data-field="import-preview">
          <h3>{pending.preview.auditName}</h3>
          <p>
            {t('importPreviewCounts', [
              String(pending.preview.findings.new),
              String(pending.preview.findings.changed),
              String(pending.preview.findings.identical),
              String(pending.preview.findings.conflict),
            ])}
          </p>
          <div class="row">
            <button type="button" class="primary" data-action="merge" onClick={() => void merge()}>
              {t('importMerge')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('importCancel')}
            </button>
          </div>
        </div>
      )}
      <div class="row">
        <button
          type="button"
          data-action="backup"
          onClick={() =>
            void backupDatabase(database()).then(
              (b) => download(b, `gongkai-backup-${new Date().toISOString().slice(0, 10)}.json`),
              (e: unknown) => say(describeStorageFailure(e), 'problem'),
            )
          }
        >
          {t('backupAll')}
        </button>
        <label class="file">
          {t('restoreAll')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-action="restore"
            onChange={(e) => void onRestore(e)}
          />
        </label>
      </div>
      {status && (
        <p
          class={status.kind === 'ok' ? 'ok' : 'problem'}
          role={status.kind === 'ok' ? 'status' : 'alert'}
          data-field="audit-files-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
