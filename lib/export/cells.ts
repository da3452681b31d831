/**
 * What a finding looks like as a spreadsheet row, shared by the XLSX and CSV exports: the columns Chinese evaluators
 * exchange (PRODUCT.md, "What an evaluator records per finding") and the text of each cell.
 *
 * Decides:
 *  - The columns, in order: 单位/网站名称, 网站标识码, 栏目, 栏目路径, 页面标题, URL, 任务编号, 任务名称, 检查项, 结论,
 *    严重程度, 缺失要素, 证据摘录, 页面位置, 截图文件名, 截图时间, 检查人, 备注, 整改状态, 整改期限 (English headers for
 *    `en`). 页面位置 is said as people read a page (location.ts: 表格第3行“办理地点”), never a CSS path; 检查项 names
 *    the check in words (个人信息保护, 要素齐全 · 办事指南 …), never its id; 检查人 is who ran the check, and who gave
 *    the verdict when that is someone else (`林 / 王`).
 *  - 单位/网站名称 is the page's SiteName meta tag, else the audit's name; 栏目 is the column as the panel names it (one
 *    read from a URL folder by its English name in an English export: policy-names.ts `columnNameIn`); 检查项 is the
 *    check's name (plus the template's name) and the finding's message formatted — for a checklist answer that
 *    message is the clause text, for a free-form manual finding it is "人工发现"; 结论 comes from the effective status (pass 合格, fail 不合格,
 *    needs-review 需复核, not-applicable 不适用); evidence is capped at 300 characters; screenshots are named
 *    `screenshots/<id>.png` (the names the archive export uses); times are UTC+8 (text.ts).
 *  - Direction controls (U+202A–202E, U+2066–2069) are spelled out in every cell ([U+202E]): a spreadsheet cannot
 *    isolate page text, so `‮txt.exe` must not show as `exe.txt`.
 *  - Formula injection: every cell goes through `safeCell`, which prefixes a single quote to text beginning with
 *    `=`, `+`, `-`, `@`, tab or carriage return (OWASP "CSV injection"), and drops characters XML cannot carry.
 *  - Length: `safeCell` cuts a cell over Excel's 32,767 characters and ends it with `CELL_TRUNCATED` (the full text
 *    stays in the JSON audit file), so a long note or pasted page text neither breaks the file nor vanishes silently.
 * Does not decide: the file formats (csv.ts, xlsx.ts) nor which findings are exported (the caller filters).
 */
import type { CheckStatus } from '../checks/types';
import type { Language } from '../i18n-catalog';
import { formatIn } from '../i18n-catalog';
import type { Task } from '../plan/model';
import type { Finding, Screenshot, Severity, StoredPage } from '../storage/db';
import { templateById } from '../../seeds/index';
import { columnNameIn } from '../policy-names';
import type { AuditData } from './audit-data';
import { hasBidiControls, revealBidiControls } from '../text/bidi';
import { humanLocation } from './location';
import { screenshotPath } from './screenshot-path';
import { chinaTime, t } from './text';

/** Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the quick test for the same characters
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Excel's limit on the text of one cell (UTF-16 code units); a longer cell is refused or cut by spreadsheets. */
export const CELL_LIMIT = 32_767;
/** Ends a cell cut at CELL_LIMIT: the full text stays in the audit file (JSON). */
export const CELL_TRUNCATED = '…[已截断，全文见 JSON / truncated, full text in the JSON]';

/** The text cut to CELL_LIMIT with the marker at its end (never between the two halves of a surrogate pair). */
function capCell(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  let end = CELL_LIMIT - CELL_TRUNCATED.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${CELL_TRUNCATED}`;
}

/** Cell text a spreadsheet will not run nor refuse: formula-like text gets a leading `'`; characters XML cannot
 * carry go; direction controls (U+202A–202E, U+2066–2069), which a spreadsheet cannot isolate, are spelled out
 * ([U+202E]) so a cell shows what it holds; text over Excel's 32,767 characters is cut with a visible marker. */
export function safeCell(value: string): string {
  const xmlSafe = MAYBE_NOT_XML.test(value) ? value.replace(NOT_XML, '') : value;
  const clean = hasBidiControls(xmlSafe) ? revealBidiControls(xmlSafe) : xmlSafe;
  const c = clean.charCodeAt(0);
  // = + - @ tab CR
  return capCell(c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${clean}` : clean);
}

export const EVIDENCE_CAP = 300;

export function cap(text: string, max = EVIDENCE_CAP): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const FINDING_COLUMNS = [
  { key: 'site', width: 18 },
  { key: 'siteId', width: 13 },
  { key: 'column', width: 14 },
  { key: 'columnPath', width: 28 },
  { key: 'title', width: 32 },
  { key: 'url', width: 40 },
  { key: 'taskNo', width: 8 },
  { key: 'taskTitle', width: 30 },
  { key: 'check', width: 40 },
  { key: 'result', width: 8 },
  { key: 'severity', width: 8 },
  { key: 'missing', width: 24 },
  { key: 'evidence', width: 48 },
  { key: 'locator', width: 28 },
  { key: 'screenshots', width: 28 },
  { key: 'screenshotTime', width: 20 },
  { key: 'inspector', width: 10 },
  { key: 'note', width: 30 },
  { key: 'rectStatus', width: 10 },
  { key: 'rectDue', width: 12 },
] as const;

export type FindingColumn = (typeof FINDING_COLUMNS)[number]['key'];

export function findingHeaders(lang: Language): string[] {
  return FINDING_COLUMNS.map((c) => t(lang, `exportCol_${c.key}`));
}

const RESULT_KEY: Readonly<Record<CheckStatus, string>> = {
  pass: 'exportResult_pass',
  fail: 'exportResult_fail',
  'needs-review': 'exportResult_review',
  'not-applicable': 'exportResult_na',
};

export function resultLabel(lang: Language, status: CheckStatus): string {
  return t(lang, RESULT_KEY[status]);
}

/** Lookups built once per export. */
export interface RowContext {
  data: AuditData;
  lang: Language;
  pagesById: Map<string, StoredPage>;
  pagesByUrl: Map<string, StoredPage>;
  tasks: Map<string, Task>;
  screenshots: Map<string, Screenshot>;
  templateNames: Map<string, string>;
  labels: {
    result: Record<CheckStatus, string>;
    rect: Record<'open' | 'fixing' | 'fixed', string>;
    severity: Record<Severity, string>;
    manual: string;
  };
}

export function rowContext(data: AuditData, lang: Language): RowContext {
  const pagesById = new Map(data.pages.map((p) => [p.id, p]));
  const pagesByUrl = new Map(data.pages.map((p) => [p.url, p]));
  return {
    data,
    lang,
    pagesById,
    pagesByUrl,
    tasks: new Map((data.plan?.tasks ?? []).map((task) => [task.id, task])),
    screenshots: new Map(data.screenshots.map((s) => [s.id, s])),
    templateNames: new Map(),
    labels: {
      result: {
        pass: resultLabel(lang, 'pass'),
        fail: resultLabel(lang, 'fail'),
        'needs-review': resultLabel(lang, 'needs-review'),
        'not-applicable': resultLabel(lang, 'not-applicable'),
      },
      rect: {
        open: t(lang, 'exportRect_open'),
        fixing: t(lang, 'exportRect_fixing'),
        fixed: t(lang, 'exportRect_fixed'),
      },
      severity: { high: t(lang, 'severity_high'), medium: t(lang, 'severity_medium'), low: t(lang, 'severity_low') },
      manual: t(lang, 'exportManualFinding'),
    },
  };
}

export function pageOf(ctx: RowContext, f: Finding): StoredPage | undefined {
  return (
    (f.pageId !== null ? ctx.pagesById.get(f.pageId) : undefined) ?? (f.url ? ctx.pagesByUrl.get(f.url) : undefined)
  );
}

function templateName(ctx: RowContext, id: string): string {
  let name = ctx.templateNames.get(id);
  if (name === undefined) ctx.templateNames.set(id, (name = templateById(id)?.name ?? id));
  return name;
}

const CHECK_NAMES = new Set([
  'column-freshness',
  'column-status',
  'dead-link',
  'site-veto',
  'interpretation-link',
  'metadata-block',
  'page-gone',
  'page-meta-tags',
  'periodic-coverage',
  'privacy-leaks',
  'template-elements',
  'validity-mark',
]);

/** A check's name in words (an unknown check: "automatic check"). A whole-site patrol's results say so: 全站巡检 ·
 * 栏目更新情况 / 链接检查 / 单项否决指标. */
export function checkName(lang: Language, checkId: string): string {
  return t(lang, CHECK_NAMES.has(checkId) ? `checkName_${checkId.replace(/-/g, '_')}` : 'checkName_other');
}

/** 检查人: who ran the check (several names, 王、林, when merged from several inspectors), and who gave the verdict or
 * last edited it when that is someone else. */
export function inspectorsOf(f: Finding): string {
  const ran = f.inspector ? f.inspector.split('、').filter(Boolean) : [];
  const others = [f.verdictBy, f.editedBy].filter((x): x is string => Boolean(x) && !ran.includes(x as string));
  return [ran.join('、'), ...new Set(others)].filter(Boolean).join(' / ');
}

/** A patrol column's status as stored (fresh, stale, blank …), in words. */
const COLUMN_STATES = new Set(['fresh', 'stale', 'blank', 'blank-explained', 'undated', 'unknown', 'no-rule']);

/** The finding's message in the export's language; a patrol column's status word said in words, not as its id. */
function messageText(lang: Language, m: NonNullable<Finding['message']>): string {
  if (m.key === 'patrolColumnStatus' && COLUMN_STATES.has(m.args[1] ?? '')) {
    const args = m.args.slice();
    args[1] = t(lang, `patrolColumnState_${args[1]!.replace(/-/g, '_')}`);
    return formatIn(lang, { key: m.key, args });
  }
  return formatIn(lang, m);
}

/** 检查项: the check's name (+ template name) and the finding's message. */
export function checkText(ctx: RowContext, f: Finding): string {
  const message = f.message ? messageText(ctx.lang, f.message) : '';
  if (f.kind === 'manual') {
    const tpl = f.templateId ? templateName(ctx, f.templateId) : '';
    return message || [ctx.labels.manual, tpl].filter(Boolean).join(' · ');
  }
  const name = checkName(ctx.lang, f.checkId);
  const head = f.templateId ? `${name} · ${templateName(ctx, f.templateId)}` : name;
  return message ? `${head}：${message}` : head;
}

/** The row of a finding, every cell already made safe (`safeCell`). */
export function findingRow(ctx: RowContext, f: Finding): string[] {
  const page = pageOf(ctx, f);
  const task = f.taskId !== null ? ctx.tasks.get(f.taskId) : undefined;
  const shots = f.screenshotIds.map((id) => ctx.screenshots.get(id));
  const locators = [...new Set(f.evidence.map((e) => humanLocation(ctx.lang, e)))];
  const cells: string[] = [
    page?.siteName || ctx.data.audit.name,
    page?.siteIdCode ?? '',
    (page ? columnNameIn(page.column, ctx.lang) : null) ?? '',
    page ? page.column.path.join(' > ') : '',
    f.title || page?.title || '',
    f.url,
    task?.no ?? '',
    task?.title ?? '',
    checkText(ctx, f),
    ctx.labels.result[f.status],
    f.severity ? ctx.labels.severity[f.severity] : '',
    f.missing.map((m) => m.name).join('、'),
    cap(f.evidence.map((e) => e.text).join(' | ')),
    cap(locators.join(' | ')),
    f.screenshotIds.map(screenshotPath).join('、'),
    shots
      .map((s) => (s ? chinaTime(s.capturedAt) : ''))
      .filter(Boolean)
      .join('、'),
    inspectorsOf(f),
    f.note,
    f.rectification ? ctx.labels.rect[f.rectification.status] : '',
    f.rectification?.due ?? '',
  ];
  for (let i = 0; i < cells.length; i++) cells[i] = safeCell(cells[i]!);
  return cells;
}

/** The findings as rows (the findings' order), with the header. */
export function findingRows(data: AuditData, lang: Language): { header: string[]; rows: string[][] } {
  const ctx = rowContext(data, lang);
  return { header: findingHeaders(lang).map(safeCell), rows: data.findings.map((f) => findingRow(ctx, f)) };
}
