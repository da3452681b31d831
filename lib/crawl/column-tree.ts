/**
 * The column tree of a patrolled site: every list page found is a column (its later pages — index_1.html, ?page=2 —
 * add to it), named as the engine names columns (ColumnName meta, breadcrumb, title, URL; the link text that led to it
 * when nothing else tells), placed in its breadcrumb path, with its newest dated item, item count and kind (from the
 * indicator set). Its status, decided at the end against `now`:
 *   unknown          no items and the list is built by a script (needs a browser; never called blank)
 *   blank            no items; blank-explained when the page says why (备注说明 …, phrases from the indicator set)
 *   undated          items, none dated (items without dates count as not updated)
 *   stale / fresh    newest date against the strictest rule: the kind's limit and the matched plan tasks' periods; a
 *                    column of no kind with no plan period, against the indicator set's default rule (`isDefault`)
 *   no-rule          dated items but no rule applies (a kind judged otherwise — 办事指南, 政务咨询 — or no default)
 * Only the main list of a page counts (the group with most items), so a sidebar's 最新动态 does not make a column fresh.
 */
import type { MatchedTask } from '../checks/types';
import { daysBetween } from '../checks/column-freshness';
import type { Plan } from '../plan/model';
import type { PageSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import { type ColumnKindRule, columnKind, type IndicatorSet } from './indicators';
import { nationalRuleName, planRuleName } from '../policy-names';
import { collapseSpaces } from '../text/whitespace';
import type { ColumnStatus } from './patrol-records';

export type { ColumnStatus } from './patrol-records';

export interface ColumnRule {
  maxDays: number;
  label: string;
  /** The indicator set's default (no kind's limit, no plan period): said wherever the rule is shown. */
  isDefault?: true;
}

export interface ColumnRecord {
  url: string;
  name: string;
  nameSource: string;
  path: string[];
  kind: string | null;
  kindLabel: string | null;
  latest: string | null;
  latestTitle: string | null;
  items: number;
  undatedItems: number;
  pages: number;
  explanation: string | null;
  scriptBuilt: boolean;
  taskIds: string[];
  rule: ColumnRule | null;
  status: ColumnStatus;
  ageDays: number | null;
}

export interface ListedItem {
  title: string;
  href: string;
  date: string | null;
}

export interface ListReading {
  /** Items of the page's main list. */
  items: ListedItem[];
  explanation: string | null;
  scriptBuilt: boolean;
  /** The first items' addresses: the same list reached by two URLs (/dir/ and /dir/index.html) is one list. */
  fingerprint: string;
}

/** The page's main list, whether it is built by a script, and a printed explanation when it is empty. */
export function readList(snapshot: PageSnapshot, doc: Document, set: IndicatorSet): ListReading {
  const sizes = new Map<number, number>();
  for (const item of snapshot.listItems) sizes.set(item.list, (sizes.get(item.list) ?? 0) + 1);
  let main = -1;
  for (const [list, size] of sizes) if (main < 0 || size > (sizes.get(main) ?? 0)) main = list;
  let items: ListedItem[] = snapshot.listItems.filter((i) => i.list === main);
  // The snapshot counts a group of links as a list only when one of them is dated; a list with no date at all is
  // still a list (its items count as not updated): rows linking below the page's own folder.
  if (items.length === 0) items = undatedItems(doc, snapshot.url);
  let explanation: string | null = null;
  let scriptBuilt = false;
  if (items.length === 0) {
    const body = (doc.body?.textContent ?? '').replace(/\s+/g, ' ');
    for (const phrase of set.blankExplained.phrases) {
      const at = body.indexOf(phrase);
      if (at >= 0) {
        explanation = body.slice(at, at + 80).trim();
        break;
      }
    }
    for (const script of Array.from(doc.querySelectorAll('script'))) {
      const code = script.textContent ?? '';
      if (set.scriptBuiltList.patterns.some((p) => code.includes(p))) {
        scriptBuilt = true;
        break;
      }
    }
  }
  const fingerprint = items
    .slice(0, 5)
    .map((i) => i.href)
    .join('|');
  return { items, explanation, scriptBuilt, fingerprint };
}

/** Rows (li, tr, dd) of one parent, each with one link to a page below the list page's folder: ≥ 2 of them. */
function undatedItems(doc: Document, pageUrl: string): ListedItem[] {
  let folder: string;
  try {
    folder = new URL('.', pageUrl).href;
  } catch {
    return [];
  }
  const groups = new Map<Element, ListedItem[]>();
  for (const a of Array.from(doc.querySelectorAll('li a[href], tr a[href], dd a[href]'))) {
    const row = a.closest('li, tr, dd');
    const parent = row?.parentElement;
    if (!row || !parent || row.querySelectorAll('a[href]').length !== 1) continue;
    let href: string;
    try {
      href = new URL(a.getAttribute('href') ?? '', pageUrl).href;
    } catch {
      continue;
    }
    if (
      !href.startsWith(folder) ||
      href === pageUrl ||
      href.endsWith('/') ||
      /\/(index|default)(_\d+)?\.s?html?$/i.test(href)
    )
      continue;
    const title = collapseSpaces(a.textContent ?? '');
    if (title.replace(/\s/g, '').length < 4) continue;
    const group = groups.get(parent) ?? [];
    group.push({ title, href, date: null });
    groups.set(parent, group);
  }
  let best: ListedItem[] = [];
  for (const group of groups.values()) if (group.length >= 2 && group.length > best.length) best = group;
  return best;
}

/** The tree as plain data, to pause a patrol and go on later. */
export interface ColumnTreeState {
  columns: ColumnRecord[];
  byContent: Array<[string, string]>;
  pagesSeen: Array<[string, string[]]>;
}

export class ColumnTree {
  private readonly columns = new Map<string, ColumnRecord>();
  /** name + first page's fingerprint → column URL; per column, the fingerprints of its pages already counted. */
  private readonly byContent = new Map<string, string>();
  private readonly pagesSeen = new Map<string, Set<string>>();

  constructor(
    private readonly set: IndicatorSet,
    private readonly plan: Plan | null,
  ) {}

  state(): ColumnTreeState {
    return {
      columns: [...this.columns.values()].map((c) => ({ ...c })),
      byContent: [...this.byContent],
      pagesSeen: [...this.pagesSeen].map(([k, v]) => [k, [...v]]),
    };
  }

  restore(state: ColumnTreeState): void {
    for (const c of state.columns) this.columns.set(c.url, { ...c });
    for (const [k, v] of state.byContent) this.byContent.set(k, v);
    for (const [k, v] of state.pagesSeen) this.pagesSeen.set(k, new Set(v));
  }

  has(url: string): boolean {
    return this.columns.has(url);
  }

  get(url: string): ColumnRecord | undefined {
    return this.columns.get(url);
  }

  /** The column this list page already is (the same list under another URL), if any. */
  sameAs(name: string, reading: ListReading): ColumnRecord | undefined {
    const url = this.byContent.get(`${normalizeLabel(name)}\u0000${reading.fingerprint}`);
    return url === undefined ? undefined : this.columns.get(url);
  }

  /** A column's first page. */
  add(
    url: string,
    column: { name: string; source: string; path: string[] },
    reading: ListReading,
    tasks: readonly MatchedTask[],
  ): ColumnRecord {
    const kind = columnKind(this.set, column.name, column.path);
    const record: ColumnRecord = {
      url,
      name: column.name,
      nameSource: column.source,
      path: column.path.length > 0 ? column.path : [column.name],
      kind: kind?.id ?? null,
      kindLabel: kind?.label ?? null,
      latest: null,
      latestTitle: null,
      items: 0,
      undatedItems: 0,
      pages: 0,
      explanation: null,
      scriptBuilt: false,
      taskIds: tasks.map((t) => t.taskId),
      rule: this.ruleFor(kind, tasks),
      status: 'blank',
      ageDays: null,
    };
    this.columns.set(url, record);
    this.byContent.set(`${normalizeLabel(column.name)}\u0000${reading.fingerprint}`, url);
    this.addPage(url, reading);
    return record;
  }

  /** Another page of a column's list (pagination). */
  addPage(columnUrl: string, reading: ListReading): void {
    const record = this.columns.get(columnUrl);
    if (!record) return;
    let seen = this.pagesSeen.get(columnUrl);
    if (!seen) this.pagesSeen.set(columnUrl, (seen = new Set()));
    // A page of the list reached again under another URL (上一页 back to index.html) is not counted twice.
    if (reading.fingerprint && seen.has(reading.fingerprint)) return;
    seen.add(reading.fingerprint);
    record.pages++;
    record.items += reading.items.length;
    for (const item of reading.items) {
      if (!item.date) {
        record.undatedItems++;
        continue;
      }
      if (record.latest === null || item.date > record.latest) {
        record.latest = item.date;
        record.latestTitle = item.title;
      }
    }
    if (record.pages === 1) {
      record.explanation = reading.explanation;
      record.scriptBuilt = reading.scriptBuilt;
    }
  }

  /** The strictest rule, named as the freshness check names it (`动态/要闻：2周`, `2. 按月`: policy-names.ts). */
  private ruleFor(kind: ColumnKindRule | null, tasks: readonly MatchedTask[]): ColumnRule | null {
    const rules: ColumnRule[] = [];
    if (kind?.maxDays != null)
      rules.push({ maxDays: kind.maxDays, label: nationalRuleName(kind, kind.maxDays, 'zh_CN') });
    for (const match of tasks) {
      const task = this.plan?.tasks.find((t) => t.id === match.taskId);
      for (const f of task?.frequencies ?? [])
        rules.push({ maxDays: this.set.planPeriodDays[f.period], label: planRuleName(task!.no, f.period, 'zh_CN') });
    }
    rules.sort((a, b) => a.maxDays - b.maxDays);
    const fallback = this.set.defaultRule;
    if (rules.length === 0 && kind === null && fallback)
      return { maxDays: fallback.maxDays, label: fallback.label, isDefault: true };
    return rules[0] ?? null;
  }

  /** Decides every column's status against `now`; columns in tree order (by path, then URL). */
  finish(now: Date): ColumnRecord[] {
    const out = [...this.columns.values()];
    for (const c of out) {
      c.ageDays = c.latest ? daysBetween(c.latest, now) : null;
      if (c.items === 0) c.status = c.scriptBuilt ? 'unknown' : c.explanation ? 'blank-explained' : 'blank';
      else if (c.latest === null) c.status = 'undated';
      else if (!c.rule) c.status = 'no-rule';
      else c.status = (c.ageDays ?? 0) > c.rule.maxDays ? 'stale' : 'fresh';
    }
    const key = (c: ColumnRecord) => c.path.map(normalizeLabel).join('>');
    return out.sort((a, b) => key(a).localeCompare(key(b)) || a.url.localeCompare(b.url));
  }
}
