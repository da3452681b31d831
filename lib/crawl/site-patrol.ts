/**
 * The patrol: what the crawl's pages mean for the site. Consumes each crawled page once (then it is dropped) and keeps
 * only small records: the column tree, the home page's newest item, 政务咨询 messages, incomplete 办事指南, the links.
 * Decides which pages get every page check and go into the audit (`record`): the home page, each column's first page,
 * a sample of each column's newest items (default 3; all with `all`), and every item of a 办事指南 column (held to the
 * key categories of the indicator set). At the end, `finish(now)` gives the columns with their status, the site
 * verdict and the plan's view. The same code serves the CLI and, later, an extension page.
 */
import type { CheckResult } from '../checks/types';
import { detectColumn, locationFromText } from '../engine/column';
import { inspectPage, type PageReport } from '../engine/inspect-page';
import { matchLocation } from '../engine/match-tasks';
import { detectPageKind } from '../engine/page-kind';
import type { ElementTemplate, Plan } from '../plan/model';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { normalizeLabel } from '../text/normalize';
import type { PageSnapshot } from '../snapshot/types';
import { ColumnTree, readList, type ColumnRecord, type ColumnTreeState, type ListedItem } from './column-tree';
import { readConsultation, type ConsultationMessage } from './consultation';
import type { CrawledPage } from './crawler';
import { columnKind, type IndicatorSet } from './indicators';
import { LinkRegistry, type LinkEntry } from './link-registry';
import { planView, type TaskCoverage } from './plan-view';
import { siteVerdict, type HomeReading, type IncompleteGuide, type Veto } from './site-verdict';

export interface PatrolOptions {
  start: string;
  indicators: IndicatorSet;
  plan: Plan | null;
  templates: ReadonlyMap<string, ElementTemplate>;
  now: Date;
  /** Newest items of each column that get every page check. */
  sample: number;
  all: boolean;
  /** Where inspected pages go (the audit); awaited, so writing keeps pace with crawling. */
  record?: (report: PageReport, snapshot: PageSnapshot, isHome: boolean) => Promise<void>;
}

export interface PatrolOutcome {
  columns: ColumnRecord[];
  vetoes: Veto[];
  tasks: TaskCoverage[];
  home: HomeReading | null;
  messages: ConsultationMessage[];
  guides: { checked: number; incomplete: IncompleteGuide[] };
  inspected: number;
}

const MAX_ITEM_PARENTS = 200_000;

/** What a patrol has learnt so far, as plain data: saved with the crawl's state to pause and go on later. */
export interface PatrolState {
  tree: ColumnTreeState;
  links: Array<[string, LinkEntry]>;
  home: HomeReading | null;
  messages: ConsultationMessage[];
  incomplete: IncompleteGuide[];
  guidesChecked: number;
  inspected: number;
  sampled: string[];
  itemParent: Array<[string, string]>;
  linkText: Array<[string, string]>;
  consultationColumns: number;
}

export class SitePatrol {
  readonly links: LinkRegistry;
  private readonly tree: ColumnTree;
  private home: HomeReading | null = null;
  private readonly messages: ConsultationMessage[] = [];
  private readonly incomplete: IncompleteGuide[] = [];
  private guidesChecked = 0;
  private inspected = 0;
  private readonly sampled = new Set<string>();
  /** Item URL → the column whose list names it (for 办事指南 and 政务咨询 items). */
  private readonly itemParent = new Map<string, string>();
  /** URL → the text of the first link that led to it: a name for a column that names itself nowhere. */
  private readonly linkText = new Map<string, string>();
  private consultationColumns = 0;
  private readonly messageKeys = new Map<string, number>();

  constructor(private readonly o: PatrolOptions) {
    this.links = new LinkRegistry(o.start);
    this.tree = new ColumnTree(o.indicators, o.plan);
  }

  state(): PatrolState {
    return {
      tree: this.tree.state(),
      links: this.links.state(),
      home: this.home,
      messages: [...this.messages],
      incomplete: [...this.incomplete],
      guidesChecked: this.guidesChecked,
      inspected: this.inspected,
      sampled: [...this.sampled],
      itemParent: [...this.itemParent],
      linkText: [...this.linkText],
      consultationColumns: this.consultationColumns,
    };
  }

  restore(state: PatrolState): void {
    this.tree.restore(state.tree);
    this.links.restore(state.links);
    this.home = state.home;
    for (const m of state.messages) {
      this.messageKeys.set(`${m.asked}\u0000${normalizeLabel(m.title)}`, this.messages.length);
      this.messages.push(m);
    }
    for (const item of state.incomplete) this.incomplete.push(item);
    this.guidesChecked = state.guidesChecked;
    this.inspected = state.inspected;
    for (const u of state.sampled) this.sampled.add(u);
    for (const [k, v] of state.itemParent) this.itemParent.set(k, v);
    for (const [k, v] of state.linkText) this.linkText.set(k, v);
    this.consultationColumns = state.consultationColumns;
  }

  /** Remembers the link text leading to a URL (first one wins), for naming columns. */
  linkTextFor(url: string, text: string): void {
    if (text && !this.linkText.has(url) && this.linkText.size < MAX_ITEM_PARENTS) this.linkText.set(url, text);
  }

  async page(page: CrawledPage): Promise<void> {
    for (const link of page.links.links) this.linkTextFor(link.url, link.text);
    const snapshot = { ...takeSnapshot(page.document, page.url), charset: page.charset };
    const set = this.o.indicators;
    const isHome = page.via === 'start';
    const kind = detectPageKind(snapshot);
    const detected = detectColumn(snapshot);
    const name = detected.name ?? this.linkText.get(page.url) ?? null;
    let record = false;
    let picked: string[] = [];
    let columnKindId: string | null = null;

    if (page.listOf && this.tree.has(page.listOf)) {
      const reading = readList(snapshot, page.document, set);
      this.tree.addPage(page.listOf, reading);
      columnKindId = this.tree.get(page.listOf)?.kind ?? null;
      this.noteItems(page.listOf, snapshot, reading.items);
    } else if (isHome) {
      const dated = snapshot.listItems.filter((i) => i.date).sort((a, b) => (a.date! < b.date! ? 1 : -1));
      this.home = { url: page.url, latest: dated[0]?.date ?? null, latestTitle: dated[0]?.title ?? null };
      record = true;
    } else {
      const reading = readList(snapshot, page.document, set);
      const listLike =
        kind === 'list' ||
        (kind !== 'detail' && (reading.items.length >= 2 || (reading.items.length === 0 && reading.scriptBuilt)));
      const same = listLike && name && reading.fingerprint ? this.tree.sameAs(name, reading) : undefined;
      if (same) {
        columnKindId = same.kind;
      } else if (listLike && name) {
        const match = this.o.plan
          ? matchLocation(this.o.plan, locationFromText(name), { pageTitle: snapshot.heading ?? snapshot.title })
          : null;
        // A tentative answer (the tasks only mention this kind of column in their requirements) does not make them the
        // column's tasks: they would count as served by it in the plan's view and lend it their update periods.
        const tasks = match && !match.tentative ? match.tasks : [];
        const column = this.tree.add(
          page.url,
          { name, source: detected.name ? detected.source : 'link', path: detected.path },
          reading,
          tasks,
        );
        columnKindId = column.kind;
        if (column.kind === 'consultation') this.consultationColumns++;
        this.noteItems(page.url, snapshot, reading.items);
        record = true;
      } else {
        const parent = this.itemParent.get(page.url);
        columnKindId =
          (parent ? this.tree.get(parent)?.kind : null) ?? columnKind(set, name, detected.path)?.id ?? null;
        if (this.sampled.has(page.url)) record = true;
        if (columnKindId === 'guide' && kind !== 'list') {
          picked = [set.vetoes['service-guides-incomplete'].template];
          record = true;
        }
      }
    }
    if (columnKindId === 'consultation')
      for (const m of readConsultation(page.document, page.url, set)) {
        // The same message in the list and on its own page is one message.
        const key = `${m.asked}\u0000${normalizeLabel(m.title)}`;
        const known = this.messageKeys.get(key);
        if (known === undefined) {
          this.messageKeys.set(key, this.messages.length);
          this.messages.push(m);
        } else if (m.answered && !this.messages[known]!.answered) this.messages[known] = m;
      }
    if (!record) return;
    const report = inspectPage(snapshot, {
      plan: this.o.plan,
      templates: this.o.templates,
      now: this.o.now,
      pickedTemplateIds: picked,
    });
    this.inspected++;
    if (picked.length > 0) this.judgeGuide(report, picked[0]!);
    await this.o.record?.(report, snapshot, isHome);
  }

  private judgeGuide(report: PageReport, templateId: string): void {
    const result: CheckResult | undefined = report.results.find((r) => r.templateId === templateId);
    if (!result?.elements) return;
    this.guidesChecked++;
    const missing = result.elements.filter((e) => e.required && e.status !== 'present').map((e) => e.name);
    if (missing.length >= this.o.indicators.vetoes['service-guides-incomplete'].missingAtLeast)
      this.incomplete.push({ url: report.url, title: report.title, missing });
  }

  /** Marks the newest items of a column for sampling, and remembers which column lists each item. */
  private noteItems(
    columnUrl: string,
    snapshot: PageSnapshot,
    items: readonly ListedItem[] = snapshot.listItems,
  ): void {
    const sorted = [...items].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const take = this.o.all ? sorted.length : this.o.sample;
    const first = this.tree.get(columnUrl);
    // Only the column's first page gives the newest items (later pages are older).
    if (first && first.pages <= 1) for (const item of sorted.slice(0, take)) this.sampled.add(canonical(item.href));
    else if (this.o.all) for (const item of sorted) this.sampled.add(canonical(item.href));
    for (const item of items)
      if (this.itemParent.size < MAX_ITEM_PARENTS) this.itemParent.set(canonical(item.href), columnUrl);
  }

  finish(): PatrolOutcome {
    const columns = this.tree.finish(this.o.now);
    const guides = { checked: this.guidesChecked, incomplete: this.incomplete };
    const vetoes = siteVerdict(
      this.o.indicators,
      {
        home: this.home,
        columns,
        messages: this.messages,
        consultationColumns: this.consultationColumns,
        guides,
      },
      this.o.now,
    );
    return {
      columns,
      vetoes,
      tasks: this.o.plan ? planView(this.o.plan, columns) : [],
      home: this.home,
      messages: this.messages,
      guides,
      inspected: this.inspected,
    };
  }
}

function canonical(href: string): string {
  try {
    const u = new URL(href);
    u.hash = '';
    return u.href;
  } catch {
    return href;
  }
}
