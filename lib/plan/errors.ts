/**
 * Errors and warnings of plan import, as data: a `code`, a message key and its data (for the UI's catalogues), the
 * line or row they point to, and a human message in Chinese and English.
 *
 * Decides: the codes, their severity, and the wording of the built-in messages.
 * Does not decide: how the UI shows them (the options page translates `key` with `data`, or falls back to `message`).
 */

export const ERROR_CODES = [
  'input.empty',
  'input.noDomParser',
  'input.unsupportedFormat',
  'input.noPlan',
  'text.noTable',
  'text.spaceSeparated',
  'text.noTasks',
  'text.unsupportedHeader',
  'text.truncated',
  'html.noTable',
  'html.noPlanTable',
  'html.noTasks',
  'html.rowIncomplete',
  'plan.duplicateTask',
  'plan.duplicateId',
  'plan.unknownTemplate',
  'plan.invalid',
  'overrides.invalid',
  'overrides.unknownTask',
] as const;
export type PlanErrorCode = (typeof ERROR_CODES)[number];

export const WARNING_CODES = [
  'units.boundaryGuessed',
  'units.singleLine',
  'units.noRowAbove',
  'task.noCategory',
  'task.numberOutOfOrder',
  'task.titleOnly',
  'html.noHeader',
  'task.numberGap',
  'task.numberRepeated',
  'task.unnumbered',
  'columns.unused',
  'columns.roleFromCells',
  'units.unsplittable',
  'rows.unplaced',
  'rows.placementGuessed',
  'units.missing',
  'units.roleUnmarked',
  'input.pinyinRemoved',
  'units.noneInPlan',
  'paragraphs.unitsNotRead',
  'paragraphs.runTogether',
] as const;
export type PlanWarningCode = (typeof WARNING_CODES)[number];

export type PlanIssueData = Record<string, string | number>;

interface PlanIssueBase {
  /** Message key for the UI catalogues: `plan_` + code with dots as underscores (`plan_text_noTasks`). */
  key: string;
  data: PlanIssueData;
  /** 1-based line of the flattened text. */
  line?: number;
  /** 1-based row (`<tr>`) of the HTML table. */
  row?: number;
  /** English message. */
  message: string;
  /** Chinese message. */
  messageZh: string;
}
export interface PlanError extends PlanIssueBase {
  severity: 'error';
  code: PlanErrorCode;
}
export interface PlanWarning extends PlanIssueBase {
  severity: 'warning';
  code: PlanWarningCode;
}
export type PlanIssue = PlanError | PlanWarning;

export interface IssueAt {
  line?: number;
  row?: number;
}

type Render = (d: PlanIssueData) => string;
const str = (d: PlanIssueData, k: string): string => String(d[k] ?? '');
const firstAt = (d: PlanIssueData, lang: 'en' | 'zh'): string =>
  d.firstLine !== undefined
    ? lang === 'en'
      ? `line ${str(d, 'firstLine')}`
      : `第 ${str(d, 'firstLine')} 行`
    : lang === 'en'
      ? `table row ${str(d, 'firstRow')}`
      : `表格第 ${str(d, 'firstRow')} 行`;

function where(at: IssueAt, lang: 'en' | 'zh'): string {
  if (at.line !== undefined) return lang === 'en' ? `line ${at.line}: ` : `第 ${at.line} 行：`;
  if (at.row !== undefined) return lang === 'en' ? `table row ${at.row}: ` : `表格第 ${at.row} 行：`;
  return '';
}

/** How a table read as text came (text-grid.ts): copied with tabs, cells between `|`, or one cell per line. */
const ROW_FORM_EN: Record<string, string> = {
  tab: 'copied from a page (cells separated by tabs)',
  pipe: 'written as rows with | between cells',
  lines: 'written one cell per line',
};
const ROW_FORM_ZH: Record<string, string> = {
  tab: '复制的表格（单元格以制表符分隔）',
  pipe: '以“|”分隔单元格的表格',
  lines: '每个单元格一行的表格文本',
};

const MESSAGES: Record<PlanErrorCode | PlanWarningCode, { en: Render; zh: Render }> = {
  'input.empty': {
    en: () => 'The input is empty: paste the plan text or the HTML of the plan page.',
    zh: () => '输入为空：请粘贴方案文本或方案页面的 HTML。',
  },
  'input.noDomParser': {
    en: () => 'HTML input needs a DOM parser, and none is available here.',
    zh: () => '解析 HTML 需要 DOM 解析器，当前环境没有。',
  },
  'input.unsupportedFormat': {
    en: (d) =>
      `${str(d, 'format')} files cannot be read here: open the file and save it as .docx, .html or .txt (or copy the table from the page), then import that.`,
    zh: (d) => `无法读取 ${str(d, 'format')} 文件：请将其另存为 .docx、.html 或 .txt（或从网页复制表格）后再导入。`,
  },
  'input.noPlan': {
    en: () =>
      'Nothing to import: no task table (a header such as 工作任务 / 具体要求 / 责任单位, or 公开事项 / 公开时限), and no numbered paragraphs with 牵头单位： / 责任单位： lines.',
    zh: () =>
      '没有可导入的内容：既没有任务表（表头如“工作任务 / 具体要求 / 责任单位”或“公开事项 / 公开时限”），也没有带“牵头单位：/责任单位：”的编号段落。',
  },
  'text.noTable': {
    en: (d) =>
      `No task table found in ${str(d, 'lines')} lines: expected the header 工作任务 / 牵头单位 / 责任单位 / 工作要求, or numbered rows (1. …) under a category (一、…).`,
    zh: (d) =>
      `在 ${str(d, 'lines')} 行文本中没有找到任务分解表：应有表头“工作任务 / 牵头单位 / 责任单位 / 工作要求”，或在“一、……”类别下的编号任务行（1.……）。`,
  },
  'text.spaceSeparated': {
    en: (d) =>
      `A table header whose cells are separated by spaces only (“${str(d, 'header')}”): a cell may hold spaces too, so the cells of its rows cannot be told apart and nothing was imported. Copy the table from the page (its cells then come separated by tabs), or import the page's HTML or the .docx file.`,
    zh: (d) =>
      `表头的单元格仅以空格分隔（“${str(d, 'header')}”）：单元格内也可能有空格，无法分清各行的单元格，未导入任何内容。请从网页复制表格（单元格将以制表符分隔），或导入网页的 HTML 或 .docx 文件。`,
  },
  'text.noTasks': {
    en: () => 'The task table has a header but no numbered task rows (1. …).',
    zh: () => '任务分解表有表头，但没有编号的任务行（1.……）。',
  },
  'text.unsupportedHeader': {
    en: (d) =>
      `Unsupported table header “${str(d, 'header')}”: flattened text must have the columns 工作任务 | 牵头单位 | 责任单位 | 工作要求 in this order.`,
    zh: (d) =>
      `不支持的表头“${str(d, 'header')}”：文本形式的分解表须依次为 工作任务 | 牵头单位 | 责任单位 | 工作要求。`,
  },
  'text.truncated': {
    en: (d) =>
      `The table ends in the middle of task ${str(d, 'no')} (“${str(d, 'title')}”): its units and requirements are missing. The text looks truncated.`,
    zh: (d) => `分解表在第 ${str(d, 'no')} 项任务（“${str(d, 'title')}”）处中断，缺少单位和工作要求，文本似乎不完整。`,
  },
  'html.noTable': {
    en: () => 'The HTML page has no <table>: the plan’s task table was not found.',
    zh: () => 'HTML 页面中没有表格（<table>），找不到任务分解表。',
  },
  'html.noPlanTable': {
    en: (d) =>
      `None of the ${str(d, 'tables')} tables on the page looks like a task table (header 工作任务 / 牵头单位 / 责任单位 / 工作要求).`,
    zh: (d) =>
      `页面上的 ${str(d, 'tables')} 个表格都不像任务分解表（表头应为 工作任务 / 牵头单位 / 责任单位 / 工作要求）。`,
  },
  'html.noTasks': {
    en: () => 'The task table has no numbered task rows.',
    zh: () => '任务分解表中没有编号的任务行。',
  },
  'html.rowIncomplete': {
    en: (d) =>
      `Row of task ${str(d, 'no')} has ${str(d, 'cells')} of ${str(d, 'columns')} cells: the table looks truncated.`,
    zh: (d) =>
      `第 ${str(d, 'no')} 项任务所在行只有 ${str(d, 'cells')} 个单元格（应有 ${str(d, 'columns')} 个），表格似乎不完整。`,
  },
  'plan.duplicateTask': {
    en: (d) =>
      `Task ${str(d, 'no')} “${str(d, 'title')}” appears twice (first at ${firstAt(d, 'en')}): a duplicated row.`,
    zh: (d) => `第 ${str(d, 'no')} 项任务“${str(d, 'title')}”重复出现（首次见${firstAt(d, 'zh')}），疑为重复行。`,
  },
  'plan.duplicateId': {
    en: (d) => `Duplicated id “${str(d, 'id')}”.`,
    zh: (d) => `标识“${str(d, 'id')}”重复。`,
  },
  'plan.unknownTemplate': {
    en: (d) => `“${str(d, 'owner')}” references the unknown element template “${str(d, 'template')}”.`,
    zh: (d) => `“${str(d, 'owner')}”引用了不存在的要素模板“${str(d, 'template')}”。`,
  },
  'plan.invalid': {
    en: (d) => `The plan does not match the schema at ${str(d, 'path')}: ${str(d, 'detail')}`,
    zh: (d) => `方案数据不符合模式（位置 ${str(d, 'path')}）：${str(d, 'detail')}`,
  },
  'overrides.invalid': {
    en: (d) => `The overrides file is invalid at ${str(d, 'path')}: ${str(d, 'detail')}`,
    zh: (d) => `人工修订文件无效（位置 ${str(d, 'path')}）：${str(d, 'detail')}`,
  },
  'overrides.unknownTask': {
    en: (d) => `An override names task “${str(d, 'task')}”, which the plan does not have.`,
    zh: (d) => `人工修订指向的任务“${str(d, 'task')}”在方案中不存在。`,
  },
  'units.boundaryGuessed': {
    en: (d) =>
      `Task ${str(d, 'no')}: ${str(d, 'lines')} unit lines; the boundary between 牵头单位 and 责任单位 was guessed (last line = 责任单位). Review it and record the decision in the overrides.`,
    zh: (d) =>
      `第 ${str(d, 'no')} 项任务有 ${str(d, 'lines')} 行单位，牵头单位与责任单位的分界系推断（最后一行为责任单位），请核对并记入人工修订。`,
  },
  'units.singleLine': {
    en: (d) => `Task ${str(d, 'no')}: one unit line, read as 牵头单位; 责任单位 left empty.`,
    zh: (d) => `第 ${str(d, 'no')} 项任务只有一行单位，按牵头单位处理，责任单位为空。`,
  },
  'units.noRowAbove': {
    en: (d) => `Task ${str(d, 'no')} has no units and no row above to inherit them from.`,
    zh: (d) => `第 ${str(d, 'no')} 项任务没有单位，且上方没有可继承的行。`,
  },
  'task.noCategory': {
    en: (d) => `Task ${str(d, 'no')} comes before any category (一、…); it is filed under an unnamed category.`,
    zh: (d) => `第 ${str(d, 'no')} 项任务出现在所有类别（一、……）之前，归入未命名类别。`,
  },
  'task.numberOutOfOrder': {
    en: (d) => `Task number ${str(d, 'no')} follows ${str(d, 'previous')}.`,
    zh: (d) => `任务编号 ${str(d, 'no')} 紧接在 ${str(d, 'previous')} 之后，顺序异常。`,
  },
  'task.titleOnly': {
    en: (d) => `Task ${str(d, 'no')} has only a title: units inherited from the row above, no requirements.`,
    zh: (d) => `第 ${str(d, 'no')} 项任务只有标题：单位继承上一行，无工作要求。`,
  },
  'task.numberGap': {
    en: (d) =>
      `Task number ${str(d, 'no')} follows ${str(d, 'previous')}: number ${str(d, 'missing')} is not in the table (kept as printed).`,
    zh: (d) =>
      `任务编号 ${str(d, 'no')} 紧接在 ${str(d, 'previous')} 之后，表中没有第 ${str(d, 'missing')} 项（编号按原文保留）。`,
  },
  'task.numberRepeated': {
    en: (d) => `Task number ${str(d, 'no')} is printed twice in a row (kept as printed).`,
    zh: (d) => `任务编号 ${str(d, 'no')} 连续出现两次（编号按原文保留）。`,
  },
  'task.unnumbered': {
    en: (d) => `${str(d, 'count')} tasks carry no printed number; they are numbered in table order.`,
    zh: (d) => `${str(d, 'count')} 项任务没有印出的编号，已按表中顺序编号。`,
  },
  'columns.unused': {
    en: (d) =>
      `Column ${str(d, 'column')} “${str(d, 'header')}” is not used in the plan; re-map it in the review if it matters.`,
    zh: (d) => `第 ${str(d, 'column')} 列“${str(d, 'header')}”未导入方案；如需要，请在核对时重新指定该列。`,
  },
  'columns.roleFromCells': {
    en: (d) =>
      `Column ${str(d, 'column')} “${str(d, 'header')}” is a header word cut short (its second line lost); its cells all read as ${str(d, 'role')}, so it was read as that column — check it in the review.`,
    zh: (d) =>
      `第 ${str(d, 'column')} 列表头“${str(d, 'header')}”不完整（第二行已丢失）；该列各单元格均像“${str(d, 'roleZh')}”，已按此列导入，请在核对时确认。`,
  },
  'units.unsplittable': {
    en: (d) =>
      `Task ${str(d, 'no')}: “${str(d, 'item')}” in the unit cell does not read as a unit name; kept as printed.`,
    zh: (d) => `第 ${str(d, 'no')} 项任务：单位栏中的“${str(d, 'item')}”不像单位名称，已按原文保留。`,
  },
  'rows.unplaced': {
    en: (d) =>
      `${str(d, 'count')} cells of the table could not be placed in a row and were not imported: “${str(d, 'sample')}”.`,
    zh: (d) => `表格中有 ${str(d, 'count')} 个单元格无法归入任何一行，未导入：“${str(d, 'sample')}”。`,
  },
  'rows.placementGuessed': {
    en: (d) =>
      `${str(d, 'count')} rows of the table ${ROW_FORM_EN[str(d, 'form')] ?? 'read as text'} had lost cells merged from above and their cells could stand under more than one set of columns; each was placed where it is most like the rows above it — check them (first: “${str(d, 'sample')}”).`,
    zh: (d) =>
      `${ROW_FORM_ZH[str(d, 'form')] ?? '以文本读入的表格'}中有 ${str(d, 'count')} 行缺少上方合并的单元格，其单元格可归入不止一组列，已按与上方各行最相近的方式放置，请核对（第一处：“${str(d, 'sample')}”）。`,
  },
  'units.missing': {
    en: (d) =>
      `Task ${str(d, 'no')} names no unit (no 牵头单位： or 责任单位： line follows it, and it does not close with a (…负责) parenthesis).`,
    zh: (d) => `第 ${str(d, 'no')} 项任务没有列出单位（其后没有“牵头单位：”或“责任单位：”，段末也没有“（……负责）”）。`,
  },
  'units.roleUnmarked': {
    en: (d) =>
      `${str(d, 'count')} tasks name their units in a parenthesis without 牵头 or 负责 (first: “${str(d, 'sample')}”); the units were read as the responsible units, none as the lead — check them.`,
    zh: (d) =>
      `有 ${str(d, 'count')} 项任务在括号中列出单位但未写“牵头”“负责”（第一处：“${str(d, 'sample')}”），已将这些单位作为责任单位导入，未设牵头单位，请核对。`,
  },
  'units.noneInPlan': {
    en: (d) =>
      `The plan names no lead or responsible unit for any of its ${str(d, 'tasks')} tasks; add them in the review if the assessment needs them.`,
    zh: (d) => `方案的 ${str(d, 'tasks')} 项任务均未列出牵头单位或责任单位；如考核需要，请在核对时补充。`,
  },
  'input.pinyinRemoved': {
    en: (d) =>
      `${str(d, 'count')} pinyin annotations such as “${str(d, 'sample')}” (added by a mirror site) were removed from the text.`,
    zh: (d) => `文本中有 ${str(d, 'count')} 处拼音注音（如“${str(d, 'sample')}”，系转载网站所加），已去除。`,
  },
  'paragraphs.unitsNotRead': {
    en: (d) =>
      `${str(d, 'count')} numbered paragraphs name units but are not at the plan's task level (read as headings or as text), so their units are not in the plan — check them (first: “${str(d, 'sample')}”).`,
    zh: (d) =>
      `有 ${str(d, 'count')} 个编号段落列出了单位，但不在方案的任务层级（按标题或正文读取），其单位未计入方案，请核对（第一处：“${str(d, 'sample')}”）。`,
  },
  'paragraphs.runTogether': {
    en: (d) =>
      `${str(d, 'count')} lines held several numbered paragraphs run together (joined by spaces, the page's paragraph breaks lost); they were read as separate paragraphs at each numbering after a space, a short heading apart from the text after it — check the headings and tasks.`,
    zh: (d) =>
      `有 ${str(d, 'count')} 行将多个编号段落连在一起（以空格相隔，原页面的分段已丢失），已在空格后的每个编号处分段、将简短标题与其后正文分开读取，请核对标题和任务。`,
  },
  'html.noHeader': {
    en: () => 'The table has no recognisable header; columns read as 工作任务 | 牵头单位 | 责任单位 | 工作要求.',
    zh: () => '表格没有可识别的表头，按 工作任务 | 牵头单位 | 责任单位 | 工作要求 的顺序读取。',
  },
};

function build(code: PlanErrorCode | PlanWarningCode, data: PlanIssueData, at: IssueAt): PlanIssueBase {
  const m = MESSAGES[code];
  const base: PlanIssueBase = {
    key: `plan_${code.replace(/\./g, '_')}`,
    data,
    message: where(at, 'en') + m.en(data),
    messageZh: where(at, 'zh') + m.zh(data),
  };
  if (at.line !== undefined) base.line = at.line;
  if (at.row !== undefined) base.row = at.row;
  return base;
}

export function planError(code: PlanErrorCode, data: PlanIssueData = {}, at: IssueAt = {}): PlanError {
  return { severity: 'error', code, ...build(code, data, at) };
}

export function planWarning(code: PlanWarningCode, data: PlanIssueData = {}, at: IssueAt = {}): PlanWarning {
  return { severity: 'warning', code, ...build(code, data, at) };
}

/** Thrown inside the parsers; `parsePlan` turns it into `{ ok: false, error }`. */
export class PlanParseError extends Error {
  readonly issue: PlanError;
  constructor(issue: PlanError) {
    super(issue.message);
    this.name = 'PlanParseError';
    this.issue = issue;
  }
  get code(): PlanErrorCode {
    return this.issue.code;
  }
}

export function fail(code: PlanErrorCode, data: PlanIssueData = {}, at: IssueAt = {}): never {
  throw new PlanParseError(planError(code, data, at));
}
