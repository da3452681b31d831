/**
 * Check `metadata-block`: the 政府信息公开 metadata block of a detail page (索引号, 名称/标题, 发布机构, 生成日期, 文号,
 * 主题词 …, labels as real sites vary them). Elements are evaluated as in template-elements; on top of that:
 * 索引号 loosely valid (letters, digits and separators — many sites use a credit code or local schemes), 成文/生成日期
 * not after the 发布日期 (a 发布日期/发布时间 field, else the 发布时间 line, else the PubDate tag), no date in the future,
 * 文号 shaped like `罗政办〔2026〕12号` when one is given (in either script: `羅政〔2026〕23號`).
 * Decides: fail on missing/empty required fields, a future date or dates in the wrong order; needs-review on an odd
 * 索引号 or 文号. Runs on any page kind where the page has a metadata block — two or more of its labels, not counting
 * labels that also head a news article's publication line (来源, 发布时间: the template's weakLabels), nor the column
 * headers of a directory table listing many documents — or where the person picked the template.
 */
import type { ElementTemplate } from '../plan/model';
import { findDate } from '../snapshot/dates';
import type { Evidence, PageSnapshot } from '../snapshot/types';
import { normalizeLabel, normalizeText } from '../text/normalize';
import { templateFootprint } from './template-evidence';
import { evaluateElements } from './template-elements';
import { message, PAGE_KINDS, type Check, type CheckResult, type ElementResult, type Message } from './types';

export interface MetadataBlockParams {
  templateId: string;
}

/** The 政府信息公开 metadata template, judged by this check only. */
export const METADATA_TEMPLATE = 'gov-info-metadata';

const INDEX_NO = /^[0-9A-Za-z][0-9A-Za-z\-/_.()（）]{5,}$/;
const DOC_NO = /^[\u3400-\u9fff]{1,12}[〔[［【(（]\d{4}[〕\]］】)）]\s*第?\d+号$/;

function byName(elements: ElementResult[], ...names: string[]): ElementResult | undefined {
  return elements.find((e) => names.includes(e.name) && e.status === 'present');
}

export function metadataProblems(
  elements: ElementResult[],
  published: string | null,
  now: Date,
): { fail: Message[]; review: Message[] } {
  const fail: Message[] = [];
  const review: Message[] = [];
  const index = byName(elements, '索引号');
  if (index?.value && !INDEX_NO.test(index.value.replace(/\s/g, ''))) review.push(message('metaIndexOdd', index.value));
  const docNo = byName(elements, '文号');
  if (
    docNo?.value &&
    !/^(无|\/|-)$/.test(docNo.value.trim()) &&
    !DOC_NO.test(normalizeText(docNo.value).replace(/\s/g, ''))
  )
    review.push(message('metaDocNoOdd', docNo.value));
  const made = byName(elements, '生成日期', '成文日期');
  const madeDate = made?.value ? (findDate(made.value)?.date ?? null) : null;
  const today = now.toISOString().slice(0, 10);
  if (made?.value && !madeDate) review.push(message('metaDateUnreadable', made.value));
  if (madeDate && madeDate > today) fail.push(message('metaDateFuture', madeDate));
  if (published && published.slice(0, 10) > today) fail.push(message('metaDateFuture', published.slice(0, 10)));
  if (madeDate && published && madeDate > published.slice(0, 10))
    fail.push(message('metaDateOrder', madeDate, published.slice(0, 10)));
  return { fail, review };
}

const PUBLISHED_LABEL = /^(发布日期|发布时间|公开日期|公开时间)$/;

/** When the page says it was published: a 发布日期/发布时间 field (in the block or beside it), the 发布时间 line, the PubDate tag. */
export function publishedDate(snapshot: PageSnapshot): string | null {
  for (const field of snapshot.fields) {
    if (!PUBLISHED_LABEL.test(normalizeLabel(field.label))) continue;
    const date = findDate(field.value);
    if (date) return date.date;
  }
  return snapshot.publishInfo?.date ?? snapshot.metaTags.PubDate?.slice(0, 10) ?? null;
}

export function runMetadataBlock(snapshot: PageSnapshot, template: ElementTemplate, now: Date): CheckResult {
  const elements = evaluateElements(snapshot, template);
  const published = publishedDate(snapshot);
  const { fail, review } = metadataProblems(elements, published, now);
  const bad = elements.filter((e) => e.required && e.status !== 'present');
  const evidence: Evidence[] = elements
    .filter((e) => e.locator)
    .map((e) => ({ text: `${e.label ?? e.name}：${e.value ?? ''}`, locator: e.locator! }));
  const problems = [
    ...bad.map((e) => message(e.status === 'missing' ? 'metaFieldMissing' : 'metaFieldEmpty', e.name)),
    ...fail,
  ];
  const status = problems.length > 0 ? 'fail' : review.length > 0 ? 'needs-review' : 'pass';
  const details = [...problems, ...review];
  return {
    checkId: 'metadata-block',
    templateId: template.id,
    status,
    message:
      status === 'pass'
        ? message('checkMetadataPass', elements.length)
        : message('checkMetadataProblems', details.length),
    evidence,
    elements,
    ...(details.length > 0 ? { details } : {}),
  };
}

/**
 * A table whose header row names the block's labels over two or more rows, or on one page of a paged list (共N页,
 * 下一页), is a directory of documents (a 政府信息公开目录 list: 名称 | 索引号 | 发布机构 | 发布日期, one document a row),
 * not this page's metadata block; a header row over a single row of values is a block laid out across.
 */
function withoutDirectories(snapshot: PageSnapshot): PageSnapshot {
  const tables = snapshot.pagination === null ? snapshot.headerTables.filter((t) => t.rows < 2) : [];
  return tables.length === snapshot.headerTables.length ? snapshot : { ...snapshot, headerTables: tables };
}

export const metadataBlock: Check<MetadataBlockParams> = {
  id: 'metadata-block',
  appliesTo: {
    pageKinds: PAGE_KINDS,
    needs: ['templates', 'pickedTemplateIds'],
    ownTemplates: [METADATA_TEMPLATE],
    runs(page) {
      const template = page.templates.get(METADATA_TEMPLATE);
      if (!template) return [];
      const picked = page.pickedTemplateIds.includes(METADATA_TEMPLATE);
      if (!picked && templateFootprint(withoutDirectories(page.snapshot), template).strong < 2) return [];
      return [
        { params: { templateId: METADATA_TEMPLATE }, templateId: METADATA_TEMPLATE, why: picked ? 'picked' : 'page' },
      ];
    },
  },
  run(snapshot, params, context) {
    const template = context.templates.get(params.templateId);
    if (!template)
      return [
        {
          checkId: 'metadata-block',
          status: 'not-applicable',
          message: message('checkUnknownTemplate', params.templateId),
          evidence: [],
        },
      ];
    return [runMetadataBlock(snapshot, template, context.now)];
  },
};
