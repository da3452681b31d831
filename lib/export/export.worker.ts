/**
 * The export worker: runs `runExport` off the panel's thread and posts progress, then the file's bytes (transferred,
 * not copied). The extension's IndexedDB is reachable from its workers; no extension API is used here.
 */
import type { Language } from '../i18n-catalog';
import { GongkaiDb } from '../storage/db';
import { runExport, type ExportFormat } from './run-export';

export interface ExportRequest {
  auditId: string;
  format: ExportFormat;
  lang: Language;
  findingIds?: string[];
}

export type ExportMessage =
  | { type: 'progress'; phase: string; count: number }
  | { type: 'done'; bytes: Uint8Array; mime: string; extension: string }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ExportRequest>) => void) | null;
  postMessage: (m: ExportMessage, transfer?: Transferable[]) => void;
};

scope.onmessage = (event) => {
  const { auditId, format, lang, findingIds } = event.data;
  const db = new GongkaiDb();
  runExport(db, auditId, format, lang, {
    ...(findingIds ? { findingIds: new Set(findingIds) } : {}),
    progress: (phase, count) => scope.postMessage({ type: 'progress', phase, count }),
  })
    .then((out) =>
      scope.postMessage({ type: 'done', bytes: out.bytes, mime: out.mime, extension: out.extension }, [
        out.bytes.buffer as ArrayBuffer,
      ]),
    )
    .catch((error: unknown) =>
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => db.close());
};
