/**
 * Element templates: load (validate unknown JSON against the schema) and cross-check a set of them.
 *
 * Decides: what makes a set of templates valid — schema, unique template ids, unique element ids within a template,
 * no label (name or synonym, after normalizeLabel) naming two elements of one template, every `itemTemplate`
 * resolving. Does not decide: which templates exist (seeds/templates/*.json) nor how text is matched to them.
 */
import { normalizeLabel } from '../text/normalize';
import { ElementTemplate } from './model';

export interface TemplateProblem {
  template: string;
  element?: string;
  problem: string;
}

/** Validates one template's JSON. Throws a readable Error naming the template and the path when invalid. */
export function loadTemplate(json: unknown, name = 'template'): ElementTemplate {
  const parsed = ElementTemplate.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.join('.') : '';
    throw new Error(`${name}: invalid at ${path || '(root)'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data;
}

/** Problems of a set of templates; empty when valid. */
export function checkTemplates(templates: readonly ElementTemplate[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) problems.push({ template: t.id, problem: 'duplicated template id' });
    ids.add(t.id);
  }
  for (const t of templates) {
    const elementIds = new Set<string>();
    const labels = new Map<string, string>();
    for (const el of t.elements) {
      if (elementIds.has(el.id)) problems.push({ template: t.id, element: el.id, problem: 'duplicated element id' });
      elementIds.add(el.id);
      if (normalizeLabel(el.name).length === 0)
        problems.push({ template: t.id, element: el.id, problem: 'empty name' });
      for (const label of [el.name, ...el.synonyms]) {
        const key = normalizeLabel(label);
        const owner = labels.get(key);
        if (owner !== undefined && owner !== el.id) {
          problems.push({ template: t.id, element: el.id, problem: `label “${label}” also names ${owner}` });
        }
        labels.set(key, el.id);
      }
      if (el.itemTemplate !== undefined && !ids.has(el.itemTemplate)) {
        problems.push({ template: t.id, element: el.id, problem: `unknown itemTemplate ${el.itemTemplate}` });
      }
    }
    if (t.checkedWith !== undefined && !ids.has(t.checkedWith))
      problems.push({ template: t.id, problem: `unknown checkedWith ${t.checkedWith}` });
  }
  return problems;
}

/** Templates by id. */
export function indexTemplates(templates: readonly ElementTemplate[]): ReadonlyMap<string, ElementTemplate> {
  return new Map(templates.map((t) => [t.id, t]));
}
