/**
 * What a check is and what it returns. A check is a pure function of the page snapshot, its parameters and a context
 * (the time now, the plan, the templates, the matched tasks): no DOM, no storage, no clock of its own. Each result
 * carries a status, a message (an i18n key with positional arguments) and evidence that points back into the page.
 * Each check also declares where it applies (`appliesTo`), as axe-core rules declare `selector`/`matches` and
 * Lighthouse audits `requiredArtifacts`: the page kinds it runs on, the page facts it reads to decide, and its runs on
 * a page (lib/engine/select-checks.ts only asks every registered check).
 */
import type { ElementTemplate, Plan, Task } from '../plan/model';
import type { Evidence, Locator, PageSnapshot } from '../snapshot/types';

export type CheckStatus = 'pass' | 'fail' | 'needs-review' | 'not-applicable';
export type ElementStatus = 'present' | 'empty' | 'missing';
export type PageKind = 'home' | 'list' | 'detail' | 'other';

export interface Message {
  /** A key of public/_locales/<lang>/messages.json. */
  key: string;
  args: string[];
}

export interface ElementResult {
  id: string;
  name: string;
  status: ElementStatus;
  required: boolean;
  /** The label as the page prints it, when found. */
  label?: string;
  value?: string;
  locator?: Locator;
  /** Set when the value is there but is not of the expected kind (a phone that is not a phone). */
  kindProblem?: Message;
}

export interface CheckResult {
  checkId: string;
  templateId?: string;
  status: CheckStatus;
  message: Message;
  evidence: Evidence[];
  elements?: ElementResult[];
  /** Each problem found, when there are several (the message sums them up). */
  details?: Message[];
}

export interface MatchedTask {
  taskId: string;
  no: string;
  title: string;
  score: number;
  reasons: Message[];
}

export interface CheckContext {
  now: Date;
  plan: Plan | null;
  templates: ReadonlyMap<string, ElementTemplate>;
  /** The plan tasks matched to this page's column, best first. */
  tasks: readonly Task[];
  pageKind: PageKind;
}

export const PAGE_KINDS: readonly PageKind[] = ['home', 'list', 'detail', 'other'];

/** What the engine knows of a page before any check runs: all a check's `appliesTo.runs` may read. */
export interface PageFacts {
  snapshot: PageSnapshot;
  pageKind: PageKind;
  /** The column's name as detected (meta tag, breadcrumb, title, URL folder), or null. */
  columnName: string | null;
  /** The plan tasks matched to the page's column, best first. */
  tasks: readonly Task[];
  templates: ReadonlyMap<string, ElementTemplate>;
  /** Templates the person picked for this page. */
  pickedTemplateIds: readonly string[];
  /** Templates a check of their own judges (each check's `appliesTo.ownTemplates`): no other check takes them. */
  ownedTemplates: ReadonlySet<string>;
}

/** The page facts a check may declare it needs; the snapshot and the page kind are always there. */
export type PageFact = Exclude<keyof PageFacts, 'snapshot' | 'pageKind'>;

/** How a template came to be checked: picked by the person, named by a matched task, or shown by the page. */
export type TemplateWhy = 'picked' | 'task' | 'page';

/** One run of a check on a page: its parameters; for a template's check, which template and why. */
export interface CheckRun<Params> {
  params: Params;
  templateId?: string;
  why?: TemplateWhy;
}

/** Where a check applies, declared by the check itself. */
export interface Applicability<Params> {
  /** The page kinds it runs on: the engine never plans it on a page of another kind. */
  pageKinds: readonly PageKind[];
  /** The page facts `runs` reads beyond the snapshot and the kind (a meta-test holds each check to its list). */
  needs: readonly PageFact[];
  /** Its runs on a page of those kinds, from the page's facts: one, one per template shown, or none. Pure. */
  runs(page: PageFacts): CheckRun<Params>[];
  /** Element templates this check judges itself (no other check takes them, picked or shown). */
  ownTemplates?: readonly string[];
}

export interface Check<Params = undefined> {
  id: string;
  appliesTo: Applicability<Params>;
  run(snapshot: PageSnapshot, params: Params, context: CheckContext): CheckResult[];
}

/** The declaration of a check that runs once on every page of its kinds, without parameters. */
export function onceOn(pageKinds: readonly PageKind[]): Applicability<undefined> {
  return { pageKinds, needs: [], runs: () => [{ params: undefined }] };
}

export function message(key: string, ...args: Array<string | number>): Message {
  return { key, args: args.map(String) };
}
