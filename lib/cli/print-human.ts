/** The command line's human-readable output: the column (a URL folder's column by its name in the language, as the
 * panel shows it: policy-names.ts), the tasks with their units, each check and its elements. */
import type { CheckStatus, MatchedTask } from '../checks/types';
import type { PageReport } from '../engine/inspect-page';
import { formatIn, type Language } from '../i18n-catalog';
import { columnNameIn } from '../policy-names';
import type { Plan } from '../plan/model';
import type { DecodedText } from '../text/decode-bytes';
import { truncationMessages } from '../engine/truncation-messages';
import { hasBidiControls, revealBidiControls } from '../text/bidi';

function flagBidi(lang: Language, text: string): string {
  return hasBidiControls(text) ? `  (${word(lang, 'evidenceBidiControls')})` : '';
}

const MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✗', 'needs-review': '?', 'not-applicable': '-' };

function word(lang: Language, key: string, ...args: string[]): string {
  return formatIn(lang, { key, args });
}

function printTasks(out: (s: string) => void, plan: Plan, tasks: MatchedTask[], lang: Language): void {
  if (tasks.length === 0) {
    out(`  ${word(lang, 'tasksNone')}`);
    return;
  }
  for (const m of tasks) {
    const task = plan.tasks.find((t) => t.id === m.taskId);
    out(`  ${m.no}. ${m.title}  (${word(lang, 'taskScore', String(m.score))})`);
    if (task) {
      out(`     ${word(lang, 'taskLead')}: ${task.lead.units.join('、') || word(lang, 'taskUnitsNone')}`);
      out(`     ${word(lang, 'taskResponsible')}: ${task.responsible.units.join('、') || word(lang, 'taskUnitsNone')}`);
    }
    out(`     ${m.reasons.map((r) => formatIn(lang, r)).join('；')}`);
  }
}

export function printMatch(
  out: (s: string) => void,
  plan: Plan,
  query: string,
  column: string,
  tasks: MatchedTask[],
  lang: Language,
): void {
  out(`${word(lang, 'sectionColumn')}: ${column}${column !== query ? `  (${query})` : ''}`);
  out(`${word(lang, 'sectionTasks')}:`);
  printTasks(out, plan, tasks, lang);
}

export function printCheck(
  out: (s: string) => void,
  plan: Plan,
  source: string,
  decoding: Omit<DecodedText, 'text'>,
  report: PageReport,
  lang: Language,
): void {
  out(`== ${source}`);
  // Page text reaches a terminal: direction controls are spelled out ([U+202E]) and flagged, never drawn.
  out(
    `${word(lang, 'fieldTitle')}: ${revealBidiControls(report.title)}  [${decoding.charset}]${flagBidi(lang, report.title)}`,
  );
  out(`${word(lang, 'fieldDecoding')}: ${describeDecoding(decoding, lang)}`);
  out(
    `${word(lang, 'sectionColumn')}: ${revealBidiControls(columnNameIn(report.column, lang) ?? word(lang, 'columnUnknown'))} — ${word(lang, `columnSource_${report.column.source}`)}${report.column.path.length ? `  (${revealBidiControls(report.column.path.join(' > '))})` : ''}`,
  );
  out(`${word(lang, 'fieldPageKind')}: ${word(lang, `pageKind_${report.pageKind}`)}`);
  for (const notice of truncationMessages(report.truncation)) out(`! ${formatIn(lang, notice)}`);
  // Frames are never loaded by the command line, and a shadow root past the cap is not read: said, never skipped.
  for (const src of report.unread?.frames ?? [])
    out(`! ${formatIn(lang, { key: 'cliFrameUnread', args: [revealBidiControls(src)] })}`);
  for (const host of report.unread?.shadowRoots ?? [])
    out(`! ${formatIn(lang, { key: 'shadowRootsUnread', args: [revealBidiControls(host)] })}`);
  out(`${word(lang, 'sectionTasks')}:`);
  printTasks(out, plan, report.tasks, lang);
  out(`${word(lang, 'sectionChecks')}:`);
  for (const r of report.results) {
    out(
      `  ${MARK[r.status]} ${word(lang, `status_${r.status.replace(/-/g, '_')}`)}  ${r.checkId}${r.templateId ? `/${r.templateId}` : ''}  ${revealBidiControls(formatIn(lang, r.message))}`,
    );
    for (const d of r.details ?? []) out(`      · ${revealBidiControls(formatIn(lang, d))}`);
    if (r.status === 'fail' || r.status === 'needs-review') {
      for (const e of r.elements ?? []) {
        if (e.status !== 'present' || e.kindProblem)
          out(
            `      ${word(lang, `element_${e.status}`)}: ${e.name}${e.kindProblem ? ` — ${revealBidiControls(formatIn(lang, e.kindProblem))}` : ''}`,
          );
      }
    }
  }
  out('');
}

/** Which encoding was used and why, e.g. "UTF-8 (declared in a meta tag; 9 byte sequences … shown as �)". */
export function describeDecoding(decoding: Omit<DecodedText, 'text'>, lang: Language): string {
  const why = [
    decoding.overruled
      ? word(lang, 'decodingOverruled', decoding.overruled, decoding.charset)
      : word(lang, `decodingSource_${decoding.source}`),
    ...(decoding.invalid > 0 ? [word(lang, 'decodingInvalid', String(decoding.invalid))] : []),
  ];
  return lang === 'en' ? `${decoding.charset} (${why.join('; ')})` : `${decoding.charset}（${why.join('；')}）`;
}
