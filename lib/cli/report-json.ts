/**
 * The command line's stable JSON shapes (documented in the README; fields may be added, never renamed):
 * match → `{query, normalized, matches: [{taskId, no, title, score, reasons}]}`;
 * check → `{source, url, column: {name, source, path}, pageKind, tasks, results: [{checkId, templateId?, status,
 * elements?: [{id, name, status, value?, locator?}], message, messageKey, messageArgs}], truncation: [{part, kept,
 * message}], unread: {frames, shadowRoots}}` (truncation: the parts of a page too large to read whole; unread: the
 * frames' src and shadow hosts whose content was not read).
 */
import type { CheckResult, MatchedTask } from '../checks/types';
import { truncationMessages } from '../engine/truncation-messages';
import type { PageReport } from '../engine/inspect-page';
import { formatIn, type Language } from '../i18n-catalog';
import type { Locator } from '../snapshot/types';

export interface MatchJson {
  taskId: string;
  no: string;
  title: string;
  score: number;
  reasons: string[];
}

export function matchJson(matches: MatchedTask[], lang: Language): MatchJson[] {
  return matches.map((m) => ({
    taskId: m.taskId,
    no: m.no,
    title: m.title,
    score: m.score,
    reasons: m.reasons.map((r) => formatIn(lang, r)),
  }));
}

export interface ResultJson {
  checkId: string;
  templateId?: string;
  status: CheckResult['status'];
  elements?: Array<{ id: string; name: string; status: string; value?: string; locator?: Locator }>;
  message: string;
  messageKey: string;
  messageArgs: string[];
  details?: string[];
}

export function resultJson(result: CheckResult, lang: Language): ResultJson {
  return {
    checkId: result.checkId,
    ...(result.templateId ? { templateId: result.templateId } : {}),
    status: result.status,
    ...(result.elements
      ? {
          elements: result.elements.map((e) => ({
            id: e.id,
            name: e.name,
            status: e.status,
            ...(e.value !== undefined ? { value: e.value } : {}),
            ...(e.locator ? { locator: e.locator } : {}),
          })),
        }
      : {}),
    message: formatIn(lang, result.message),
    messageKey: result.message.key,
    messageArgs: result.message.args,
    ...(result.details ? { details: result.details.map((d) => formatIn(lang, d)) } : {}),
  };
}

export function checkJson(source: string, report: PageReport, lang: Language) {
  return {
    source,
    url: report.url,
    title: report.title,
    column: { name: report.column.name, source: report.column.source, path: report.column.path },
    pageKind: report.pageKind,
    tasks: matchJson(report.tasks, lang),
    results: report.results.map((r) => resultJson(r, lang)),
    /** Parts of the page too large to read whole: what was kept, and the sentence that says so. */
    truncation: (report.truncation ?? []).map((t, i) => ({
      ...t,
      message: formatIn(lang, truncationMessages(report.truncation)[i]!),
    })),
    /** Parts of the page not read at all: frames (the command line never loads them) and shadow roots past the cap. */
    unread: { frames: report.unread?.frames ?? [], shadowRoots: report.unread?.shadowRoots ?? [] },
  };
}
