/**
 * Which element templates a page shows, from its own evidence whatever its column or chrome (fragments and bare tables
 * included) — the shared mechanism the template checks declare their applicability with (template-elements,
 * metadata-block). A template is shown when the user picked it, or when the page shows enough of it: at least 30% of
 * its elements (and at least two; five always suffice) by label, or two when a matched task names the template; or a table whose header row
 * names as many of its elements (30 %, at least two; one record per row). On a list or home page only such record tables count. A page
 * printing the same label three times or more lists many records (a catalogue) and shows no single-record template.
 * A detail page whose title names it one of a template's records (`titleCues`: 征求意见, 行政处罚决定书) shows that
 * template once one element is found, by label, in a sentence or as an attachment (find-in-prose). A record written as
 * prose (a decision) shows its template once one element is labelled and two more are printed in their own sentence
 * forms (the template's `prose` patterns).
 * Templates checked through another (申请材料 items through 办事指南) and templates a check of their own judges
 * (`ownTemplates`: the metadata block, the meta tags) are never found here; a template `checkedWith` another comes
 * with it (the 19号 key categories with every 办事指南).
 *
 * Decides which templates and why; does not decide whether their elements are there (the checks do).
 */
import type { ElementTemplate } from '../plan/model';
import type { HeaderTable, PageSnapshot } from '../snapshot/types';
import {
  elementNames,
  enoughElements,
  fieldKeys,
  headerElements,
  findHeader,
  labelKey,
  labelMatchesFor,
  recordTables,
  tablesFor,
} from './find-element';
import { findInProse } from './find-in-prose';
import type { PageFacts, TemplateWhy } from './types';
import { normalizeText } from '../text/normalize';

/** The page fields (by index) that stand for a template's elements, and how many elements are labelled at all. */
export function templateFootprint(
  snapshot: PageSnapshot,
  template: ElementTemplate,
): { found: number; strong: number; fields: Set<number>; repeated: boolean } {
  const fields = new Set<number>();
  let found = 0;
  let strong = 0;
  let repeated = false;
  const keys = fieldKeys(snapshot.fields);
  const tables = tablesFor(snapshot, template);
  for (const element of template.elements) {
    const names = elementNames(element);
    const weak = element.weakLabels;
    const matched = labelMatchesFor(keys, element).map(({ i, at }) => ({
      i,
      weak: weak?.some((w) => labelKey(w) === names[at]) === true,
    }));
    const hits = matched.map((m) => m.i);
    const inHeader = findHeader(tables, element) !== undefined;
    if (hits.length > 0 || inHeader) found += 1;
    if (inHeader || matched.some((m) => !m.weak)) strong += 1;
    for (const i of hits) fields.add(i);
    // The same label printed three times or more: the page lists many records (a catalogue), not one. Different labels
    // of one element (个人姓名 and 单位名称 for the party) are one record's.
    if (hits.length >= 3) {
      const times = new Map<string, number>();
      for (const i of hits) {
        const key = labelKey(snapshot.fields[i]!.label);
        const n = (times.get(key) ?? 0) + 1;
        times.set(key, n);
        if (n >= 3) repeated = true;
      }
    }
  }
  return { found, strong, fields, repeated };
}

/** The page's <title> or its 发展指引 ArticleTitle holds one of the template's title cues. */
function titleSays(snapshot: PageSnapshot, template: ElementTemplate): boolean {
  const cues = template.titleCues ?? [];
  if (cues.length === 0) return false;
  const title = normalizeText(`${snapshot.title} ${snapshot.metaTags.ArticleTitle ?? ''}`);
  return cues.some((cue) => title.includes(cue));
}

function someInProse(snapshot: PageSnapshot, template: ElementTemplate): boolean {
  return template.elements.some((element) => findInProse(snapshot, element) !== null);
}

/** How many of the template's elements no label names but a sentence of their own form prints. */
function inProseOnly(snapshot: PageSnapshot, template: ElementTemplate): number {
  const keys = fieldKeys(snapshot.fields);
  let n = 0;
  for (const element of template.elements) {
    if (!element.prose && !element.attachmentText) continue;
    if (labelMatchesFor(keys, element).length > 0) continue;
    if (findInProse(snapshot, element) !== null) n += 1;
  }
  return n;
}

interface Candidate {
  id: string;
  found: number;
  fields: Set<number>;
  task: boolean;
  tables: Map<HeaderTable, number>;
}

/** The templates the page shows, in order (picked first), each with how it came to be chosen. */
export function templatesShown(
  page: Pick<PageFacts, 'snapshot' | 'pageKind' | 'tasks' | 'templates' | 'pickedTemplateIds' | 'ownedTemplates'>,
): Map<string, TemplateWhy> {
  const { snapshot, pageKind: kind, templates } = page;
  const itemTemplates = new Set(
    [...templates.values()].flatMap((t) => t.elements.map((e) => e.itemTemplate).filter((x): x is string => !!x)),
  );
  const byTask = new Set(page.tasks.flatMap((t) => t.elements.map((e) => e.template)));
  const chosen = new Map<string, TemplateWhy>();
  for (const id of page.pickedTemplateIds)
    if (templates.has(id) && !page.ownedTemplates.has(id)) chosen.set(id, 'picked');
  const seen: Candidate[] = [];
  for (const template of templates.values()) {
    if (chosen.has(template.id) || itemTemplates.has(template.id) || page.ownedTemplates.has(template.id)) continue;
    // A template checked with another (the key categories with a 办事指南) comes with it (below), not on its own
    // evidence: a notice inviting applications prints 申报条件, 申报材料 and a 联系电话, and is no guide.
    if (template.checkedWith !== undefined && !byTask.has(template.id)) continue;
    const tables = new Map(recordTables(snapshot, template).map((t) => [t, headerElements(t, template)]));
    const records = tables.size > 0;
    if (kind === 'list' || kind === 'home') {
      if (records)
        seen.push({ id: template.id, found: template.elements.length, fields: new Set(), task: false, tables });
      continue;
    }
    const { found, fields, repeated } = templateFootprint(snapshot, template);
    // A page that names itself one of these records (征求意见 in its title) and shows one of its elements — by label,
    // in a sentence or as an attachment — is one, though its elements are printed in prose.
    if (
      kind === 'detail' &&
      !records &&
      titleSays(snapshot, template) &&
      (found > 0 || someInProse(snapshot, template))
    ) {
      seen.push({ id: template.id, found: Math.max(found, 1), fields, task: byTask.has(template.id), tables });
      continue;
    }
    if ((repeated && !records) || found === 0) continue;
    const task = byTask.has(template.id) && kind === 'detail';
    const enough = task ? Math.min(2, template.elements.length) : enoughElements(template);
    // A record written as prose: once one element is labelled, two or more printed in the template's own sentence forms
    // count with it (a decision's 当事人： line, its facts after 经查, its basis as 根据《…》第…条). One sentence beside
    // a label is no record (a 公示 notice's 通讯地址 and its 公示时间 are no consultation).
    const prose = found >= enough || records || kind !== 'detail' ? 0 : inProseOnly(snapshot, template);
    const shown = prose >= 2 ? found + prose : found;
    if (shown >= enough || records) seen.push({ id: template.id, found: shown, fields, task, tables });
  }
  // A template whose labels on this page are all labels of another chosen template is that template seen partly
  // (中介服务's 收费标准 and 服务时限 inside a 办事指南): keep the other one. Templates the matched tasks name come
  // first and are never dropped.
  seen.sort((a, b) => Number(b.task) - Number(a.task) || b.found - a.found || b.fields.size - a.fields.size);
  // Record tables are the page's own evidence: a table's records are checked against the template whose header row
  // names most of its columns, whichever template a matched task names (a task's template that names fewer of them
  // would report the others as missing).
  const bestFor = new Map<HeaderTable, number>();
  for (const c of seen) for (const [t, n] of c.tables) bestFor.set(t, Math.max(bestFor.get(t) ?? 0, n));
  const kept: Candidate[] = [];
  for (const candidate of seen) {
    const outdone = candidate.tables.size > 0 && [...candidate.tables].every(([t, n]) => n < (bestFor.get(t) ?? 0));
    const inside =
      !candidate.task &&
      candidate.fields.size > 0 &&
      kept.some((k) => [...candidate.fields].every((i) => k.fields.has(i)));
    if (!inside && !outdone) kept.push(candidate);
  }
  for (const k of kept) if (!chosen.has(k.id)) chosen.set(k.id, k.task ? 'task' : 'page');
  // A template checked with another (the ten key categories of 国办秘函〔2019〕19号 with a 办事指南: its `checkedWith`)
  // comes with it, for the same reason.
  for (const template of templates.values()) {
    const companion = template.checkedWith === undefined ? undefined : chosen.get(template.checkedWith);
    if (companion !== undefined) chosen.set(template.id, companion);
  }
  return chosen;
}
