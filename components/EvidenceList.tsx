/**
 * The evidence of a result — for privacy, each number found with its kind (身份证号, 手机号 …) and its masked value —
 * each with a button that flashes it on the page. Evidence text is already masked by the check; shown as text only.
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { Evidence, Locator } from '@/lib/snapshot/types';

const KINDS = new Set(['id', 'id-unverified', 'mobile', 'bank-card']);

/** `kind:masked` (privacy evidence) as its kind's name and the masked value; other evidence as it is. */
export function evidenceParts(text: string): { kind: string | null; value: string } {
  const at = text.indexOf(':');
  const kind = at > 0 ? text.slice(0, at) : '';
  if (!KINDS.has(kind)) return { kind: null, value: text };
  return { kind: t(`privacyKind_${kind.replace(/-/g, '_')}` as MessageKey), value: text.slice(at + 1) };
}

export function EvidenceList({
  evidence,
  onLocate,
}: {
  evidence: readonly Evidence[];
  onLocate?: ((locator: Locator) => Promise<boolean>) | undefined;
}) {
  const [gone, setGone] = useState<number | null>(null);
  if (evidence.length === 0) return null;
  return (
    <div class="evidence" data-field="evidence">
      <p class="hint small">{t('evidenceTitle')}</p>
      <ul>
        {evidence.map((e, i) => {
          const { kind, value } = evidenceParts(e.text);
          return (
            <li key={i} data-evidence={e.text}>
              {kind && <span class="evidence-kind">{kind}</span>} <code class="evidence-value">{value}</code>{' '}
              {onLocate && (
                <button
                  type="button"
                  class="link"
                  data-action="locate-evidence"
                  onClick={() => void onLocate(e.locator).then((found) => setGone(found ? null : i))}
                >
                  {t('evidenceLocate')}
                </button>
              )}
              {gone === i && (
                <span class="note small" role="status">
                  {t('evidenceGone')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
