/**
 * Ranks the active plan's tasks for a column (and, as a tie-breaker, the page title), with a score and the reasons a
 * person can read. Returns nothing when nothing fits: a wrong task is worse than none. A pin set by the user for the
 * site's column overrides the matcher.
 *
 * Scores (names compared through the one normaliser): the task names this very column (100); a task keyword is the
 * column name (90) or contains/is contained in it (70); the task title contains the column name (40–80, by how much
 * of the title it covers); most of the
 * column name's character pairs occur in the task's title and keywords (up to 30). Generic news columns (工作动态,
 * 通知公告 …) only match tasks that name them. The page title adds 20 to a task that already scores.
 */
import type { MatchedTask, Message } from '../checks/types';
import { message } from '../checks/types';
import type { Plan, Task } from '../plan/model';
import { normalizeLabel } from '../text/normalize';

export const MATCH_THRESHOLD = 50;

const GENERIC =
  /^(工作动态|通知公告|新闻动态|政务动态|部门动态|乡镇动态|图片新闻|要闻|新闻中心|政务公开|信息公开|首页|其他|公示公告|最新信息|热点|专题专栏)$/;

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function scoreTask(task: Task, column: string, pageTitle: string): { score: number; reasons: Message[] } {
  const c = normalizeLabel(column);
  const reasons: Message[] = [];
  let score = 0;
  if (c.length < 2) return { score, reasons };
  const add = (points: number, reason: Message) => {
    if (points > score) score = points;
    reasons.push(reason);
  };
  for (const ref of task.columns) {
    const n = normalizeLabel(ref.name);
    const shorter = Math.min(n.length, c.length);
    if (n === c || (shorter >= 3 && (c.startsWith(n) || n.startsWith(c))))
      add(100, message('matchReasonColumn', ref.name));
  }
  if (!GENERIC.test(c)) {
    for (const keyword of task.keywords) {
      const k = normalizeLabel(keyword);
      if (k.length < 2) continue;
      if (k === c) add(90, message('matchReasonKeywordExact', keyword));
      else if (c.length >= 3 && k.includes(c)) add(70, message('matchReasonKeyword', keyword));
      else if (k.length >= 3 && c.includes(k)) {
        // 审计结果公开 contains the keyword 结果公开 of a product-quality task: the column's own head (审计) must
        // belong to the task too, or the shared words are only generic.
        const rest = c.replace(k, '');
        const about = normalizeLabel(task.titleNormalized) + '|' + task.keywords.map(normalizeLabel).join('|');
        if (rest.length <= 1 || about.includes(rest)) add(70, message('matchReasonKeyword', keyword));
      }
    }
    const title = normalizeLabel(task.titleNormalized);
    // The more of the title the column name covers, the more the task is about it: 依申请公开 in 加强和规范依申请公开工作
    // (a strong sign) versus 政策解读 in a long title about financial-market policy (a weak one).
    if (c.length >= 3 && title.includes(c))
      add(Math.round(40 + 40 * (c.length / title.length)), message('matchReasonTitle', column));
    const own = bigrams(c);
    const theirs = bigrams(title + '|' + task.keywords.map(normalizeLabel).join('|'));
    const shared = [...own].filter((b) => theirs.has(b)).length;
    const coverage = own.size > 0 ? shared / own.size : 0;
    if (coverage >= 0.75) add(Math.round(30 * coverage), message('matchReasonSimilar', Math.round(coverage * 100)));
  }
  if (score > 0 && pageTitle) {
    const t = normalizeLabel(pageTitle);
    const hit = task.keywords.find((k) => normalizeLabel(k).length >= 4 && t.includes(normalizeLabel(k)));
    if (hit) {
      score += 20;
      reasons.push(message('matchReasonPageTitle', hit));
    }
  }
  return { score, reasons };
}

export function matchTasks(
  plan: Plan,
  column: string | null,
  options: { pageTitle?: string; pinnedTaskIds?: readonly string[] } = {},
): MatchedTask[] {
  if (options.pinnedTaskIds && options.pinnedTaskIds.length > 0) {
    return options.pinnedTaskIds
      .map((id) => plan.tasks.find((t) => t.id === id))
      .filter((t): t is Task => t !== undefined)
      .map((t) => ({ taskId: t.id, no: t.no, title: t.title, score: 1000, reasons: [message('matchReasonPinned')] }));
  }
  if (!column) return [];
  return plan.tasks
    .map((task) => ({ task, ...scoreTask(task, column, options.pageTitle ?? '') }))
    .filter((m) => m.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.task.seq - b.task.seq)
    .map(({ task, score, reasons }) => ({ taskId: task.id, no: task.no, title: task.title, score, reasons }));
}
