/**
 * Screenshot capture of the inspected tab into the active audit: the capture (with its URL and time drawn on it) is
 * saved and linked to the page's open findings. A refused capture or a failed write is returned as `problem`.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { Finding } from '../storage/db';
import { captureTab } from './capture';
import { saveCapture } from './storage-actions';
import { describeStorageFailure } from './storage-failure';

export function useCapture(tabId: number, auditId: string | null, pageFindings: readonly Finding[]) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    if (!auditId) return;
    setBusy(true);
    setProblem(null);
    try {
      const shot = await captureTab(tabId, t('screenshotFooter'));
      if (!shot.ok) setProblem(t('captureFailed', shot.detail));
      else await saveCapture(auditId, shot.capture, pageFindings);
    } catch (error) {
      setProblem(describeStorageFailure(error));
    } finally {
      setBusy(false);
    }
  };
  return { run: () => void run(), busy, problem };
}
