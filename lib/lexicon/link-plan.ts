/**
 * Links any plan's tasks to lexicon concepts from the tasks' own text, so the one lexicon serves every county's plan
 * (bundled or imported): the title, the columns the task names, the element templates its lists refer to, and the
 * 工作要求. Deterministic; every link keeps its evidence (field and word) for the reasons shown to the inspector.
 *
 * Weights: a named column 3, the title 3 (plus up to 1 for how much of the title the word covers: 预决算 in
 * 深入推进预决算公开 says more than 政策解读 in a thirty-character title about financial markets), an element template
 * 2, the requirements 1; each further field that names the concept adds 0.25. `topic` concepts link from any field;
 * `outside` concepts (年报, 人事, news …) only from a named column, from a title that is about them (no topic word in
 * it and the word covering a third of it: 做好政府信息公开工作年度报告), or from the requirements of a task about
 * disclosure work itself (a title with no topic word: 做好主动公开基础工作 → 规范做好…年度报告编制发布工作), form words
 * (公告, 计划, 总结 …) excepted. A passing 计划
 * in a requirement about shantytowns, or 工作动态 at the end of a title about capital-market enforcement, does not make
 * such a column a task's. Containers never link.
 * Does not decide: how a column is read (engine/match-tasks.ts).
 */
import type { Plan, Task } from '../plan/model';
import { normalizeLabel } from '../text/normalize';
import type { Lexicon } from './lexicon';
import { scanNormalized } from './scan-words';

export type LinkField = 'column' | 'title' | 'template' | 'requirements';

export interface LinkEvidence {
  field: LinkField;
  /** The word or template id that links. */
  word: string;
}

export interface TaskLink {
  taskId: string;
  conceptId: string;
  weight: number;
  evidence: LinkEvidence[];
}

export interface PlanLinks {
  /** Concept id → links, strongest first (ties in plan order). */
  byConcept: ReadonlyMap<string, readonly TaskLink[]>;
  /** Task id → links. */
  byTask: ReadonlyMap<string, readonly TaskLink[]>;
}

const FIELD_WEIGHT: Record<LinkField, number> = { column: 3, title: 3, template: 2, requirements: 1 };

function linkTask(lexicon: Lexicon, task: Task): TaskLink[] {
  const found = new Map<string, { best: number; fields: Set<LinkField>; evidence: LinkEvidence[] }>();
  const note = (conceptId: string, field: LinkField, word: string, weight: number) => {
    const concept = lexicon.concepts.get(conceptId);
    if (!concept || concept.role === 'container') return;
    if (concept.role === 'outside' && field === 'template') return;
    const entry = found.get(conceptId) ?? { best: 0, fields: new Set<LinkField>(), evidence: [] };
    entry.best = Math.max(entry.best, weight);
    if (!entry.evidence.some((e) => e.field === field && e.word === word)) entry.evidence.push({ field, word });
    entry.fields.add(field);
    found.set(conceptId, entry);
  };
  const title = normalizeLabel(task.titleNormalized);
  const titleLength = Math.max(1, [...title].length);
  const titleHits = scanNormalized(lexicon, title);
  const titleHasTopic = titleHits.some((h) => h.conceptIds.some((id) => lexicon.concepts.get(id)?.role === 'topic'));
  for (const hit of titleHits)
    for (const id of hit.conceptIds) {
      const cover = (hit.end - hit.start) / titleLength;
      if (lexicon.concepts.get(id)?.role === 'outside' && (titleHasTopic || cover < 1 / 3)) continue;
      note(id, 'title', hit.word, 3 + cover);
    }
  for (const ref of task.columns)
    for (const hit of scanNormalized(lexicon, normalizeLabel(ref.name)))
      for (const id of hit.conceptIds) note(id, 'column', hit.word, FIELD_WEIGHT.column);
  const templates = new Set(task.elements.map((e) => e.template));
  for (const concept of lexicon.concepts.values())
    for (const t of concept.templates ?? [])
      if (templates.has(t)) note(concept.id, 'template', t, FIELD_WEIGHT.template);
  for (const hit of scanNormalized(lexicon, normalizeLabel(task.requirements)))
    for (const id of hit.conceptIds) {
      const concept = lexicon.concepts.get(id);
      if (concept?.role === 'outside' && (titleHasTopic || concept.form)) continue;
      note(id, 'requirements', hit.word, FIELD_WEIGHT.requirements);
    }
  return [...found.entries()].map(([conceptId, e]) => ({
    taskId: task.id,
    conceptId,
    weight: e.best + 0.25 * (e.fields.size - 1),
    evidence: e.evidence,
  }));
}

const cache = new WeakMap<Plan, WeakMap<Lexicon, PlanLinks>>();

/** The plan's task–concept links (computed once per plan and lexicon). */
export function linkPlan(plan: Plan, lexicon: Lexicon): PlanLinks {
  const perPlan = cache.get(plan) ?? new WeakMap<Lexicon, PlanLinks>();
  cache.set(plan, perPlan);
  const hit = perPlan.get(lexicon);
  if (hit) return hit;
  const byConcept = new Map<string, TaskLink[]>();
  const byTask = new Map<string, TaskLink[]>();
  for (const task of plan.tasks) {
    const links = linkTask(lexicon, task);
    byTask.set(task.id, links);
    for (const link of links) {
      const list = byConcept.get(link.conceptId) ?? [];
      list.push(link);
      byConcept.set(link.conceptId, list);
    }
  }
  const seq = new Map(plan.tasks.map((t) => [t.id, t.seq]));
  for (const list of byConcept.values())
    list.sort((a, b) => b.weight - a.weight || (seq.get(a.taskId) ?? 0) - (seq.get(b.taskId) ?? 0));
  const links: PlanLinks = { byConcept, byTask };
  perPlan.set(lexicon, links);
  return links;
}
