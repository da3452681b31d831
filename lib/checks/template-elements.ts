/**
 * Check `template-elements`: for one element template (办事指南, 行政处罚结果, 信息公开 metadata …), is each element
 * present (label found and value filled), empty (label, no value — or only 无 / 暂无 where a value is required), or
 * missing; and is each filled value of the expected kind. List-valued elements (申请材料) are also checked item by item
 * against their item template through the columns of the table that lists them.
 * Decides: fail when a required element is missing or empty; needs-review when only value kinds look wrong; else pass.
 * Does not decide whether the template applies to the page (the engine does), nor whether the values are true.
 */
import type { ElementTemplate, TemplateElement } from '../plan/model';
import type { Evidence, PageSnapshot } from '../snapshot/types';
import { findField, findHeader } from './find-element';
import { message, type Check, type CheckResult, type ElementResult } from './types';
import { checkValueKind, isPlaceholderValue } from './value-kinds';
import { ID_LABEL, maskPersonalNumbers } from './privacy-leaks';

export interface TemplateElementsParams {
  templateId: string;
}

/** 无 is a real answer for fees (a free service has no 收费依据); elsewhere it leaves a required element empty. */
function saysNothing(element: TemplateElement, value: string): boolean {
  if (value.trim().length === 0) return true;
  if (!element.required || !isPlaceholderValue(value)) return false;
  return !(element.valueKind === 'money' || /收费/.test(element.name));
}

export function evaluateElements(snapshot: PageSnapshot, template: ElementTemplate): ElementResult[] {
  return template.elements.map((element): ElementResult => {
    const base = { id: element.id, name: element.name, required: element.required };
    const field = findField(snapshot.fields, element);
    if (!field) {
      const header = findHeader(snapshot.headerTables, element);
      if (header)
        return { ...base, status: header.rows > 0 ? 'present' : 'empty', label: element.name, locator: header.locator };
      return { ...base, status: 'missing' };
    }
    // Values are repeated in the panel and in exports: personal numbers in them are masked.
    const found = {
      ...base,
      label: field.label,
      value: maskPersonalNumbers(field.value, { idLabelled: ID_LABEL.test(field.label) }),
      locator: field.locator,
    };
    if (saysNothing(element, field.value) && field.links === 0) return { ...found, status: 'empty' };
    const kindProblem = checkValueKind(element.valueKind, field.value, field.links);
    return kindProblem ? { ...found, status: 'present', kindProblem } : { ...found, status: 'present' };
  });
}

function itemResults(
  snapshot: PageSnapshot,
  element: ElementResult,
  itemTemplate: ElementTemplate | undefined,
): ElementResult[] {
  if (!itemTemplate || element.status !== 'present') return [];
  return itemTemplate.elements.map((item): ElementResult => {
    const header = findHeader(snapshot.headerTables, item);
    const base = { id: `${element.id}/${item.id}`, name: `${element.name} · ${item.name}`, required: item.required };
    return header
      ? { ...base, status: 'present', label: item.name, locator: header.locator }
      : { ...base, status: 'missing' };
  });
}

export function runTemplateElements(
  snapshot: PageSnapshot,
  template: ElementTemplate,
  templates: ReadonlyMap<string, ElementTemplate>,
): CheckResult {
  const top = evaluateElements(snapshot, template);
  const elements = top.flatMap((result, i) => {
    const def = template.elements[i]!;
    return [result, ...itemResults(snapshot, result, def.itemTemplate ? templates.get(def.itemTemplate) : undefined)];
  });
  const bad = elements.filter((e) => e.required && e.status !== 'present');
  const missing = bad.filter((e) => e.status === 'missing').map((e) => e.name);
  const empty = bad.filter((e) => e.status === 'empty').map((e) => e.name);
  const oddKinds = elements.filter((e) => e.kindProblem);
  const evidence: Evidence[] = elements
    .filter((e) => e.locator && e.value !== undefined)
    .map((e) => ({ text: `${e.label}：${e.value}`, locator: e.locator! }));
  const status = bad.length > 0 ? 'fail' : oddKinds.length > 0 ? 'needs-review' : 'pass';
  const msg =
    status === 'fail'
      ? message('checkElementsFail', template.name, missing.length, empty.length, [...missing, ...empty].join('、'))
      : status === 'needs-review'
        ? message('checkElementsReview', template.name, oddKinds.map((e) => e.name).join('、'))
        : message('checkElementsPass', template.name, elements.length);
  return { checkId: 'template-elements', templateId: template.id, status, message: msg, evidence, elements };
}

export const templateElements: Check<TemplateElementsParams> = {
  id: 'template-elements',
  run(snapshot, params, context) {
    const template = context.templates.get(params.templateId);
    if (!template)
      return [
        {
          checkId: 'template-elements',
          templateId: params.templateId,
          status: 'not-applicable',
          message: message('checkUnknownTemplate', params.templateId),
          evidence: [],
        },
      ];
    return [runTemplateElements(snapshot, template, context.templates)];
  },
};
