/**
 * Audit files between inspectors, and the whole database: import another inspector's export (.json or .zip) —
 * validated in full, previewed (where it goes: our audit of the same site and plan, or a new one — asked when several
 * fit; new, changed, identical, conflicting findings; records renumbered), then merged in one transaction —
 * and back up or restore everything. A bad file is refused with its reason and the database is left as it was; a
 * restore checks every row first and replaces everything in one transaction, so any failure (a damaged row, a full
 * disk) is said in the user's words with nothing lost.
 */
import { useState } from 'preact/hooks';
import { t, tm } from '@/lib/i18n';
import { readAuditBytes, type AuditBundle } from '@/lib/export/zip';
import type { ImportPreview } from '@/lib/import/merge';
import { NEW_AUDIT, type ImportChoice } from '@/lib/import/rekey';
import { checkBackup, type BackupError } from '@/lib/import/backup';
import { backup, importAuditFile, previewAuditFile, restore } from '@/lib/panel/storage-actions';
import { describeStorageFailure } from '@/lib/panel/storage-failure';
import { FileButton } from '../FileButton';

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

type Pending = { bundle: AuditBundle; preview: ImportPreview; choice: ImportChoice | undefined };

/** Where the import goes, in words, and the choice of target when our audits of the site can take it. */
function ImportTargetView({ pending, choose }: { pending: Pending; choose: (choice: ImportChoice) => void }) {
  const { preview, choice } = pending;
  const { kind, candidates } = preview.target;
  const mergeable = candidates.filter((c) => c.mergeable);
  const otherPlan = candidates.filter((c) => !c.mergeable);
  return (
    <div data-field="import-target" data-kind={kind}>
      <p>
        {kind === 'ask'
          ? t('importTargetAsk')
          : kind === 'new'
            ? t('importTargetNew', preview.auditName)
            : t('importTargetMerge', preview.auditName)}
      </p>
      {otherPlan.map((c) => (
        <p key={c.id} class="hint">
          {t('importTargetOtherPlan', c.name)}
        </p>
      ))}
      {mergeable.length > 0 && (
        <label>
          {t('importTargetLabel')}{' '}
          <select
            data-action="import-target"
            value={kind === 'ask' ? '' : kind === 'new' ? NEW_AUDIT : preview.auditId}
            onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}
          >
            {kind === 'ask' && choice === undefined && (
              <option value="" disabled>
                {t('importTargetPlaceholder')}
              </option>
            )}
            {mergeable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.inspector ? `${c.name} · ${c.inspector}` : c.name}
              </option>
            ))}
            <option value={NEW_AUDIT}>{t('importTargetChooseNew')}</option>
          </select>
        </label>
      )}
    </div>
  );
}

/** What an import does with whole-site patrol records: the latest patrol of each site is kept. */
function sitesText(sites: ImportPreview['sites']): string {
  return t('importSites', [String(sites.new), String(sites.updated), String(sites.kept)]);
}

export function AuditFiles() {
  const [pending, setPending] = useState<Pending | null>(null);
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
      setPending({ bundle, preview: await previewAuditFile(bundle), choice: undefined });
    } catch (error) {
      say(describeStorageFailure(error), 'problem');
    }
  };

  const choose = async (choice: ImportChoice) => {
    if (!pending) return;
    try {
      setPending({ ...pending, choice, preview: await previewAuditFile(pending.bundle, choice) });
    } catch (error) {
      say(describeStorageFailure(error), 'problem');
    }
  };

  const merge = async () => {
    if (!pending) return;
    try {
      const result = await importAuditFile(pending.bundle, pending.preview, pending.choice);
      setPending(null);
      const f = result.findings;
      const done = result.newAudit
        ? t('importCreated', [result.auditName, String(f.new)])
        : t('importMerged', [result.auditName, String(f.new), String(f.changed), String(f.conflict)]);
      const parts = [done];
      if (result.renumbered > 0) parts.push(t('importRenumbered', String(result.renumbered)));
      if (result.sites.latest.length > 0) parts.push(sitesText(result.sites));
      say(parts.join(' '));
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
      const restored = await restore(blob);
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
      <FileButton
        label={t('importAuditFile')}
        accept=".json,.zip,application/json,application/zip"
        action="import-audit"
        onFile={(e) => void onAuditFile(e)}
      />
      {pending && (
        <div class="review" data-field="import-preview">
          <h3>{pending.preview.auditName}</h3>
          <ImportTargetView pending={pending} choose={(c) => void choose(c)} />
          {pending.preview.renumbered > 0 && (
            <p class="problem" data-field="import-renumbered">
              {t('importRenumbered', String(pending.preview.renumbered))}
            </p>
          )}
          {pending.preview.inspectors.length > 0 && (
            <p>{t('importInspectors', pending.preview.inspectors.join('、'))}</p>
          )}
          {pending.preview.sites.latest.length > 0 && (
            <p data-field="import-sites">{sitesText(pending.preview.sites)}</p>
          )}
          <p>
            {t('importPreviewCounts', [
              String(pending.preview.findings.new),
              String(pending.preview.findings.changed),
              String(pending.preview.findings.identical),
              String(pending.preview.findings.conflict),
            ])}
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              data-action="merge"
              disabled={pending.preview.target.kind === 'ask'}
              onClick={() => void merge()}
            >
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
            void backup().then(
              (b) => download(b, `gongkai-backup-${new Date().toISOString().slice(0, 10)}.json`),
              (e: unknown) => say(describeStorageFailure(e), 'problem'),
            )
          }
        >
          {t('backupAll')}
        </button>
        <FileButton
          label={t('restoreAll')}
          accept=".json,application/json"
          action="restore"
          onFile={(e) => void onRestore(e)}
        />
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
