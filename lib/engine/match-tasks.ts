/**
 * Ranks the active plan's tasks for the column in front of the inspector, with a score and reasons a person can read;
 * nothing when nothing governs the column (a wrong task is worse than none). A pin set by the user wins.
 *
 * How (README, "How matching works"): the whole location is read nearest first (ColumnName meta, breadcrumb from its
 * end, title, URL folders). Each segment is read word by word with the domain lexicon (lib/lexicon); containers
 * (首页, 政务公开, 法定主动公开内容 …) and organisation names neither match nor block. The nearest segment that names
 * a concept is the anchor: its topic concepts propose the tasks the plan links to them (lib/lexicon/link-plan.ts),
 * broader concepts also those of the concepts they hold (行政执法公示 → 行政许可, 行政处罚), and the segments above
 * add weight. When the anchor names only concepts that no task governs — 年报, 人事, 领导, 规划计划, news, 通知公告, or a
 * field the plan has no task for — the answer is "no task" and the parents are not consulted. When no segment names
 * a concept at all, the column is compared with the plan's own words (task columns, keywords, title; scoreTask).
 * A catalogue of columns (政府信息公开目录, the 基层政务公开 column: `holdsColumns` in the lexicon) names the column only
 * when nothing is nearer; above another segment it holds that column and is read as a container; after a subject in the
 * same name (养老服务信息公开目录) it is that subject's. Below a service area (办事服务, 服务大厅: `holdsServiceItems`) a
 * segment is a service item or a group of items — the subject words inside its name do not decide — unless its head word
 * is a kind of column (交易信息, 通知公告) or it names a concept the area holds (办事指南, 网上办事大厅); the area then is
 * the anchor.
 * When the tasks proposed for the anchor's kind of column all rest on a passing word in their 工作要求 (no task names the
 * kind in its title, its named columns or its element templates: 稳岗就业 against a plan whose only mention of 就业 is
 * a farming task's 农村劳动力转移就业), the answer is marked tentative and says so (noTaskReason) instead of presenting
 * them as the column's tasks.
 */
import { genericColumnLabels } from '../../seeds/policy/index';
import type { MatchedTask, Message } from '../checks/types';
import { message } from '../checks/types';
import type { Plan, Task } from '../plan/model';
import {
  bundledLexicon,
  conceptSourceLabel,
  withAliases,
  type Concept,
  type Lexicon,
  type LexiconAlias,
} from '../lexicon/lexicon';
import { linkPlan, type LinkField, type TaskLink } from '../lexicon/link-plan';
import { scanWords } from '../lexicon/scan-words';
import { normalizeLabel } from '../text/normalize';
import { locationFromText, type LocationSegment } from './column';

export const MATCH_THRESHOLD = 50;

/** Column names that name no subject of disclosure (seeds/policy/generic-column-labels.json, each with its source). */
const GENERIC: ReadonlySet<string> = new Set(genericColumnLabels.map((g) => g.label));

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

interface TaskWords {
  title: string;
  keywords: string[];
  columns: string[];
  about: string;
  pairs: Set<string>;
}
const wordsCache = new WeakMap<Task, TaskWords>();

/** A task's words, normalised once (the matcher runs for every column of a crawl). */
function taskWords(task: Task): TaskWords {
  let words = wordsCache.get(task);
  if (!words) {
    const title = normalizeLabel(task.titleNormalized);
    const keywords = task.keywords.map(normalizeLabel);
    const about = `${title}|${keywords.join('|')}`;
    words = { title, keywords, columns: task.columns.map((c) => normalizeLabel(c.name)), about, pairs: bigrams(about) };
    wordsCache.set(task, words);
  }
  return words;
}

export function scoreTask(task: Task, column: string, pageTitle: string): { score: number; reasons: Message[] } {
  const c = normalizeLabel(column);
  const words = taskWords(task);
  const reasons: Message[] = [];
  let score = 0;
  if (c.length < 2) return { score, reasons };
  const add = (points: number, reason: Message) => {
    if (points > score) score = points;
    reasons.push(reason);
  };
  for (const [i, ref] of task.columns.entries()) {
    const n = words.columns[i]!;
    const shorter = Math.min(n.length, c.length);
    if (n === c || (shorter >= 3 && (c.startsWith(n) || n.startsWith(c))))
      add(100, message('matchReasonColumn', ref.name));
  }
  if (!GENERIC.has(c)) {
    for (const [i, keyword] of task.keywords.entries()) {
      const k = words.keywords[i]!;
      if (k.length < 2) continue;
      if (k === c) add(90, message('matchReasonKeywordExact', keyword));
      else if (c.length >= 3 && k.includes(c)) add(70, message('matchReasonKeyword', keyword));
      else if (k.length >= 3 && c.includes(k)) {
        // 审计结果公开 contains the keyword 结果公开 of a product-quality task: the column's own head (审计) must
        // belong to the task too, or the shared words are only generic.
        const rest = c.replace(k, '');
        if (rest.length <= 1 || words.about.includes(rest)) add(70, message('matchReasonKeyword', keyword));
      }
    }
    const title = words.title;
    // The more of the title the column name covers, the more the task is about it: 依申请公开 in 加强和规范依申请公开工作
    // (a strong sign) versus 政策解读 in a long title about financial-market policy (a weak one).
    if (c.length >= 3 && title.includes(c))
      add(Math.round(40 + 40 * (c.length / title.length)), message('matchReasonTitle', column));
    const own = bigrams(c);
    const theirs = words.pairs;
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

export interface MatchOptions {
  pageTitle?: string;
  pinnedTaskIds?: readonly string[];
  lexicon?: Lexicon;
  /** The county's local column names (options page). */
  aliases?: readonly LexiconAlias[];
}

/** What the matcher read in the location, for the "no task" explanation. */
export interface LocationReading {
  /** The nearest segment that names a concept, and those concepts (containers left out). */
  anchor: { text: string; source: LocationSegment['source']; concepts: Concept[] } | null;
  /** True when the anchor names only kinds of column no task of this plan governs. */
  ungoverned: boolean;
  /**
   * True when tasks are proposed but none names the anchor's kind of column in its title, named columns or element
   * templates (nor prints the column's name): each was found only through a word in its requirements.
   */
  tentative: boolean;
}

export interface LocationMatch extends LocationReading {
  tasks: MatchedTask[];
}

/** Weight of the anchor and of the next concept-naming segments above it. */
const SEGMENT_WEIGHTS = [1, 0.3, 0.1];
/** A task is proposed only when it scores at least this share of the best one. */
const RELATIVE_FLOOR = 0.4;
/** A broader concept proposes the tasks of the concepts it holds at this share. */
const INCLUDED_SHARE = 0.6;
const LINK_REASON: Record<LinkField, string> = {
  column: 'matchReasonLinkColumn',
  title: 'matchReasonLinkTitle',
  template: 'matchReasonLinkTemplate',
  requirements: 'matchReasonLinkRequirements',
};

/**
 * 巢湖市生态环境分局, 包河区人民政府（政府办公室）: the site's owner, not a column kind — an organisation suffix after the
 * last lexicon word (网上办事大厅 ends with a lexicon word, so it is a column).
 */
const ORGANISATION = /(人民政府|政府|办公室|办公厅|委员会|管委会|街道办事处|街道|分局|局|委|镇|乡)$/;
function isOrganisation(key: string, lastWordEnd: number): boolean {
  const bare = key.replace(/\([^()]*\)$/, '');
  return bare.length >= 3 && ORGANISATION.test(bare) && lastWordEnd < [...bare].length;
}

interface NamedSegment {
  segment: LocationSegment;
  /** The concepts the segment names (containers left out), in reading order. */
  concepts: Concept[];
  /** The concept of the segment's head word, when the segment ends with it; null when its head is not a known word. */
  head: Concept | null;
  /** How much each concept speaks for the segment (the head 1, modifiers 0.6; in an enumeration by occurrences). */
  weights: Map<Concept, number>;
  /** Concepts named here through a local column alias. */
  byAlias: Set<Concept>;
}

/** What may follow the head word without changing what the column is about: 信息, 公开, 专栏, 工作, 情况 … */
const HEAD_TAIL = /^[信息公开专栏目工作情况汇总查询列表类()（）"“”]*$/;

/**
 * Reads one segment word by word. The head of a Chinese compound is its last word — 国企招聘 is about 招聘, 教育新闻
 * is news — so a segment that ends with a kind of column plans rarely govern is that kind; form words (公告, 公示,
 * 计划, 公报) name the document, not the subject, and defer to a subject beside them (审计公告, 土地供应计划). In an
 * enumeration (惠民、惠农、惠企) no item is the head; each concept weighs by how often it is named.
 */
function readSegment(lexicon: Lexicon, segment: LocationSegment): NamedSegment | 'organisation' | null {
  if (segment.source === 'url') {
    const id = lexicon.bySlug.get(segment.text.toLowerCase());
    const concept = id ? lexicon.concepts.get(id) : undefined;
    if (!concept || concept.role === 'container') return null;
    return { segment, concepts: [concept], head: concept, weights: new Map([[concept, 1]]), byAlias: new Set() };
  }
  const key = normalizeLabel(segment.text);
  const kept = (id: string) => lexicon.concepts.get(id)!.role !== 'container';
  const hits = scanWords(lexicon, segment.text).filter((h) => h.conceptIds.some(kept));
  if (isOrganisation(key, hits.at(-1)?.end ?? 0)) return 'organisation';
  if (hits.length === 0) return null;
  const conceptOf = (hit: (typeof hits)[number]) => lexicon.concepts.get(hit.conceptIds.find(kept)!)!;
  // 养老服务信息公开目录, 涉农补贴领域基层政务公开标准目录: a catalogue after a subject is that subject's catalogue, so
  // the subject decides and the catalogue defers like a form word.
  const hasSubject = hits.some((h) => !conceptOf(h).form && !conceptOf(h).holdsColumns);
  const formLike = (c: Concept) => c.form === true || (hasSubject && c.holdsColumns === true);
  const concepts = [...new Set(hits.map(conceptOf))].filter((c) => !(hasSubject && c.holdsColumns));
  const byAlias = new Set(hits.filter((h) => lexicon.aliasNames.has(h.word)).map(conceptOf));
  const chars = [...key];
  const subjectHits = hits.filter((h) => !formLike(conceptOf(h)));
  const last = subjectHits.at(-1) ?? hits.at(-1)!;
  const tail = chars.slice(last.end).join('');
  const tailIsForm = hits.filter((h) => h.start >= last.end).every((h) => formLike(conceptOf(h)));
  const tailRest = tail.replace(/[、，,]/g, '');
  let stripped = tailRest;
  for (const h of hits.filter((x) => x.start >= last.end)) stripped = stripped.replace(h.word, '');
  const head = tailIsForm && HEAD_TAIL.test(stripped) ? conceptOf(last) : null;
  const weights = new Map<Concept, number>();
  if (key.includes('、')) {
    const counts = new Map<Concept, number>();
    for (const h of subjectHits) counts.set(conceptOf(h), (counts.get(conceptOf(h)) ?? 0) + 1);
    let most = 1;
    for (const n of counts.values()) if (n > most) most = n;
    for (const c of concepts) weights.set(c, (counts.get(c) ?? 0) / most);
    return { segment, concepts, head: null, weights, byAlias };
  }
  for (const c of concepts) weights.set(c, c === head ? 1 : 0.6);
  return { segment, concepts, head, weights, byAlias };
}

interface Scored {
  task: Task;
  raw: number;
  reasons: Message[];
}

/** Ranks the plan's tasks for a location (nearest segment first). */
export function matchLocation(
  plan: Plan,
  location: readonly LocationSegment[],
  options: MatchOptions = {},
): LocationMatch {
  const pinned = pinnedMatches(plan, options.pinnedTaskIds);
  if (pinned) return { tasks: pinned, anchor: null, ungoverned: false, tentative: false };
  const base = options.lexicon ?? bundledLexicon();
  const links = linkPlan(plan, base);
  const lexicon = withAliases(base, options.aliases);
  const named: NamedSegment[] = [];
  let nearestUnknown: LocationSegment | null = null;
  const reads = location.map((segment) => readSegment(lexicon, segment));
  // 首页 > 服务大厅 > 某类事项 > 某事项: the segments below a service area are its items, not kinds of column.
  const hallAt = reads.findIndex((r, i) => i > 0 && r !== null && r !== 'organisation' && serviceArea(r) !== null);
  for (const [i, segment] of location.entries()) {
    const read = reads[i]!;
    if (read === 'organisation') continue;
    if (i < hallAt && !namesColumnBelowServiceArea(read, serviceArea(reads[hallAt] as NamedSegment)!)) continue;
    // 政府信息公开目录 or the 基层政务公开 column above another segment is the catalogue holding it, not its kind.
    if (read && i > 0 && read.concepts.every((c) => c.holdsColumns)) continue;
    if (read) named.push(read);
    // A container (政务公开, 结果公开 …) neither matches nor blocks: it is no unknown name to compare with the plan.
    else if (!nearestUnknown && segment.source !== 'url' && !onlyContainers(lexicon, segment.text))
      nearestUnknown = segment;
  }
  if (named.length === 0) {
    return {
      tasks: nearestUnknown ? directMatches(plan, nearestUnknown.text, options.pageTitle ?? '') : [],
      anchor: null,
      ungoverned: false,
      tentative: false,
    };
  }
  const scored = new Map<string, Scored>();
  /** Tasks that name the anchor's kind of column in more than their requirements (or print the column's name). */
  const firm = new Set<string>();
  const tasksById = new Map(plan.tasks.map((t) => [t.id, t]));
  const credit = (link: TaskLink, points: number, reasons: Message[]) => {
    const task = tasksById.get(link.taskId);
    if (!task) return;
    const entry = scored.get(task.id) ?? { task, raw: 0, reasons: [] };
    entry.raw += points;
    for (const r of reasons)
      if (entry.reasons.length < 4 && !entry.reasons.some((x) => x.key === r.key && x.args.join() === r.args.join()))
        entry.reasons.push(r);
    scored.set(task.id, entry);
  };
  const linkReason = (link: TaskLink): Message => {
    const best = [...link.evidence].sort((a, b) => order(a.field) - order(b.field))[0]!;
    return message(LINK_REASON[best.field], best.word);
  };
  const propose = (concept: Concept, entry: NamedSegment, weight: number, anchor: boolean): number => {
    let proposed = 0;
    const segment = entry.segment;
    const head = !anchor
      ? message('matchReasonParent', segment.text, concept.label)
      : entry.byAlias.has(concept)
        ? message('matchReasonAlias', segment.text, concept.label)
        : message('matchReasonConcept', segment.text, concept.label, conceptSourceLabel(lexicon, concept));
    for (const link of links.byConcept.get(concept.id) ?? []) {
      credit(link, weight * link.weight, [head, linkReason(link)]);
      if (anchor && beyondRequirements(link)) firm.add(link.taskId);
      proposed++;
    }
    for (const narrowerId of concept.includes ?? []) {
      const narrower = lexicon.concepts.get(narrowerId)!;
      for (const link of links.byConcept.get(narrowerId) ?? []) {
        credit(link, weight * INCLUDED_SHARE * link.weight, [
          head,
          message('matchReasonIncludes', concept.label, narrower.label),
          linkReason(link),
        ]);
        if (anchor && beyondRequirements(link)) firm.add(link.taskId);
        proposed++;
      }
    }
    return proposed;
  };
  const [anchor, ...above] = named;
  const weightIn = (entry: NamedSegment, concept: Concept) => entry.weights.get(concept) ?? 0;
  // The anchor: its topics, unless its head word is a kind of column that plans rarely govern (人事, 新闻, 年报 …);
  // then only a task that makes that kind its subject.
  let proposed = 0;
  if (anchor!.head?.role !== 'outside')
    for (const concept of anchor!.concepts.filter((c) => c.role === 'topic'))
      proposed += propose(concept, anchor!, weightIn(anchor!, concept), true);
  if (proposed === 0)
    for (const concept of anchor!.concepts.filter((c) => c.role === 'outside' && !c.form))
      proposed += propose(concept, anchor!, 1, true);
  if (proposed === 0 && anchor!.concepts.every((c) => c.form))
    for (const concept of anchor!.concepts) proposed += propose(concept, anchor!, 1, true);
  const anchorReading = { text: anchor!.segment.text, source: anchor!.segment.source, concepts: anchor!.concepts };
  if (proposed === 0) return { tasks: [], anchor: anchorReading, ungoverned: true, tentative: false };
  // The column's own name printed in a task's title or named columns: 房地产市场信息 in 房地产市场信息定期发布机制.
  const own = normalizeLabel(anchor!.segment.text);
  if ([...own].length >= 3)
    for (const entry of scored.values()) {
      const t = entry.task;
      if (
        normalizeLabel(t.titleNormalized).includes(own) ||
        t.columns.some((c) => normalizeLabel(c.name).includes(own))
      ) {
        entry.raw += 1;
        entry.reasons.push(message('matchReasonTitle', anchor!.segment.text));
        firm.add(t.id);
      }
    }
  above.slice(0, SEGMENT_WEIGHTS.length - 1).forEach((entry, i) => {
    if (entry.head?.role === 'outside') return;
    for (const concept of entry.concepts.filter((c) => c.role === 'topic'))
      propose(concept, entry, SEGMENT_WEIGHTS[i + 1]! * weightIn(entry, concept), false);
  });
  // Proposals far weaker than the best (a word met only in another task's requirements) are left out.
  let best = Number.NEGATIVE_INFINITY;
  for (const e of scored.values()) if (e.raw > best) best = e.raw;
  const tasks = [...scored.values()]
    .filter((e) => e.raw >= RELATIVE_FLOOR * best)
    .sort((a, b) => b.raw - a.raw || a.task.seq - b.task.seq)
    .map(({ task, raw, reasons }) => ({
      taskId: task.id,
      no: task.no,
      title: task.title,
      score: Math.min(99, Math.round(MATCH_THRESHOLD + 10 * raw)),
      reasons,
    }));
  const tentative = tasks.length > 0 && !tasks.some((m) => firm.has(m.taskId));
  return { tasks, anchor: anchorReading, ungoverned: false, tentative };
}

/** The service area (办事服务, 服务大厅) a segment names, if any. */
function serviceArea(read: NamedSegment): Concept | null {
  return read.concepts.find((c) => c.holdsServiceItems) ?? null;
}

/**
 * Below a service area, a segment still names the column when its head word is a kind of column (交易信息, 通知公告: the
 * head of a compound decides) or it names a concept the area includes (办事指南, 网上办事大厅). Otherwise it is a service
 * item or a group of items — a name ending with what is done (审批, 登记, 注册, 管理) or unknown — whatever subject words
 * it holds (未完成拆迁补偿安置的建设项目转让审批 is a service, not a 建设项目 column).
 */
function namesColumnBelowServiceArea(read: NamedSegment | null, area: Concept): boolean {
  if (!read) return false;
  if (read.head !== null) return true;
  return read.concepts.some((c) => c.holdsServiceItems || (area.includes ?? []).includes(c.id));
}

/** A link that rests on more than a word in the task's requirements: its title, a named column or a template. */
function beyondRequirements(link: TaskLink): boolean {
  return link.evidence.some((e) => e.field !== 'requirements');
}

function order(field: LinkField): number {
  return ['column', 'title', 'template', 'requirements'].indexOf(field);
}

function pinnedMatches(plan: Plan, pinnedTaskIds: readonly string[] | undefined): MatchedTask[] | null {
  if (!pinnedTaskIds || pinnedTaskIds.length === 0) return null;
  return pinnedTaskIds
    .map((id) => plan.tasks.find((t) => t.id === id))
    .filter((t): t is Task => t !== undefined)
    .map((t) => ({ taskId: t.id, no: t.no, title: t.title, score: 1000, reasons: [message('matchReasonPinned')] }));
}

/** The plan's own words against a column the lexicon does not know. */
function directMatches(plan: Plan, column: string, pageTitle: string): MatchedTask[] {
  return plan.tasks
    .map((task) => ({ task, ...scoreTask(task, column, pageTitle) }))
    .filter((m) => m.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.task.seq - b.task.seq)
    .map(({ task, score, reasons }) => ({ taskId: task.id, no: task.no, title: task.title, score, reasons }));
}

/**
 * Ranks the plan's tasks for a column name or a breadcrumb as text (`首页 > 政务公开 > 财政预决算`). A page's whole
 * location (meta, breadcrumb, title, URL) goes through matchLocation.
 */
export function matchTasks(plan: Plan, column: string | null, options: MatchOptions = {}): MatchedTask[] {
  const pinned = pinnedMatches(plan, options.pinnedTaskIds);
  if (pinned) return pinned;
  if (!column) return [];
  return matchLocation(plan, locationFromText(column), options).tasks;
}

/**
 * Why no task governs the location's kind of column, in words a person reads: no task was proposed, or the proposals are
 * tentative (only their requirements mention the kind). Null when a task names it.
 */
export function noTaskReason(match: LocationMatch, location: readonly LocationSegment[]): Message | null {
  if (match.tentative && match.anchor) {
    const kind = match.anchor.concepts.find((c) => !c.form) ?? match.anchor.concepts[0]!;
    return message('matchTentative', match.anchor.text, kind.label);
  }
  if (match.tasks.length > 0) return null;
  if (match.anchor) {
    const kind = match.anchor.concepts.find((c) => !c.form) ?? match.anchor.concepts[0]!;
    return message('matchNoTaskUngoverned', match.anchor.text, kind.label);
  }
  const nearest = location.find((s) => s.source !== 'url');
  if (!nearest) return message('matchNoTaskNone');
  return message(
    onlyContainers(bundledLexicon(), nearest.text) ? 'matchNoTaskContainer' : 'matchNoTaskUnknown',
    nearest.text,
  );
}

/** True when a segment's words are all containers (政务公开, 结果公开, 法定主动公开内容): it only groups columns. */
function onlyContainers(lexicon: Lexicon, text: string): boolean {
  const key = normalizeLabel(text);
  const hits = scanWords(lexicon, text);
  const covered = hits.reduce((n, h) => n + (h.end - h.start), 0);
  return (
    hits.length > 0 &&
    covered === [...key].length &&
    hits.every((h) => h.conceptIds.every((id) => lexicon.concepts.get(id)?.role === 'container'))
  );
}
