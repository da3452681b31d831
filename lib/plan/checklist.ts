/**
 * The manual checklist of a task: its 工作要求 split into sentences a person can tick (on 。；; ！？, keeping the mark,
 * never inside parentheses), text kept as published. A task without 工作要求 gets one item: its title.
 *
 * Does not decide: whether an item is met (the inspector does), nor which items a check automates.
 */
import type { ChecklistItem } from './model';

const ENDS = new Set(['。', '；', ';', '！', '!', '？', '?']);
const OPEN = new Set(['(', '（', '“', '「', '[', '【']);
const CLOSE = new Set([')', '）', '”', '」', ']', '】']);

/** Sentences of `text`, each trimmed, the closing mark kept. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    current += c;
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c) && depth > 0) depth--;
    else if (depth === 0 && (ENDS.has(c) || c === '\n')) {
      const s = current.trim();
      if (s.length > 0) out.push(s);
      current = '';
    }
  }
  const last = current.trim();
  if (last.length > 0) out.push(last);
  // A fragment of punctuation only (a lone closing mark) belongs to the sentence before it.
  const merged: string[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && !/[\p{L}\p{N}]/u.test(s)) merged[merged.length - 1] = prev + s;
    else merged.push(s);
  }
  return merged;
}

export function buildChecklist(taskId: string, title: string, requirements: string): ChecklistItem[] {
  const sentences = splitSentences(requirements);
  if (sentences.length === 0) return [{ id: `${taskId}/c1`, text: title, source: 'title' }];
  return sentences.map((text, i) => ({ id: `${taskId}/c${i + 1}`, text, source: 'requirements' as const }));
}
