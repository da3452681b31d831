/**
 * The manual checklist of the matched tasks: each clause of the plan's wording a person can tick on this page.
 * Answers are kept per page and clause; the row takes P / F / N / U from the keyboard when focused.
 */
import type { Task } from '@/lib/plan/model';
import { t } from '@/lib/i18n';
import type { Finding, Verdict } from '@/lib/storage/types';
import type { FindingWriteResult } from '@/lib/storage/findings';
import { verdictForKey, VerdictControls } from './VerdictControls';

export interface ManualChecklistProps {
  tasks: Task[];
  answers: Finding[];
  onAnswer: (
    task: Task,
    clauseId: string,
    verdict: Verdict | null,
    note: string | undefined,
    expectedRev: number | undefined,
  ) => Promise<FindingWriteResult>;
}

export function ManualChecklist({ tasks, answers, onAnswer }: ManualChecklistProps) {
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="manual-h">
      <h2 id="manual-h">{t('sectionManual')}</h2>
      {tasks.map((task) => (
        <div key={task.id} class="manual-task" data-manual-task={task.no}>
          <p class="task-title">
            <strong>{task.no}.</strong> {task.title}
          </p>
          <ol class="clauses">
            {task.clauses.map((clause) => {
              const answer = answers.find((a) => a.itemId === clause.id);
              return (
                <li
                  key={clause.id}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a focused clause takes its verdict by key (y, n, …)
                  tabIndex={0}
                  data-clause={clause.id}
                  data-verdict={answer?.verdict ?? ''}
                  onKeyDown={(e) => {
                    const v = verdictForKey(e as unknown as KeyboardEvent);
                    if (!v) return;
                    e.preventDefault();
                    void onAnswer(task, clause.id, v, undefined, answer?.rev);
                  }}
                >
                  <p class="clause">{clause.text}</p>
                  <VerdictControls
                    name={clause.text.slice(0, 20)}
                    verdict={answer?.verdict ?? null}
                    note={answer?.note ?? ''}
                    onSave={(v, n) => onAnswer(task, clause.id, v, n, answer?.rev)}
                  />
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}
