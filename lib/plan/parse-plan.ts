/**
 * The entry point the options page and the CLI call: plan text or plan page HTML in, a validated Plan out — or a
 * refusal naming what failed. Never a partial plan.
 *
 * Decides: text vs HTML detection (input starting with `<` and holding an HTML tag is HTML), the default element
 * templates (the bundled ones) and the default plan id (`plan-<year>-<hash of the title>`, stable across re-parses).
 * Does not decide: reading (parse-plan-text.ts, parse-plan-html.ts) nor assembling (assemble.ts).
 */
import { normalizeLabel } from '../text/normalize';
import { assemblePlan } from './assemble';
import { bundledTemplates } from './bundled-templates';
import { planError, PlanParseError, type PlanError, type PlanWarning } from './errors';
import type { ElementTemplate, Plan, PlanSource } from './model';
import type { PlanOverrides } from './overrides';
import { readPlanHtml } from './parse-plan-html';
import { readPlanText } from './parse-plan-text';
import type { RawPlan } from './raw';

export interface ParsePlanOptions {
  /** Input kind; detected when omitted. */
  kind?: 'text' | 'html';
  /** Plan id (lowercase letters, digits, dashes); derived from the title when omitted. */
  id?: string;
  /** Element templates to match element lists against; the bundled ones by default. */
  templates?: readonly ElementTemplate[];
  /** Reviewed overrides (seeds/<plan>/overrides.json). */
  overrides?: PlanOverrides;
  title?: string;
  region?: string;
  year?: number | null;
  source?: Partial<PlanSource>;
  /** HTML → Document. Defaults to the platform's DOMParser (browsers); Node callers pass linkedom or happy-dom. */
  parseHtml?: (html: string) => Document;
}

export type ParsePlanResult = { ok: true; plan: Plan; warnings: PlanWarning[] } | { ok: false; error: PlanError };

/** HTML when the input starts with markup. */
export function detectKind(input: string): 'text' | 'html' {
  const head = input
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 2048);
  return head.startsWith('<') && /<(?:!doctype|html|head|body|table|tr|td|div|p|meta|span)\b/i.test(head)
    ? 'html'
    : 'text';
}

/** FNV-1a, 32 bit, as 7 base-36 characters. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

function defaultId(raw: RawPlan): string {
  const title = normalizeLabel(raw.meta.title);
  const year = /(\d{4})年/.exec(title)?.[1] ?? 'x';
  return `plan-${year}-${shortHash(title || JSON.stringify(raw.rows.slice(0, 3)))}`;
}

function platformParser(): ((html: string) => Document) | null {
  const P = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (P === undefined) return null;
  return (html: string) => new P().parseFromString(html, 'text/html');
}

/** Reads and assembles, throwing PlanParseError on refusal. */
export function parsePlanOrThrow(input: string, opts: ParsePlanOptions = {}): { plan: Plan; warnings: PlanWarning[] } {
  if (input.trim().length === 0) throw new PlanParseError(planError('input.empty'));
  const kind = opts.kind ?? detectKind(input);
  let raw: RawPlan;
  if (kind === 'html') {
    const parse = opts.parseHtml ?? platformParser();
    if (parse === null) throw new PlanParseError(planError('input.noDomParser'));
    raw = readPlanHtml(parse(input));
  } else {
    raw = readPlanText(input);
  }
  const assembled = assemblePlan(raw, {
    id: opts.id ?? defaultId(raw),
    templates: opts.templates ?? bundledTemplates,
    ...(opts.overrides !== undefined ? { overrides: opts.overrides } : {}),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.region !== undefined ? { region: opts.region } : {}),
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    ...(opts.source !== undefined ? { source: opts.source } : {}),
  });
  return assembled;
}

/** Plan text or page HTML → `{ ok: true, plan, warnings }`, or `{ ok: false, error }` naming the line or row. */
export function parsePlan(input: string, opts: ParsePlanOptions = {}): ParsePlanResult {
  try {
    const { plan, warnings } = parsePlanOrThrow(input, opts);
    return { ok: true, plan, warnings };
  } catch (e) {
    if (e instanceof PlanParseError) return { ok: false, error: e.issue };
    throw e;
  }
}
