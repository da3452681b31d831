/**
 * Reader for a plan flattened to text, as portals' "copy text" or PDF extraction give it (the seed's form): one table
 * cell per line, cells separated by a blank line, an empty cell marked by one more blank line.
 *
 * Decides, from the lines alone:
 *   - where the table starts (its header 工作任务 / 牵头单位 / 责任单位 / 工作要求, or the first category followed by
 *     task 1) and ends (portal chrome such as 附件下载 / 扫一扫);
 *   - rows: categories `一、…`, groups `(一)…`, tasks `1.…` (also `15…` without the dot; a number must not jump by
 *     more than three, which keeps `2017年底前…` a requirement);
 *   - cells of a task: the leading lines that look like unit lists are units, the rest is 工作要求. Two blank lines
 *     before the first unit line mean an empty 牵头单位. With more unit lines than cells, each unit on its own line
 *     is a paragraph of 牵头单位 and the last line is 责任单位 (warned as a guess when that last line is one unit);
 *     a row with no unit lines shares the units of the row above (merged cells);
 *   - a title with nothing after it at the end of the text is a truncated table (refused);
 *   - a table copied from a browser (tab-separated cells) is first turned into that flattened form.
 * Does not decide: normalisation, ids, extraction, overrides (assemble.ts).
 */
import { fail, planWarning, type PlanWarning } from './errors';
import {
  headerRole,
  isBlank,
  isFooter,
  matchSubHeading,
  matchTaskTitle,
  matchTopHeading,
  type HeaderRole,
} from './headings';
import { readBody, readMeta, type Paragraph } from './plan-body';
import type { RawPlan, RawRow, RawTask, RawUnitCell } from './raw';
import { isUnitList, looksLikeUnitLine } from './units';

interface Token {
  text: string;
  line: number;
  /** Blank lines between this line and the previous non-blank one. */
  blanksBefore: number;
}

const SUPPORTED_HEADER: readonly HeaderRole[] = ['title', 'lead', 'responsible', 'requirements'];
const MAX_NUMBER_JUMP = 3;

interface Header {
  first: number;
  last: number;
  roles: HeaderRole[];
  cells: string[];
}

function findHeader(lines: readonly string[]): Header | null {
  for (let i = 0; i < lines.length; i++) {
    const role = headerRole(lines[i] ?? '');
    if (role !== 'title' && role !== 'no') continue;
    const roles: HeaderRole[] = [role];
    const cells: string[] = [(lines[i] ?? '').trim()];
    let last = i;
    for (let j = i + 1; j < lines.length && j <= i + 16; j++) {
      const line = lines[j] ?? '';
      if (isBlank(line)) continue;
      const r = headerRole(line);
      if (r === null) break;
      roles.push(r);
      cells.push(line.trim());
      last = j;
    }
    if (roles.length >= 2 && roles.some((r) => r === 'lead' || r === 'responsible' || r === 'requirements')) {
      return { first: i, last, roles, cells };
    }
  }
  return null;
}

function nextNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) return i;
  return -1;
}

/** Without a header: the first category whose next rows (a group, then task 1–3) start the table. */
function findTableStartWithoutHeader(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!matchTopHeading(lines[i] ?? '')) continue;
    let j = nextNonBlank(lines, i + 1);
    if (j >= 0 && matchSubHeading(lines[j] ?? '')) j = nextNonBlank(lines, j + 1);
    const task = j >= 0 ? matchTaskTitle(lines[j] ?? '') : null;
    if (task && Number(task.no) <= MAX_NUMBER_JUMP) return i;
  }
  return -1;
}

function join(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text.trim()).join('\n');
}

const own = (text: string): RawUnitCell => ({ kind: 'own', text });

interface OpenTask {
  no: string;
  title: string;
  line: number;
  content: Token[];
  /** Blank lines after the last content line (before the next row or the end). */
  trailingBlanks: number;
}

function closeTask(open: OpenTask, taskOrdinal: number, isLast: boolean): RawTask {
  const warnings: PlanWarning[] = [];
  const at = { line: open.line };
  const units: Token[] = [];
  let k = 0;
  while (k < open.content.length && looksLikeUnitLine(open.content[k]?.text ?? '')) {
    units.push(open.content[k] as Token);
    k++;
  }
  const requirementTokens = open.content.slice(k);
  const requirements = join(requirementTokens);
  const previous = taskOrdinal - 1;
  const inherit = (): RawUnitCell => (previous >= 0 ? { kind: 'inherit', fromTask: previous } : own(''));

  let lead: RawUnitCell;
  let responsible: RawUnitCell;
  const first = units[0];
  if (first === undefined) {
    if (requirementTokens.length === 0) {
      if (isLast) fail('text.truncated', { no: open.no, title: open.title }, at);
      warnings.push(planWarning('task.titleOnly', { no: open.no }, at));
    }
    const gap = requirementTokens[0]?.blanksBefore ?? 1;
    if (gap >= 3) {
      lead = own('');
      responsible = own('');
    } else {
      lead = inherit();
      responsible = inherit();
      if (previous < 0) warnings.push(planWarning('units.noRowAbove', { no: open.no }, at));
    }
  } else if (first.blanksBefore >= 2) {
    lead = own('');
    responsible = own(join(units));
  } else if (units.length === 1) {
    lead = own(first.text.trim());
    responsible = own('');
    const gapAfter = requirementTokens[0]?.blanksBefore ?? open.trailingBlanks;
    if (gapAfter < 2) warnings.push(planWarning('units.singleLine', { no: open.no }, at));
  } else {
    const last = units[units.length - 1] as Token;
    lead = own(join(units.slice(0, -1)));
    responsible = own(last.text.trim());
    if (units.length >= 3 && !isUnitList(last.text)) {
      warnings.push(planWarning('units.boundaryGuessed', { no: open.no, lines: units.length }, { line: first.line }));
    }
  }
  return { kind: 'task', no: open.no, title: open.title, lead, responsible, requirements, at, warnings };
}

/**
 * A table copied from a browser arrives as tab-separated rows. Each row becomes the flattened form: cells on their
 * own lines separated by a blank line, an empty cell adding one blank line. A merged cell is simply absent from the
 * copied row, as in the flattened text. Only used when at least three lines hold two tabs or more.
 */
export function tabsToFlattened(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.filter((l) => (l.match(/\t/g) ?? []).length >= 2).length < 3) return text;
  return lines
    .map((line) => {
      if (!line.includes('\t')) return line;
      const cells = line.split('\t').map((c) => c.trim());
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells.reduce((acc, cell, i) => (i === 0 ? cell : cell === '' ? `${acc}\n` : `${acc}\n\n${cell}`), '');
    })
    .join('\n');
}

/** Whether the text's table has this reader's header (工作任务 | 牵头单位 | 责任单位 | 工作要求, in this order). */
export function hasFlattenedHeader(text: string): boolean {
  const header = findHeader(tabsToFlattened(text.replace(/^\ufeff/, '')).split(/\r\n|\r|\n/));
  return (
    header !== null &&
    header.roles.length === SUPPORTED_HEADER.length &&
    header.roles.every((r, i) => r === SUPPORTED_HEADER[i])
  );
}

/** Reads flattened plan text into rows, metadata and body. Throws PlanParseError when it cannot. */
export function readPlanText(text: string): RawPlan {
  const lines = tabsToFlattened(text.replace(/^\ufeff/, '')).split(/\r\n|\r|\n/);
  if (lines.every(isBlank)) fail('input.empty');

  const header = findHeader(lines);
  let start: number;
  let bodyEnd: number;
  if (header) {
    const ok =
      header.roles.length === SUPPORTED_HEADER.length && header.roles.every((r, i) => r === SUPPORTED_HEADER[i]);
    if (!ok) fail('text.unsupportedHeader', { header: header.cells.join(' | ') }, { line: header.first + 1 });
    start = header.last + 1;
    bodyEnd = header.first;
  } else {
    start = findTableStartWithoutHeader(lines);
    if (start < 0) fail('text.noTable', { lines: lines.length });
    bodyEnd = start;
  }
  let end = lines.length;
  for (let i = start; i < lines.length; i++) {
    if (isFooter(lines[i] ?? '')) {
      end = i;
      break;
    }
  }

  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < bodyEnd; i++) {
    const t = lines[i] ?? '';
    if (!isBlank(t)) paragraphs.push({ text: t, at: { line: i + 1 } });
  }
  const meta = readMeta(paragraphs);
  const body = readBody(paragraphs, meta);

  const tokens: Token[] = [];
  let blanks = 0;
  for (let i = start; i < end; i++) {
    const t = lines[i] ?? '';
    if (isBlank(t)) blanks++;
    else {
      tokens.push({ text: t, line: i + 1, blanksBefore: blanks });
      blanks = 0;
    }
  }
  const tailBlanks = blanks;

  const rows: RawRow[] = [];
  const warnings: PlanWarning[] = [];
  let open: OpenTask | null = null;
  let taskCount = 0;
  let previousNo = 0;
  const close = (trailing: number, isLast: boolean): void => {
    if (open === null) return;
    open.trailingBlanks = trailing;
    rows.push(closeTask(open, taskCount, isLast));
    taskCount++;
    open = null;
  };

  for (const token of tokens) {
    const top = matchTopHeading(token.text);
    const sub = top ? null : matchSubHeading(token.text);
    const task = top || sub ? null : matchTaskTitle(token.text);
    const n = task ? Number(task.no) : Number.NaN;
    const plausible = task !== null && n >= 1 && n <= previousNo + MAX_NUMBER_JUMP;
    if (top || sub || plausible) close(token.blanksBefore, false);
    if (top) rows.push({ kind: 'category', no: top.no, title: top.title, at: { line: token.line } });
    else if (sub) rows.push({ kind: 'group', no: sub.no, title: sub.title, at: { line: token.line } });
    else if (task && plausible) {
      if (n !== previousNo + 1) {
        warnings.push(
          planWarning('task.numberOutOfOrder', { no: task.no, previous: previousNo }, { line: token.line }),
        );
      }
      previousNo = n;
      open = { no: task.no, title: task.title, line: token.line, content: [], trailingBlanks: 0 };
    } else if (open !== null) {
      (open as OpenTask).content.push(token);
    }
    // Lines between a heading and the first task (or stray lines) carry no task and are ignored.
  }
  close(tailBlanks, true);

  if (!rows.some((r) => r.kind === 'task')) fail('text.noTasks', {}, { line: start + 1 });
  return { meta, body, rows, warnings };
}
