/**
 * The webmaster's plain answer: can this page be published (可以发布) or must it be fixed first (需修改), and what
 * exactly to fix — each item with a one-sentence fix (the template's own `fix` sentence for elements).
 * Decides which results block publishing: required elements missing or empty, values of the wrong kind, privacy leaks,
 * missing page meta tags (not for pasted fragments, which have no head), metadata block problems, a missing 解读 link
 * or validity mark, dates in the future or in the wrong order, and a page too large to be read whole (the snapshot's
 * caps said which parts were cut short). Freshness and periodic coverage are column matters,
 * not a page's: they are left out.
 */
import type { CheckResult, Message } from '../checks/types';
import { message } from '../checks/types';
import type { PageReport } from '../engine/inspect-page';
import { truncationMessages } from '../engine/truncation-messages';
import type { ElementTemplate } from '../plan/model';

export type SelfCheckKind =
  | 'missing'
  | 'empty'
  | 'kind'
  | 'privacy'
  | 'meta'
  | 'metadata'
  | 'interpretation'
  | 'validity'
  | 'truncated';

export interface SelfCheckItem {
  kind: SelfCheckKind;
  /** What the plan or rule calls it (element name, meta tag), or the check's own message. */
  name: string;
  /** Where it comes from: the template's name, or the check id. */
  source: string;
  /** The problem, as a message. */
  problem: Message;
  /** How to fix it, as text from the template or a message key. */
  fix: Message | string;
  /** Masked evidence (privacy) or the offending value. */
  evidence?: string;
}

export interface SelfCheckVerdict {
  publishable: boolean;
  items: SelfCheckItem[];
}

const LEFT_OUT = new Set(['column-freshness', 'periodic-coverage']);

function elementFix(
  templates: ReadonlyMap<string, ElementTemplate>,
  result: CheckResult,
  elementId: string,
): string | Message {
  const template = result.templateId ? templates.get(result.templateId) : undefined;
  const own = template?.elements.find((e) => e.id === elementId.split('/')[0]);
  return own?.fix ?? message('fixElementGeneric');
}

export function selfCheckVerdict(
  report: PageReport,
  templates: ReadonlyMap<string, ElementTemplate>,
  options: { fragment?: boolean } = {},
): SelfCheckVerdict {
  const items: SelfCheckItem[] = [];
  // A page read only in part cannot be called publishable: what the caps left out was not checked.
  for (const problem of truncationMessages(report.truncation))
    items.push({ kind: 'truncated', name: '', source: '', problem, fix: message('fixTruncated') });
  for (const result of report.results) {
    if (LEFT_OUT.has(result.checkId) || result.status === 'pass' || result.status === 'not-applicable') continue;
    const templateName = result.templateId
      ? (templates.get(result.templateId)?.name ?? result.templateId)
      : result.checkId;
    switch (result.checkId) {
      case 'template-elements':
        for (const e of result.elements ?? []) {
          if (e.required && (e.status === 'missing' || e.status === 'empty')) {
            items.push({
              kind: e.status,
              name: e.name,
              source: templateName,
              problem: message(e.status === 'missing' ? 'selfMissing' : 'selfEmpty', e.name),
              fix: elementFix(templates, result, e.id),
            });
          } else if (e.kindProblem) {
            items.push({
              kind: 'kind',
              name: e.name,
              source: templateName,
              problem: message('selfKind', e.name),
              fix: message('fixKind'),
              ...(e.value ? { evidence: e.value } : {}),
            });
          }
        }
        break;
      case 'privacy-leaks':
        for (const ev of result.evidence)
          items.push({
            kind: 'privacy',
            name: ev.text.split(':')[0] ?? '',
            source: result.checkId,
            problem: message('selfPrivacy', ev.text.split(':')[1] ?? ''),
            fix: message('fixPrivacy'),
            evidence: ev.text.split(':')[1] ?? '',
          });
        if (result.evidence.length === 0)
          items.push({
            kind: 'privacy',
            name: '',
            source: result.checkId,
            problem: result.message,
            fix: message('fixPrivacy'),
          });
        break;
      case 'page-meta-tags':
        if (options.fragment) break;
        for (const e of result.elements ?? [])
          if (e.status !== 'present')
            items.push({
              kind: 'meta',
              name: e.name,
              source: result.checkId,
              problem: message('selfMeta', e.name),
              fix: message('fixMeta', e.name),
            });
        break;
      case 'metadata-block':
        for (const d of result.details ?? [result.message])
          items.push({
            kind: 'metadata',
            name: d.args[0] ?? '',
            source: templateName,
            problem: d,
            fix: message('fixMetadata'),
          });
        break;
      case 'interpretation-link':
        items.push({
          kind: 'interpretation',
          name: '',
          source: result.checkId,
          problem: result.message,
          fix: message('fixInterpretation'),
        });
        break;
      case 'validity-mark':
        items.push({
          kind: 'validity',
          name: '',
          source: result.checkId,
          problem: result.message,
          fix: message('fixValidity'),
        });
        break;
      default:
        break;
    }
  }
  return { publishable: items.length === 0, items };
}
