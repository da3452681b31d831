/**
 * The patrol page (巡检整个网站): runs a whole-site patrol from an extension page (not the content script) into the
 * audit, with progress (pages done / queued / errors, time left), pause, resume — also after the page or the browser
 * was closed — and stop; at the end the site verdict, the columns that are not fresh and the dead links — the
 * indicators, thresholds and time rules in the interface's language (lib/patrol-names.ts). Page text (column names, URLs, evidence) is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PatrolSummary } from '@/lib/crawl/summary';
import { currentLanguage, t } from '@/lib/i18n';
import { patrolNameIn } from '@/lib/patrol-names';
import type { PatrolJob, PatrolProgress, SavedPatrol } from '@/lib/patrol/patrol-job';
import {
  askExternalAccess,
  askSiteAccess,
  checkExternalLinks,
  clearSavedPatrol,
  loadSavedPatrol,
  startPatrolJob,
} from '@/lib/patrol/in-extension';
import { activeAudit } from '@/lib/panel/storage-actions';

type Phase = 'idle' | 'running' | 'pausing' | 'paused' | 'done';

function minutes(ms: number | null): string {
  return ms === null ? '—' : String(Math.max(1, Math.round(ms / 60_000)));
}

export function PatrolApp() {
  const [start, setStart] = useState('');
  const [saved, setSaved] = useState<SavedPatrol | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<PatrolProgress | null>(null);
  const [summary, setSummary] = useState<PatrolSummary | null>(null);
  const [auditId, setAuditId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [delayMs, setDelayMs] = useState(500);
  const [concurrency, setConcurrency] = useState(2);
  const job = useRef<PatrolJob | null>(null);

  useEffect(() => {
    void (async () => {
      const fromUrl = new URLSearchParams(location.search).get('start');
      const pending = await loadSavedPatrol();
      setSaved(pending);
      if (pending) {
        setStart(pending.start);
        setPhase('paused');
        setProgress({
          done: pending.crawl.pagesDone,
          queued: pending.crawl.queue.length + pending.crawl.files.length,
          errors: pending.crawl.errors,
          checkedLinks: 0,
          etaMs: null,
        });
      } else if (fromUrl) setStart(fromUrl);
      else {
        const active = await activeAudit();
        if (active) setStart(`${active.origin}/`);
      }
      setLoaded(true);
    })().catch((e: unknown) => {
      setProblem(String(e));
      setLoaded(true);
    });
  }, []);

  const run = async (resume: SavedPatrol | null) => {
    setProblem(null);
    setSummary(null);
    if (!(await askSiteAccess(resume?.start ?? start))) {
      setProblem(t('patrolNoAccess'));
      return;
    }
    try {
      const current = await startPatrolJob(start, resume, setProgress, { delayMs, concurrency });
      job.current = current;
      setPhase('running');
      const end = await current.run();
      job.current = null;
      if (end.ended === 'paused') {
        setSaved(await loadSavedPatrol());
        setPhase('paused');
      } else {
        setSaved(null);
        setSummary(end.summary);
        setAuditId(end.auditId);
        setPhase('done');
      }
    } catch (e) {
      job.current = null;
      setPhase(resume ? 'paused' : 'idle');
      setProblem(t('patrolFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  const discard = async () => {
    await clearSavedPatrol(null);
    setSaved(null);
    setProgress(null);
    setPhase('idle');
  };

  return (
    <main class="patrol" data-phase={phase} data-ready={loaded}>
      <h1>{t('patrolTitle')}</h1>
      <p class="hint">{t('patrolHint')}</p>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <label>
        {t('patrolStartLabel')}{' '}
        <input
          id="patrol-start"
          type="url"
          value={start}
          disabled={phase !== 'idle' && phase !== 'done'}
          onInput={(e) => setStart((e.target as HTMLInputElement).value)}
        />
      </label>
      <NumberField
        id="patrol-delay"
        label={t('patrolDelayLabel')}
        value={delayMs}
        min={0}
        step={100}
        disabled={phase === 'running' || phase === 'pausing'}
        onChange={setDelayMs}
      />{' '}
      <NumberField
        id="patrol-concurrency"
        label={t('patrolConcurrencyLabel')}
        value={concurrency}
        min={1}
        max={8}
        disabled={phase === 'running' || phase === 'pausing'}
        onChange={setConcurrency}
      />
      <div class="actions">
        {(phase === 'idle' || phase === 'done') && (
          <button type="button" id="patrol-run" disabled={!start} onClick={() => void run(null)}>
            {t('patrolRun')}
          </button>
        )}
        {phase === 'running' && (
          <>
            <button
              type="button"
              id="patrol-pause"
              onClick={() => {
                setPhase('pausing');
                job.current?.pause();
              }}
            >
              {t('patrolPause')}
            </button>
            <button type="button" id="patrol-stop" onClick={() => job.current?.stop()}>
              {t('patrolStop')}
            </button>
          </>
        )}
        {phase === 'paused' && saved && (
          <>
            <button type="button" id="patrol-resume" onClick={() => void run(saved)}>
              {t('patrolResume')}
            </button>
            <button type="button" id="patrol-discard" onClick={() => void discard()}>
              {t('patrolDiscard')}
            </button>
          </>
        )}
      </div>
      {progress && (
        <p id="patrol-progress" role="status" aria-live="polite">
          {t('patrolProgress', [
            String(progress.done),
            String(progress.queued),
            String(progress.errors),
            minutes(phase === 'running' ? progress.etaMs : null),
          ])}
        </p>
      )}
      {summary && <PatrolResult summary={summary} />}
      {summary && auditId && summary.externalLinks.length > 0 && (
        <ExternalLinks auditId={auditId} start={summary.start} links={summary.externalLinks} />
      )}
    </main>
  );
}

/** The finished patrol: the verdict on each indicator, the columns that are not fresh, the dead links. */
export function PatrolResult({ summary }: { summary: PatrolSummary }) {
  const notFresh = summary.columns.filter((c) => c.status !== 'fresh');
  const language = currentLanguage();
  return (
    <section id="patrol-result">
      <h2>{t('patrolVerdict', patrolNameIn(summary.indicators.ref, language))}</h2>
      <ul class="vetoes">
        {summary.vetoes.map((v) => (
          <li key={v.id} data-veto={v.id} data-triggered={v.triggered}>
            <strong>
              {t('siteVetoLine', [v.id, patrolNameIn(v.name, language), patrolNameIn(v.threshold, language)])}
            </strong>{' '}
            {v.triggered ? t('patrolTriggered') : v.decided ? t('patrolClear') : t('patrolUndecided')}
          </li>
        ))}
      </ul>
      <h2>{t('patrolColumns', [String(summary.columns.length), String(notFresh.length)])}</h2>
      <table class="columns">
        <tbody>
          {notFresh.map((c) => (
            <tr key={c.url} data-status={c.status}>
              <td>{c.path.join(' > ')}</td>
              <td>{t(`siteColumnStatus_${c.status.replace(/-/g, '_')}` as 'siteColumnStatus_stale')}</td>
              <td>{c.latest ?? ''}</td>
              <td class="rule">{c.rule ? patrolNameIn(c.rule, language) : ''}</td>
              <td>{c.url}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('patrolDeadLinks', String(summary.deadLinks.length))}</h2>
      <ul class="dead-links">
        {summary.deadLinks.map((d) => (
          <li key={d.url}>
            {d.status} {d.url} ← {d.foundOn.join(' ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Links to other sites: listed; checked only when the user asks, after granting access to exactly those sites (the
 * request is made in the click, as the browser requires).
 */
function ExternalLinks({
  auditId,
  start,
  links,
}: {
  auditId: string;
  start: string;
  links: PatrolSummary['externalLinks'];
}) {
  const [rows, setRows] = useState(links);
  const [state, setState] = useState<'idle' | 'checking' | 'checked' | 'denied' | 'failed'>('idle');
  const [problem, setProblem] = useState('');
  const check = () => {
    const asked = askExternalAccess(links.map((l) => l.url));
    setState('checking');
    void asked
      .then(async (granted) => {
        if (!granted) return setState('denied');
        setRows(await checkExternalLinks(auditId, start));
        setState('checked');
      })
      .catch((e: unknown) => {
        setProblem(e instanceof Error ? e.message : String(e));
        setState('failed');
      });
  };
  const bad = rows.filter((l) => l.verdict === 'dead' || l.verdict === 'suspected').length;
  return (
    <section id="patrol-external" data-state={state}>
      {state !== 'checked' && <h2>{t('patrolExternal', String(rows.length))}</h2>}
      <ul class="external-links">
        {rows.map((l) => (
          <li key={l.url} data-verdict={l.verdict}>
            {t(`siteLinkVerdict_${l.verdict.replace(/-/g, '_')}` as 'siteLinkVerdict_ok')} {l.status || ''} {l.url}
          </li>
        ))}
      </ul>
      {state === 'checked' && <p role="status">{t('patrolExternalChecked', [String(rows.length), String(bad)])}</p>}
      {state === 'denied' && <p role="status">{t('patrolExternalDenied')}</p>}
      {state === 'failed' && (
        <p class="problem" role="alert">
          {t('patrolFailed', problem)}
        </p>
      )}
      {state !== 'checked' && (
        <button type="button" id="patrol-check-external" disabled={state === 'checking'} onClick={check}>
          {t('patrolCheckExternal')}
        </button>
      )}
    </section>
  );
}

/** A labelled number input that hands on only values within [min, max] (an empty or invalid entry counts as min). */
function NumberField(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: number;
  disabled: boolean;
  onChange: (value: number) => void;
}) {
  const { id, label, value, min, max, step, disabled, onChange } = props;
  return (
    <label>
      {label}{' '}
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        onInput={(e) => {
          const entered = Number((e.target as HTMLInputElement).value) || min;
          onChange(Math.min(max ?? Number.POSITIVE_INFINITY, Math.max(min, entered)));
        }}
      />
    </label>
  );
}
