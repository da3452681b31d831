/**
 * 政务咨询 messages on a page: each message's 留言时间 and, when answered, its 答复时间 — from a table whose header row
 * names both (one message a row), or from labelled lines in document order (留言时间：… then 答复时间：… before the
 * next message). Labels and the words meaning "not answered yet" come from the indicator set. A message whose answer
 * cell is empty or says 未答复/办理中 is unanswered. Decides nothing about age (site-verdict.ts does).
 */
import { findDate } from '../snapshot/dates';
import { normalizeLabel } from '../text/normalize';
import type { IndicatorSet } from './indicators';
import { collapseSpaces } from '../text/whitespace';

export interface ConsultationMessage {
  title: string;
  asked: string;
  answered: string | null;
  url: string;
}

function cellText(el: Element): string {
  return collapseSpaces(el.textContent ?? '');
}

export function readConsultation(doc: Document, url: string, set: IndicatorSet): ConsultationMessage[] {
  const asked = set.consultation.askedLabels.map(normalizeLabel);
  const answered = set.consultation.answeredLabels.map(normalizeLabel);
  const pending = set.consultation.unansweredWords.map(normalizeLabel);
  const isAsked = (t: string) => asked.some((l) => normalizeLabel(t).replace(/[:：]$/, '') === l);
  const isAnswered = (t: string) => answered.some((l) => normalizeLabel(t).replace(/[:：]$/, '') === l);
  const answerDate = (t: string) => {
    const key = normalizeLabel(t);
    if (!key || pending.some((w) => key.includes(w))) return null;
    return findDate(t)?.date ?? null;
  };
  const out: ConsultationMessage[] = [];
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    const rows = Array.from(table.querySelectorAll('tr'));
    const header = rows[0] ? Array.from(rows[0].querySelectorAll('th, td')).map(cellText) : [];
    const a = header.findIndex(isAsked);
    const b = header.findIndex(isAnswered);
    if (a < 0 || b < 0) continue;
    for (const row of rows.slice(1)) {
      const cells = Array.from(row.querySelectorAll('td, th')).map(cellText);
      const when = findDate(cells[a] ?? '')?.date;
      if (!when) continue;
      const title = cells.find((c, i) => i !== a && i !== b && c.length > 4) ?? '';
      out.push({ title, asked: when, answered: answerDate(cells[b] ?? ''), url });
    }
  }
  if (out.length > 0) return out;
  // Labelled lines: 留言时间：2026-01-02 … 答复时间：2026-01-05 (or 答复状态：未答复, or no answer line at all).
  const text = Array.from(doc.querySelectorAll('body *'))
    .filter((el) => el.children.length === 0)
    .map(cellText)
    .filter(Boolean);
  let current: ConsultationMessage | null = null;
  let lastTitle = '';
  for (const line of text) {
    const m = /^([^:：]{2,8})[:：]\s*(.*)$/.exec(line);
    if (m && isAsked(m[1]!)) {
      const when = findDate(m[2]!)?.date;
      if (current) out.push(current);
      current = when ? { title: lastTitle, asked: when, answered: null, url } : null;
    } else if (m && isAnswered(m[1]!) && current) current.answered = answerDate(m[2]!);
    else if (!m && line.length > 4 && line.length < 80) lastTitle = line;
  }
  if (current) out.push(current);
  return out;
}
