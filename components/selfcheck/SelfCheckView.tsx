/**
 * 自查: the webmaster's view. Checks the page in front (a CMS preview, a draft file, the live page) or pasted HTML
 * against the templates the engine chooses or the ones picked, and answers 可以发布 / 需修改 with each problem and how to
 * fix it. The result can be copied as text or saved as a one-page report; recent self-checks are kept apart from audits.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { inspectPage } from '@/lib/engine/inspect-page';
import { t, tm } from '@/lib/i18n';
import type { ElementTemplate, Plan } from '@/lib/plan/model';
import { selfCheckHtml, selfCheckText } from '@/lib/selfcheck/render';
import {
  clearRecentSelfChecks,
  listRecentSelfChecks,
  rememberSelfCheck,
  type RecentSelfCheck,
} from '@/lib/selfcheck/recent';
import { selfCheckVerdict } from '@/lib/selfcheck/verdict';
import { takeSnapshot } from '@/lib/snapshot/take-snapshot';
import type { PageSnapshot } from '@/lib/snapshot/types';
import { PasteBox } from '../PasteBox';
import { TemplatePicker } from '../TemplatePicker';

export function SelfCheckView({
  snapshot,
  plan,
  templates,
}: {
  snapshot: PageSnapshot | null;
  plan: Plan;
  templates: ReadonlyMap<string, ElementTemplate>;
}) {
  const [source, setSource] = useState<'tab' | 'paste'>(snapshot ? 'tab' : 'paste');
  const [html, setHtml] = useState('');
  const [pasted, setPasted] = useState<PageSnapshot | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [recent, setRecent] = useState<RecentSelfCheck[]>([]);

  const subject = source === 'tab' ? snapshot : pasted;
  const outcome = useMemo(() => {
    if (!subject) return null;
    const report = inspectPage(subject, {
      plan,
      templates,
      now: new Date(),
      pickedTemplateIds: picked,
      onlyPicked: picked.length > 0,
    });
    return { report, verdict: selfCheckVerdict(report, templates, { fragment: source === 'paste' }) };
  }, [subject, plan, templates, picked, source]);
  const header = {
    title: source === 'paste' ? t('selfPastedPage') : (subject?.title ?? ''),
    url: source === 'paste' ? '' : (subject?.url ?? ''),
    at: new Date(),
  };

  useEffect(() => {
    void listRecentSelfChecks()
      .then(setRecent)
      .catch(() => setRecent([]));
  }, []);
  useEffect(() => {
    if (!outcome) return;
    const text = selfCheckText(header, outcome.verdict, tm);
    void rememberSelfCheck({
      at: header.at.toISOString(),
      title: header.title,
      url: header.url,
      publishable: outcome.verdict.publishable,
      items: outcome.verdict.items.length,
      text,
    })
      .then(setRecent)
      .catch(() => undefined);
    // only a new outcome is remembered (once), not a change of the other values read here
  }, [outcome]);

  const checkPasted = () => {
    if (!html.trim()) {
      setNote(t('selfEmptyPaste'));
      return;
    }
    setNote(null);
    setPasted(takeSnapshot(new DOMParser().parseFromString(html, 'text/html'), 'about:blank'));
  };
  const copy = async () => {
    if (!outcome) return;
    await navigator.clipboard.writeText(selfCheckText(header, outcome.verdict, tm)).then(
      () => setNote(t('selfCopied')),
      (e: unknown) => setNote(String(e)),
    );
  };
  const save = () => {
    if (!outcome) return;
    const url = URL.createObjectURL(
      new Blob([selfCheckHtml(header, outcome.verdict, tm)], { type: 'text/html;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `自查-${header.at.toISOString().slice(0, 10)}.html`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="self-h" data-field="selfcheck">
      <h2 id="self-h">{t('selfTitle')}</h2>
      <div class="row" role="radiogroup">
        <button
          type="button"
          role="radio"
          aria-checked={source === 'tab'}
          disabled={!snapshot}
          onClick={() => setSource('tab')}
        >
          {t('selfSourceTab')}
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={source === 'paste'}
          data-action="self-paste-mode"
          onClick={() => setSource('paste')}
        >
          {t('selfSourcePaste')}
        </button>
      </div>
      {source === 'paste' && (
        <div>
          <PasteBox id="self-html" label={t('selfPasteLabel')} rows={6} value={html} onChange={setHtml} />
          <button type="button" data-action="self-run" onClick={checkPasted}>
            {t('selfRun')}
          </button>
        </div>
      )}
      <TemplatePicker templates={templates} picked={picked} onChange={setPicked} />
      {outcome && (
        <div
          class={`self-verdict ${outcome.verdict.publishable ? 'ok' : 'bad'}`}
          data-field="self-verdict"
          data-publishable={outcome.verdict.publishable}
        >
          <p class="verdict-line" role="status">
            {outcome.verdict.publishable
              ? t('selfPublishable')
              : t('selfNeedsFixCount', String(outcome.verdict.items.length))}
          </p>
          {outcome.verdict.items.length === 0 && <p class="hint">{t('selfNothing')}</p>}
          <ol class="self-items">
            {outcome.verdict.items.map((item, i) => (
              <li key={i} data-self-item={item.kind} data-name={item.name}>
                <strong>{tm(item.problem)}</strong> <span class="hint">{item.source}</span>
                <br />
                <span class="small">
                  {t('selfFix')}
                  {typeof item.fix === 'string' ? item.fix : tm(item.fix)}
                </span>
              </li>
            ))}
          </ol>
          <div class="row">
            <button type="button" onClick={() => void copy()}>
              {t('selfCopy')}
            </button>
            <button type="button" onClick={save}>
              {t('selfSave')}
            </button>
          </div>
        </div>
      )}
      {note && (
        <p class="hint" role="status">
          {note}
        </p>
      )}
      {recent.length > 0 && (
        <details>
          <summary>{t('selfRecent')}</summary>
          <ul class="small">
            {recent.map((r, i) => (
              <li key={i}>
                {r.publishable ? t('selfPublishable') : t('selfNeedsFix')} · {r.title} ·{' '}
                {new Date(r.at).toLocaleString('zh-CN', { hour12: false })}
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={() => void clearRecentSelfChecks().then(() => setRecent([]))}>
            {t('selfClear')}
          </button>
        </details>
      )}
    </section>
  );
}
