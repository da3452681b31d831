/**
 * Check `template-elements`: for one element template (办事指南, 行政处罚结果, 信息公开 metadata …), is each element
 * present (label found and value filled), empty (label, no value — or only 无 / 暂无 / 整理中 where a value is
 * required), or missing; and is each filled value of the expected kind. List-valued elements (申请材料) are also
 * checked item by item against their item template through the columns of the table that lists them.
 *
 * Records: a table whose header row names the template's elements (a penalty table, one party per row) holds one record
 * per row; each row is checked on its own (one result per record; elements printed once outside the table, such as the
 * 处罚机关 above it, count for every row). Record rules written in the templates: elements `onlyFor` organisations
 * (统一社会信用代码, 法定代表人) are not asked of a natural person; `notWhenFree` elements (收费依据) are not required of
 * a free service. Rows beyond the snapshot's cap are said to be unchecked, never dropped silently.
 *
 * Decides: fail when a required element is missing or empty; needs-review when only value kinds look wrong; else pass.
 * Runs once per template the page shows (template-evidence.ts: picked, or enough of it on the page); does not decide
 * whether the values are true.
 */
import type { ElementTemplate, TemplateElement } from '../plan/model';
import type { Evidence, HeaderTable, Locator, PageSnapshot } from '../snapshot/types';
import { columnOf, findField, findHeader, recordTables } from './find-element';
import { findInProse } from './find-in-prose';
import { ID_LABEL, maskPersonalNumbers } from './privacy-leaks';
import { partyKind, saysFree, type PartyKind } from './record-rules';
import { templatesShown } from './template-evidence';
import { message, PAGE_KINDS, type Check, type CheckResult, type ElementResult, type Message } from './types';
import { checkValueKind, isPlaceholderValue } from './value-kinds';
import { removeSpaces } from '../text/whitespace';

export interface TemplateElementsParams {
  templateId: string;
}

/**
 * 无 (or a dash, a slash) is a real answer for fees: a free service has no 收费依据. Elsewhere it leaves a required element
 * empty — and so does, for fees too, a value that only puts the answer off (略 omitted, 待定, 整理中 …).
 */
const SAYS_NONE = /^(无|暂无|—+|-+|\/|／)$/;

function saysNothing(element: TemplateElement, required: boolean, value: string): boolean {
  if (value.trim().length === 0) return true;
  if (!required || !isPlaceholderValue(value)) return false;
  const fee = element.valueKind === 'money' || /收费/.test(element.name);
  return !fee || !SAYS_NONE.test(removeSpaces(value));
}

/** One record of a header table: the row's texts by column. */
interface RecordRow {
  table: HeaderTable;
  row: number;
}

function elementValue(
  snapshot: PageSnapshot,
  template: ElementTemplate,
  elementId: string | undefined,
  record: RecordRow | null,
): string | null {
  const element = template.elements.find((e) => e.id === elementId);
  if (!element) return null;
  if (record) {
    const col = columnOf(record.table, element);
    if (col >= 0) return record.table.records[record.row]?.[col] ?? null;
  }
  return findField(snapshot.fields, element)?.value ?? null;
}

/**
 * An element found: its label, its value (personal numbers masked) and where, with its status. Results are built in
 * one shape, property by property (a spread of a shared base per result cost more than the rest of the check).
 */
function foundResult(
  element: TemplateElement,
  required: boolean,
  label: string,
  value: string,
  locator: Locator,
  status: ElementResult['status'],
  kindProblem: ElementResult['kindProblem'] | null,
): ElementResult {
  const result: ElementResult = {
    id: element.id,
    name: element.name,
    required,
    label,
    // Values are repeated in the panel and in exports: personal numbers in them are masked.
    value: maskPersonalNumbers(value, { idLabelled: ID_LABEL.test(label) }),
    locator,
    status,
  };
  if (kindProblem) result.kindProblem = kindProblem;
  return result;
}

function evaluateOne(
  snapshot: PageSnapshot,
  element: TemplateElement,
  record: RecordRow | null,
  required: boolean,
): ElementResult {
  if (record) {
    const col = columnOf(record.table, element);
    if (col >= 0) {
      const value = record.table.records[record.row]?.[col] ?? '';
      const locator = record.table.recordLocators[record.row] ?? record.table.locator;
      const label = record.table.headers[col]!;
      if (saysNothing(element, required, value))
        return foundResult(element, required, label, value, locator, 'empty', null);
      const kindProblem = checkValueKind(element.valueKind, value, 0);
      return foundResult(element, required, label, value, locator, 'present', kindProblem);
    }
  }
  const field = findField(snapshot.fields, element);
  if (!field) {
    const header = record ? undefined : findHeader(snapshot.headerTables, element);
    if (header)
      return {
        id: element.id,
        name: element.name,
        required,
        status: header.rows > 0 ? 'present' : 'empty',
        label: element.name,
        locator: header.locator,
      };
    // Printed without a label: in a sentence, or as an attachment (征求意见 notices).
    const prose = record ? null : findInProse(snapshot, element);
    if (prose)
      return {
        id: element.id,
        name: element.name,
        required,
        status: 'present',
        label: prose.label,
        value: prose.value,
        locator: prose.locator,
      };
    return { id: element.id, name: element.name, required, status: 'missing' };
  }
  if (saysNothing(element, required, field.value) && field.links === 0)
    return foundResult(element, required, field.label, field.value, field.locator, 'empty', null);
  const kindProblem = checkValueKind(element.valueKind, field.value, field.links);
  return foundResult(element, required, field.label, field.value, field.locator, 'present', kindProblem);
}

/**
 * The elements of one record (or of the page when `record` is null), with the template's record rules applied:
 * elements for the other kind of party are left out, fee elements of a free service are not required.
 */
export function evaluateElements(
  snapshot: PageSnapshot,
  template: ElementTemplate,
  record: RecordRow | null = null,
): ElementResult[] {
  const party: PartyKind | null = template.partyElement
    ? partyKind(elementValue(snapshot, template, template.partyElement, record))
    : null;
  const free = template.feeElement ? saysFree(elementValue(snapshot, template, template.feeElement, record)) : false;
  return template.elements
    .filter((element) => !element.onlyFor || party === null || element.onlyFor === party)
    .map((element) => evaluateOne(snapshot, element, record, element.required && !(element.notWhenFree && free)));
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

function summarise(
  template: ElementTemplate,
  title: string,
  elements: ElementResult[],
  details: Message[] = [],
): CheckResult {
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
      ? message('checkElementsFail', title, missing.length, empty.length, [...missing, ...empty].join('、'))
      : status === 'needs-review'
        ? message('checkElementsReview', title, oddKinds.map((e) => e.name).join('、'))
        : message('checkElementsPass', title, elements.length);
  return {
    checkId: 'template-elements',
    templateId: template.id,
    status,
    message: msg,
    evidence,
    elements,
    ...(details.length > 0 ? { details } : {}),
  };
}

export function runTemplateElements(
  snapshot: PageSnapshot,
  template: ElementTemplate,
  templates: ReadonlyMap<string, ElementTemplate>,
): CheckResult[] {
  const tables = recordTables(snapshot, template);
  if (tables.length > 0) {
    const results: CheckResult[] = [];
    for (const table of tables) {
      const unchecked =
        table.rows > table.records.length ? [message('checkRecordsTruncated', table.records.length, table.rows)] : [];
      table.records.forEach((_, row) => {
        const elements = evaluateElements(snapshot, template, { table, row });
        const party = elementValue(snapshot, template, template.partyElement, { table, row });
        const title = `${template.name}（${row + 1}${party ? `：${maskPersonalNumbers(party)}` : ''}）`;
        results.push(summarise(template, title, elements, row === 0 ? unchecked : []));
      });
    }
    return results;
  }
  const top = evaluateElements(snapshot, template);
  const elements = top.flatMap((result) => {
    const def = template.elements.find((e) => e.id === result.id)!;
    return [result, ...itemResults(snapshot, result, def.itemTemplate ? templates.get(def.itemTemplate) : undefined)];
  });
  return [summarise(template, template.name, elements)];
}

export const templateElements: Check<TemplateElementsParams> = {
  id: 'template-elements',
  appliesTo: {
    pageKinds: PAGE_KINDS,
    needs: ['tasks', 'templates', 'pickedTemplateIds', 'ownedTemplates'],
    runs: (page) => [...templatesShown(page)].map(([templateId, why]) => ({ params: { templateId }, templateId, why })),
  },
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
    return runTemplateElements(snapshot, template, context.templates);
  },
};
