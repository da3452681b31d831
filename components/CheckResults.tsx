/**
 * Each check's result with its elements. Clicking an element that is on the page scrolls to it and flashes it;
 * clicking a missing one explains that there is nothing to show and how the page should be fixed.
 */
import { useState } from 'preact/hooks';
import type { CheckResult, ElementResult } from '@/lib/checks/types';
import { t, tm } from '@/lib/i18n';
import type { ElementTemplate } from '@/lib/plan/model';
import { ElementBadge, StatusBadge } from './StatusBadge';
import { PageText } from './PageText';
import { verdictForKey, verdictKey, VerdictControls } from './VerdictControls';
import { FollowUpControls } from './FollowUpControls';
import { EvidenceList } from './EvidenceList';
import type { Locator } from '@/lib/snapshot/types';
import type { Finding, Verdict } from '@/lib/storage/types';
import type { FindingWriteResult } from '@/lib/storage/findings';

export interface CheckResultsProps {
  results: CheckResult[];
  templates: ReadonlyMap<string, ElementTemplate>;
  onReveal: (element: ElementResult) => Promise<boolean>;
  /** Flashes a piece of evidence on the page; false when it is no longer there. */
  onLocate?: (locator: Locator) => Promise<boolean>;
  /** The audit's finding for a result, when the page is recorded: a person's verdict and note go there. */
  findingFor?: (result: CheckResult) => Finding | undefined;
  onVerdict?: (finding: Finding, verdict: Verdict | null, note: string | undefined) => Promise<FindingWriteResult>;
  onPatch?: (finding: Finding, patch: Partial<Pick<Finding, 'severity' | 'rectification'>>) => void;
}

function fixHint(
  templates: ReadonlyMap<string, ElementTemplate>,
  templateId: string | undefined,
  element: ElementResult,
): string {
  const template = templateId ? templates.get(templateId) : undefined;
  const own = template?.elements.find((e) => e.id === element.id.split('/')[0]);
  return own?.fix ?? '';
}

function ElementRow({
  result,
  element,
  props,
}: {
  result: CheckResult;
  element: ElementResult;
  props: CheckResultsProps;
}) {
  const [note, setNote] = useState<string | null>(null);
  const reveal = async () => {
    if (!element.locator) {
      setNote(t('elementRevealMissing', [element.name, fixHint(props.templates, result.templateId, element)]));
      return;
    }
    setNote((await props.onReveal(element)) ? null : t('elementRevealGone'));
  };
  return (
    <li data-element={element.name} data-element-status={element.status}>
      <button
        type="button"
        class="element"
        onClick={() => void reveal()}
        aria-describedby={note ? `note-${element.id}` : undefined}
      >
        <ElementBadge status={element.status} /> <span class="element-name">{element.name}</span>
        {element.value !== undefined && element.value !== '' && (
          <PageText class="element-value" text={element.value} max={80} />
        )}
      </button>
      {element.kindProblem && <p class="warn small">{tm(element.kindProblem)}</p>}
      {note && (
        <p class="note small" role="status" id={`note-${element.id}`} data-field="reveal-note">
          {note}
        </p>
      )}
    </li>
  );
}

function ResultVerdict({ result, props }: { result: CheckResult; props: CheckResultsProps }) {
  const [open, setOpen] = useState(false);
  const finding = props.findingFor!(result);
  if (!finding) return null;
  // A passed or not-applicable result stays one line: its verdict (if a person gave one) and a button for the controls.
  const settled = result.status === 'pass' || result.status === 'not-applicable';
  if (settled && !open)
    return (
      <p class="row small verdict-compact">
        <span data-field="verdict" data-verdict={finding.verdict ?? ''}>
          {finding.verdict ? t(verdictKey(finding.verdict)) : ''}
        </span>
        {finding.note && <span class="hint">{finding.note.slice(0, 60)}</span>}
        <button type="button" class="link" data-action="open-verdict" onClick={() => setOpen(true)}>
          {t('verdictOpen')}
        </button>
      </p>
    );
  return (
    <>
      <VerdictControls
        name={tm(result.message).slice(0, 24)}
        verdict={finding.verdict}
        note={finding.note}
        onSave={(v, n) => props.onVerdict!(finding, v, n)}
      />
      {props.onPatch && result.status !== 'pass' && result.status !== 'not-applicable' && (
        <FollowUpControls finding={finding} onPatch={(patch) => props.onPatch!(finding, patch)} />
      )}
    </>
  );
}

export function CheckResults(props: CheckResultsProps) {
  return (
    <section aria-labelledby="checks-h">
      <h2 id="checks-h">{t('sectionChecks')}</h2>
      <ul class="results" data-field="results">
        {props.results.map((result, i) => (
          <li
            key={`${result.checkId}-${result.templateId ?? ''}-${i}`}
            class={`result result-${result.status}`}
            data-check={result.checkId}
            data-template={result.templateId ?? ''}
            data-status={result.status}
            tabIndex={props.findingFor ? 0 : undefined}
            onKeyDown={(e) => {
              // P / F / N / U on a focused result: the person's verdict, as on checklist items.
              const verdict = verdictForKey(e as unknown as KeyboardEvent);
              const finding = verdict && props.findingFor?.(result);
              if (!verdict || !finding || !props.onVerdict) return;
              e.preventDefault();
              void props.onVerdict(finding, verdict, undefined);
            }}
          >
            <p class="result-head">
              <StatusBadge status={result.status} /> <span class="result-message">{tm(result.message)}</span>
            </p>
            {result.details && (
              <ul class="details">
                {result.details.map((d, j) => (
                  <li key={j}>{tm(d)}</li>
                ))}
              </ul>
            )}
            {result.evidence.length > 0 && !result.elements?.length && result.status !== 'pass' && (
              <EvidenceList evidence={result.evidence} onLocate={props.onLocate} />
            )}
            {props.findingFor && props.onVerdict && <ResultVerdict result={result} props={props} />}
            {result.elements && result.elements.length > 0 && (
              <details open={result.status === 'fail'}>
                <summary>{t('showElements', String(result.elements.length))}</summary>
                <ul class="elements">
                  {result.elements.map((element) => (
                    <ElementRow key={element.id} result={result} element={element} props={props} />
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
