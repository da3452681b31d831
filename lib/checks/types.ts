/**
 * What a check is and what it returns. A check is a pure function of the page snapshot, its parameters and a context
 * (the time now, the plan, the templates, the matched tasks): no DOM, no storage, no clock of its own. Each result
 * carries a status, a message (an i18n key with positional arguments) and evidence that points back into the page.
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

export interface Check<Params = undefined> {
  id: string;
  run(snapshot: PageSnapshot, params: Params, context: CheckContext): CheckResult[];
}

export function message(key: string, ...args: Array<string | number>): Message {
  return { key, args: args.map(String) };
}
