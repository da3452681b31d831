/**
 * The audit's findings, filtered (task, unit, page, status, has-note, has-screenshot) and searched, in a virtualised list:
 * only the rows in view (and a few around them) are read from IndexedDB and drawn, so a long audit opens at once.
 * A row opens the finding's detail view (FindingDetail); back from it, the list is as it was left.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CheckStatus } from '@/lib/checks/types';
import { t, tm, type MessageKey } from '@/lib/i18n';
import type { Plan } from '@/lib/plan/model';
import { listPages } from '@/lib/storage/findings';
import { queryFindings, type FindingFilter } from '@/lib/storage/findings-query';
import { filteredFindingIds } from '@/lib/panel/storage-actions';
import { useLiveQuery } from '@/lib/panel/use-live-query';
import { Checkbox } from './Checkbox';
import { LiveFailure } from './Live';
import { toSimplified } from '@/lib/text/normalize';
import { ExportPanel } from './ExportPanel';
import { PageText } from './PageText';
import { FindingDetail } from './FindingDetail';
import { StatusBadge } from './StatusBadge';

const ROW = 58;
const VIEW = 520;
const OVERSCAN = 10;
const STATUSES: CheckStatus[] = ['fail', 'needs-review', 'pass', 'not-applicable'];

export function FindingsList({
  auditId,
  auditName,
  plan,
  initialTaskId,
}: {
  auditId: string;
  auditName: string;
  plan: Plan;
  initialTaskId?: string;
}) {
  const [taskId, setTaskId] = useState(initialTaskId ?? '');
  const [unit, setUnit] = useState('');
  const [statuses, setStatuses] = useState<CheckStatus[]>([]);
  const [pageId, setPageId] = useState('');
  const [hasNote, setHasNote] = useState(false);
  const [hasShot, setHasShot] = useState(false);
  const [text, setText] = useState('');
  const [scroll, setScroll] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => setTaskId(initialTaskId ?? ''), [initialTaskId]);
  // The page filter's choices are read when the user opens it, not on first render (an audit may have thousands).
  const [wantPages, setWantPages] = useState(false);
  const pagesLive = useLiveQuery(wantPages ? (db) => listPages(db, auditId) : null, [auditId, wantPages]);
  const pages = pagesLive.state === 'ready' ? pagesLive.value : [];

  const units = useMemo(
    () =>
      [...new Set(plan.tasks.flatMap((x) => [...x.lead.units, ...x.responsible.units]))].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    [plan],
  );
  const filter: FindingFilter = {
    ...(taskId ? { taskId } : {}),
    ...(unit ? { unit } : {}),
    ...(pageId ? { pageId } : {}),
    ...(statuses.length ? { statuses } : {}),
    ...(hasNote ? { hasNote: true } : {}),
    ...(hasShot ? { hasScreenshot: true } : {}),
    ...(text.trim() ? { text } : {}),
  };
  const first = Math.max(0, Math.floor(scroll / ROW) - OVERSCAN);
  const count = Math.ceil(VIEW / ROW) + 2 * OVERSCAN;
  const key = JSON.stringify(filter);

  // The filter is keyed by its JSON. A failed read is shown as a failure, never as an empty audit.
  const rows = useLiveQuery(
    (db) => queryFindings(db, auditId, { filter, plan, offset: first, limit: count }),
    [auditId, plan, key, first, count],
  );
  const page = rows.state === 'ready' ? rows.value : null;
  useEffect(() => {
    box.current?.scrollTo({ top: 0 });
    setScroll(0);
  }, [key]);

  if (opened) return <FindingDetail findingId={opened} plan={plan} onClose={() => setOpened(null)} />;
  return (
    <section aria-labelledby="list-h" data-field="findings" data-total={page?.total ?? ''}>
      <h2 id="list-h">{page ? t('findingsTitle', String(page.total)) : t('findingsTitleUnknown')}</h2>
      {rows.state === 'failed' && <LiveFailure error={rows.error} />}
      {pagesLive.state === 'failed' && <LiveFailure error={pagesLive.error} />}
      <div class="filters">
        <select
          aria-label={t('filterTask')}
          value={taskId}
          onChange={(e) => setTaskId((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('filterAllTasks')}</option>
          {plan.tasks.map((x) => (
            <option key={x.id} value={x.id}>
              {x.no}. {toSimplified(x.title).slice(0, 24)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterUnit')}
          value={unit}
          onChange={(e) => setUnit((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('filterAllUnits')}</option>
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterPage')}
          value={pageId}
          onFocus={() => setWantPages(true)}
          onMouseDown={() => setWantPages(true)}
          onChange={(e) => setPageId((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('filterAllPages')}</option>
          {pages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title || p.url}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label={t('filterSearch')}
          placeholder={t('filterSearch')}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
        <span class="row">
          {STATUSES.map((s) => (
            <Checkbox
              key={s}
              label={t(`status_${s.replace(/-/g, '_')}` as MessageKey)}
              checked={statuses.includes(s)}
              onChange={(on) => setStatuses(on ? [...statuses, s] : statuses.filter((x) => x !== s))}
            />
          ))}
          <Checkbox label={t('filterHasNote')} checked={hasNote} onChange={setHasNote} />
          <Checkbox label={t('filterHasScreenshot')} checked={hasShot} onChange={setHasShot} />
        </span>
      </div>
      <ExportPanel
        auditId={auditId}
        auditName={auditName}
        filteredIds={() => filteredFindingIds(auditId, filter, plan)}
      />
      <div
        class="vlist"
        role="region"
        ref={box}
        style={{ height: `${VIEW}px` }}
        onScroll={(e) => setScroll((e.currentTarget as HTMLDivElement).scrollTop)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
        tabIndex={0}
        aria-label={t('findingsTitle', String(page?.total ?? 0))}
      >
        <div style={{ height: `${(page?.total ?? 0) * ROW}px`, position: 'relative' }}>
          {page?.rows.map((f, i) => (
            <div
              key={f.id}
              class="vrow"
              style={{ top: `${(page.offset + i) * ROW}px`, height: `${ROW}px` }}
              data-finding={f.id}
              data-status={f.status}
            >
              <button
                type="button"
                class="vrow-open"
                data-action="open-finding"
                title={t('findingOpen')}
                onClick={() => setOpened(f.id)}
              >
                <StatusBadge status={f.status} /> <span class="vrow-task">{taskLabel(plan, f.taskId)}</span>
                <span class="vrow-text">{f.message ? tm(f.message) : f.note || f.itemId}</span>
                <span class="hint vrow-url">
                  <PageText text={f.title || f.url} />
                  {f.note && ` · ${t('filterHasNote')}`}
                  {f.screenshotIds.length > 0 && ` · ${t('filterHasScreenshot')}`}
                </span>
              </button>
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

function taskLabel(plan: Plan, taskId: string | null): string {
  if (!taskId) return '—';
  const task = plan.tasks.find((x) => x.id === taskId);
  return task ? `${task.no}. ${toSimplified(task.title).slice(0, 16)}` : t('findingTaskOutsidePlan');
}
