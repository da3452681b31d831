/**
 * The plan catalog model: TypeScript types and the runtime schema (zod) of a county's 政务公开 plan and of its
 * element templates. The bundled seed (seeds/luoyuan-2017/plan.json) and every imported plan have this shape.
 *
 * Decides: field names, which text is kept as published and which is normalised, id formats.
 *   - "as published" fields (title, cells' `published`, requirements, clause text) keep the source characters
 *     (traditional and simplified mixed), only trimmed;
 *   - extracted fields (normalised titles, unit names, frequencies, deadlines, columns, keywords, listed elements)
 *     are normalised (simplified script, half-width) by lib/text/normalize.
 * Does not decide: how text is parsed (parse-plan-*.ts, assemble.ts) nor how templates are matched (element-lists.ts).
 *
 * Ids: plan `luoyuan-2017`; category `<plan>/k<n>`; group `<plan>/k<n>g<m>`; task `<plan>/t<no>` and, when a number
 * is printed more than once, `<plan>/t<no>a`, `<plan>/t<no>b` … in order of appearance; checklist clause
 * `<task>/c<n>`; chapter `<plan>/ch<n>`, chapter clause `<plan>/ch<n>.<m>`. Template ids are kebab-case nouns.
 */
import { z } from 'zod';

export const PLAN_SCHEMA_VERSION = 1;

/** Where a thing came from in the input: a 1-based line of flattened text, or a 1-based `<tr>` of an HTML table. */
export const SourceAt = z.object({
  line: z.number().int().positive().exactOptional(),
  row: z.number().int().positive().exactOptional(),
});
export type SourceAt = z.infer<typeof SourceAt>;

/** One unit cell (牵头单位 or 责任单位) of a task, or the lead/responsible half of a clause bracket. */
export const UnitCell = z.object({
  /** Cell text as published (paragraphs joined by "\n"); '' when the cell is empty. For an inherited cell, the
   * text of the cell it inherits. */
  published: z.string(),
  /** Normalised unit names, in order, without duplicates. */
  units: z.array(z.string().min(1)),
  /** Task id whose (merged) cell this is, when the original table merged this row's cell with the one above. */
  inheritedFrom: z.string().nullable(),
});
export type UnitCell = z.infer<typeof UnitCell>;

export const PERIODS = ['monthly', 'quarterly', 'halfYearly', 'yearly', 'periodic'] as const;
export const Period = z.enum(PERIODS);
export type Period = z.infer<typeof Period>;

/** Where in a task a finding was extracted. */
export const TextSource = z.enum(['title', 'requirements', 'clause']);
export type TextSource = z.infer<typeof TextSource>;

/** 按月 / 按季度 / 每年 / 定期 … and what it applies to. */
export const Frequency = z.object({
  period: Period,
  /** The phrase, normalised: `按月`, `按月度、季度`, `每年`, `定期`. */
  phrase: z.string().min(1),
  /** What is to be published at that frequency, normalised: `饮用水水源水质监测信息`. */
  subject: z.string(),
  source: TextSource,
});
export type Frequency = z.infer<typeof Frequency>;

export const DURATION_UNITS = ['hour', 'day', 'workday', 'week', 'month'] as const;

export const Deadline = z.discriminatedUnion('kind', [
  /** A time limit: `5小时内发布权威信息`. */
  z.object({
    kind: z.literal('within'),
    amount: z.number().positive(),
    unit: z.enum(DURATION_UNITS),
    phrase: z.string().min(1),
    /** What must happen within it, normalised: `发布权威信息`. */
    action: z.string(),
    source: TextSource,
  }),
  /** A dated target: `2017年底前` → 2017-12-31, `到2020年` → 2020-12-31, `年内` → the plan year's end. */
  z.object({
    kind: z.literal('by'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    phrase: z.string().min(1),
    action: z.string(),
    source: TextSource,
  }),
]);
export type Deadline = z.infer<typeof Deadline>;

/** A reference from a task or clause to an element template, made from an element list the text names. */
export const ElementRef = z.object({
  template: z.string().min(1),
  /** The list as the text gives it (normalised items, lead-in words removed). */
  listed: z.array(z.string()),
  /** How many of the template's elements the list names. */
  matched: z.number().int().nonnegative(),
  source: TextSource,
});
export type ElementRef = z.infer<typeof ElementRef>;

/** A portal column (栏目) the task names: “新闻发布会”专题专栏 → name 新闻发布会. */
export const ColumnRef = z.object({
  /** Column name to look for on the portal, normalised. */
  name: z.string().min(1),
  /** The phrase it was read from, normalised. */
  phrase: z.string().min(1),
  source: TextSource,
});
export type ColumnRef = z.infer<typeof ColumnRef>;

/** One line of the manual checklist: a sentence of the requirement a person can tick. */
export const ChecklistItem = z.object({
  id: z.string().min(1),
  /** As published. */
  text: z.string().min(1),
  /** `title` when the task has no 工作要求 and the title itself is the thing to check. */
  source: z.enum(['requirements', 'title']),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Task = z.object({
  id: z.string().min(1),
  /** 1-based position in the table. */
  seq: z.number().int().positive(),
  /** Number as printed: `"58"` appears twice in the seed. */
  no: z.string().min(1),
  /** As published, without the number. */
  title: z.string().min(1),
  titleNormalized: z.string().min(1),
  category: z.string().min(1),
  group: z.string().nullable(),
  lead: UnitCell,
  responsible: UnitCell,
  /** 工作要求 as published; '' when the row has none. */
  requirements: z.string(),
  /** The 完成时限 / 时限要求 / 公开时限 cell as published, when the table has that column. For a 基层政务公开标准目录
   * row it is the freshness rule (信息形成或者变更之日起20个工作日内). */
  deadline: z.string().exactOptional(),
  clauses: z.array(ChecklistItem),
  elements: z.array(ElementRef),
  frequencies: z.array(Frequency),
  deadlines: z.array(Deadline),
  columns: z.array(ColumnRef),
  keywords: z.array(z.string().min(1)),
  at: SourceAt,
});
export type Task = z.infer<typeof Task>;

/** The fields every numbered heading has (category, group, chapter), first in each record. */
const HEADING = {
  id: z.string().min(1),
  /** Chinese numeral as printed: `一`. */
  no: z.string(),
  title: z.string().min(1),
  titleNormalized: z.string().min(1),
};

export const Category = z.object({ ...HEADING, at: SourceAt });
export type Category = z.infer<typeof Category>;

export const Group = z.object({ ...HEADING, category: z.string().min(1), at: SourceAt });
export type Group = z.infer<typeof Group>;

/** A numbered clause (一)(二)… of the implementation plan, with the units of its closing bracket. */
export const PlanClause = z.object({
  id: z.string().min(1),
  no: z.string(),
  /** First sentence without its full stop: `推进决策公开`. */
  title: z.string(),
  /** The clause as published, without its bracket. */
  text: z.string().min(1),
  /** The closing bracket as published, `[县政府办公室牵头,…负责]`; '' when there is none. */
  bracket: z.string(),
  lead: UnitCell,
  responsible: UnitCell,
  elements: z.array(ElementRef),
  frequencies: z.array(Frequency),
  deadlines: z.array(Deadline),
  at: SourceAt,
});
export type PlanClause = z.infer<typeof PlanClause>;

export const Chapter = z.object({
  ...HEADING,
  /** Unnumbered paragraphs, as published. */
  intro: z.array(z.string()),
  clauses: z.array(PlanClause),
  at: SourceAt,
});
export type Chapter = z.infer<typeof Chapter>;

export const PlanSource = z.object({
  /** Document title as published. */
  title: z.string(),
  /** 发布机构 as published ('' when unknown). */
  publisher: z.string(),
  /** 生成日期 / publication date, YYYY-MM-DD ('' when unknown). */
  date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  /** Where it was read from, when known. */
  url: z.string().exactOptional(),
});
export type PlanSource = z.infer<typeof PlanSource>;

export const Plan = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  /** Normalised region name: `罗源县`; '' when unknown. */
  region: z.string(),
  year: z.number().int().nullable(),
  source: PlanSource,
  /** Paragraphs before the first chapter, as published. */
  preamble: z.array(z.string()),
  chapters: z.array(Chapter),
  categories: z.array(Category),
  groups: z.array(Group),
  tasks: z.array(Task).min(1),
  /** Ids of the templates the tasks and clauses reference, sorted. */
  templates: z.array(z.string()),
});
export type Plan = z.infer<typeof Plan>;

/* ---------------------------------------------------------------------------------------------------------------
 * Element templates (seeds/templates/*.json)
 * ------------------------------------------------------------------------------------------------------------- */

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export const VALUE_KINDS = ['text', 'date', 'phone', 'money', 'duration', 'link', 'yesno'] as const;
export const ValueKind = z.enum(VALUE_KINDS);
export type ValueKind = z.infer<typeof ValueKind>;

export const TemplateElement = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The wording of the plan or rule (simplified script). */
  name: z.string().min(1),
  /** Other labels seen on real pages for the same element. */
  synonyms: z.array(z.string().min(1)),
  required: z.boolean(),
  valueKind: ValueKind,
  /** One sentence (Chinese) telling a webmaster how to fix the page when the element is missing. */
  fix: z.string().min(1),
  /** For a list-valued element (申请材料): the template each item of the list follows. */
  itemTemplate: z.string().exactOptional(),
  /**
   * Labels (among name and synonyms) that also head a news article's publication line (来源, 发布时间): they name the
   * element inside a block, but are no evidence by themselves that the page has one.
   */
  weakLabels: z.array(z.string().min(1)).exactOptional(),
  /** The element belongs only to records of this kind of party (双公示: 统一社会信用代码 only for organisations). */
  onlyFor: z.enum(['organisation', 'person']).exactOptional(),
  /** Not asked of a free service (收费依据 when 收费标准 says 不收费). */
  notWhenFree: z.boolean().exactOptional(),
  /**
   * Regular expressions that find the element in a sentence when no label names it (征集期限 in
   * `此次公开征求意见截止时间为2014年8月12日`). Each must compile; they are data, tested like the labels.
   */
  prose: z.array(z.string().min(1).refine(compiles, 'not a valid regular expression')).exactOptional(),
  /** Words in an attachment's link text that make the attachment this element (征求意见稿 for the draft). */
  attachmentText: z.array(z.string().min(1)).exactOptional(),
});
export type TemplateElement = z.infer<typeof TemplateElement>;

export const TemplateSource = z.object({
  kind: z.enum(['plan', 'national']),
  /** Which clause, row or rule: `罗源县2017年主要任务分解表 第15项`, `国办秘函〔2019〕19号`. */
  ref: z.string().min(1),
  /** The sentence it comes from, as published, when quoted. */
  quote: z.string().exactOptional(),
  /** Caveats (e.g. wording to verify against the official text). */
  note: z.string().exactOptional(),
});
export type TemplateSource = z.infer<typeof TemplateSource>;

export const ElementTemplate = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  /** Other names of the whole list/page (服务指南 for 办事指南). */
  aliases: z.array(z.string().min(1)),
  source: TemplateSource,
  elements: z.array(TemplateElement).min(1),
  /** The element whose value names the record's party (organisation or natural person): decides `onlyFor`. */
  partyElement: z.string().exactOptional(),
  /** The element whose value says whether the service is free: decides `notWhenFree`. */
  feeElement: z.string().exactOptional(),
  /** Another template whose pages are also held to this one, whenever that one is checked (the ten key categories of
   * 国办秘函〔2019〕19号 on every 办事指南). */
  checkedWith: z.string().exactOptional(),
  /**
   * Words in a detail page's <title> or headline that say the page is one of these records (征求意见): with one of its
   * elements found on the page, by label, in a sentence or as an attachment, the template applies.
   */
  titleCues: z.array(z.string().min(1)).exactOptional(),
  /**
   * Column headers that make a table printing this template's headers another kind of document (a 行政处罚裁量基准
   * lists 违法行为 and 处罚依据 with its 违法情节 and 处罚标准: a scale for penalties, no penalty decided): a table with a
   * header holding one of these is no record of this template. Compared through the normaliser, as a part of a header.
   */
  notRecordHeaders: z.array(z.string().min(1)).exactOptional(),
});
export type ElementTemplate = z.infer<typeof ElementTemplate>;
