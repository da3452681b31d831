/**
 * Reader for a plan published as numbered paragraphs rather than a table:
 *   一、类别
 *   1. 稳企业、防风险。扎实做好……          (or （一）深入解读重要政策措施。……)
 *   牵头单位：省发展改革委、省经信厅       (or 责任单位： / 配合单位： lines, or a closing （牵头单位：…；责任单位：…）)
 *   …及时动态更新。（国务院审改办、人力资源社会保障部负责）  (the national 要点 form: a closing parenthesis whose
 *                                              every clause ends in 牵头 / 负责 / 配合 …, on the paragraph or its own line)
 *   …信息公开。（县发改局、县财政局）          (unit names alone: the responsible units when the unit vocabulary takes
 *                                              every part, said once as units.roleUnmarked)
 *
 * Decides: the task level — the numbering (`1.` or `（一）`) whose paragraphs are followed by unit lines; each such
 * paragraph is a task (title = its first sentence, requirements = the rest), one without units is a task with a
 * warning; `一、` lines are categories, `（一）` headings above numbered tasks are groups; the printed numbers are kept.
 * A plan with no unit anywhere (at least three numbered items under 一、 categories) imports with one warning saying so.
 * Does not decide: splitting unit names (units.ts), ids (assemble.ts).
 */
import { toHalfWidth } from '../text/normalize';
import { planWarning, type PlanWarning } from './errors';
import { deadlineHeaderWords } from './header-roles';
import { isBlank, isFooter, matchTopHeading } from './headings';
import type { SourceAt } from './model';
import { readMeta, type Paragraph } from './plan-body';
import type { RawPlan, RawRow } from './raw';
import { isMarkedUnitList, splitMarkedUnits } from './unit-roles';
import { isUnitName } from './units';

/**
 * The role labels, matching simplified and traditional script alike (`牵头单位` and `牽頭單位`: mirrors and 繁体 pages
 * print the latter; 朝阳市 2020, tests/real-plans/chaoyang-2020-paragraphs), character for character.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  牵: '牽',
  头: '頭',
  单: '單',
  责: '責',
  门: '門',
  办: '辦',
  与: '與',
  协: '協',
  参: '參',
  时: '時',
  间: '間',
};
const eitherScript = (words: string): string =>
  [...words].map((c) => (TRADITIONAL[c] !== undefined ? `[${c}${TRADITIONAL[c]}]` : c)).join('');
const labels = (words: readonly string[]): string => `(?:${words.map(eitherScript).join('|')})`;
const ALL_LABELS = labels([
  '牵头单位',
  '牵头部门',
  '主办单位',
  '责任单位',
  '责任部门',
  '责任科室',
  '配合单位',
  '配合部门',
  '参与单位',
  '协办单位',
]);
const CLOSING_LABELS = labels(['牵头单位', '牵头部门', '主办单位', '责任单位', '责任部门', '配合单位', '参与单位']);
/**
 * The labels of a task's deadline beside its units (`（牵头单位：…，责任单位：…，完成时限：长期坚持）`, 东洲区 2023,
 * tests/real-plans/dongzhou-2023-paragraphs): the deadline words of the header vocabulary (seeds/plan-headers).
 */
const DEADLINE_LABEL = new RegExp(`^\\s*${labels(deadlineHeaderWords())}\\s*$`);
/**
 * Where the next labelled part starts: after a `；` (`牵头单位：…；责任单位：…`), or after a `，` when a label and its
 * colon follow (`牵头单位：…，责任单位：…，完成时限：…`) — a comma inside a part (`县发改委，县财政局`) is no boundary.
 */
const NEXT_LABEL = new RegExp(
  `[；;]\\s*(?=${labels(['牵头', '主办', '责任', '配合', '参与', '协办'])})|[，,]\\s*(?=(?:${ALL_LABELS}|${labels(deadlineHeaderWords())})\\s*[:：])`,
);
/** A label naming the lead. */
const LEAD_LABEL = new RegExp(labels(['牵头', '主办']));

const UNIT_LINE = new RegExp(`^[\\s\\u00a0]*[（(]?\\s*(${ALL_LABELS})\\s*[:：]\\s*(.+?)\\s*[)）]?\\s*$`);
const CLOSING_UNITS = new RegExp(`[（(]\\s*(${CLOSING_LABELS}\\s*[:：][^（）()]+)[)）]\\s*$`);
/**
 * A bracket naming units with role labels, anywhere in a paragraph: `（牵头单位：区商务局；责任单位：…）`, `[责任单位：…]`,
 * `【责任单位：…】`. The content may hold parentheses of its own (`临空经济区(空港新城)事务中心`) but no bracket of the
 * same kind.
 */
const LABELLED_BRACKET = new RegExp(
  `[（(［[【]\\s*(${ALL_LABELS}\\s*[:：](?:[^（）()［］[\\]【】]|[（(][^（）()]*[)）])+?)\\s*[)）］\\]】]`,
  'g',
);
/** `……。责任单位：省政府各部门` — the unit line run into the paragraph after its last sentence. */
const TRAILING_UNITS = new RegExp(`[。；;]\\s*(${CLOSING_LABELS}\\s*[:：].+)$`);

/**
 * A 一、 heading that names a part of the document rather than a topic of work: 二、目标任务 (红谷滩区 2022), 二、主要任务
 * (贵州省发展改革委 2021, 舟山市 2022), 二、主要任务和责任分工 (彰武县 2020). The （一） headings under it are the plan's
 * categories (（一）强化重点领域信息公开 over 1、 tasks).
 */
const SECTION_HEADING =
  /^(?:目标任务|主要任务|重点任务|工作任务|重点工作|主要工作|工作措施|具体措施)(?:和责任分工|及责任分工|和分工)?$/;
const isSection = (title: string): boolean => SECTION_HEADING.test(title.replace(/[\s。:：]/g, ''));

/** `1.` tasks, `（一）` tasks, or `一、` paragraphs that are tasks themselves (a plan with no lower level: 石城 2024). */
type Level = 'arabic' | 'paren' | 'top';

/** A parenthesis of a text at the top level (nested ones inside it are part of it): its content and where it stands. */
interface Parenthesis {
  content: string;
  start: number;
  end: number;
}

/** Every top-level parenthesis of a text, `(…)` or `（…）`, nested ones inside it allowed (`各县（市、区）政府负责`). */
function parentheses(text: string): Parenthesis[] {
  const out: Parenthesis[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') {
      if (depth === 0) open = i;
      depth++;
    } else if ((ch === ')' || ch === '）') && depth > 0) {
      depth--;
      if (depth === 0 && open >= 0) out.push({ content: text.slice(open + 1, i).trim(), start: open, end: i + 1 });
    }
  }
  return out;
}

/**
 * Every parenthesis of a text whose every clause names units with a role marker. Parentheses that say something else
 * (`（2016年底前完成）`, `（以下简称《条例》）`) are not.
 */
function roleParentheses(text: string): Parenthesis[] {
  return parentheses(text).filter((p) => p.content.length <= 300 && isMarkedUnitList(p.content));
}

/**
 * Every parenthesis that closes a clause and holds unit names only, with no role word (`…信息公开。（县财政局）`,
 * `…公开（县发改局、县财政局）。`): every part of it a unit name as the unit vocabulary reads one (units.ts over
 * seeds/units). Not a name's other name right after it (`县司法局（县行政复议局）`), nor a parenthesis that says
 * something else (`（2023年底前）`, `（以下简称“县政务办”）`).
 */
function unitParentheses(text: string): Parenthesis[] {
  return parentheses(text).filter(({ content, start, end }) => {
    const before = text.slice(0, start).trimEnd();
    const after = text.slice(end).trimStart();
    const closesClause = after === '' || /^[。；;，,.]/.test(after) || /[。；;]$/.test(before);
    // Right after a name (`县司法局（县行政复议局）`, `到村（社区）`) it is the name's other name or its other kind.
    const nameBefore = !/[。；;，,:：]$/.test(before) && (isUnitName(before.slice(-8)) || /[村居]$/.test(before));
    const parts = content.split(/[、，,；;]/).map((x) => x.trim());
    return (
      closesClause &&
      !nameBefore &&
      content.length <= 200 &&
      !/[“”"《》]|简称|以下|包括|含/.test(content) &&
      parts.every((x) => x !== '' && isUnitName(x))
    );
  });
}

function numbered(line: string): { level: Level; no: string; text: string } | null {
  const half = toHalfWidth(line);
  const paren = /^[\s\u00a0]*\(\s*([零〇一二三四五六七八九十]+)\s*\)\s*/.exec(half);
  if (paren) return { level: 'paren', no: paren[1] ?? '', text: line.slice(paren[0].length).trim() };
  const arabic = /^[\s\u00a0]*(\d{1,3})\s*[.、](?!\d)\s*/.exec(half);
  if (arabic && !/^[年月日天时个%万亿]/.test(half.slice(arabic[0].length)))
    return { level: 'arabic', no: String(Number(arabic[1])), text: line.slice(arabic[0].length).trim() };
  // `一、` that is not a heading (it goes on past a full stop): a paragraph of that level, a task when units close it.
  const top = /^[\s\u00a0]*([零〇一二三四五六七八九十]+)\s*、\s*/.exec(half);
  if (top) return { level: 'top', no: top[1] ?? '', text: line.slice(top[0].length).trim() };
  return null;
}

interface Item {
  level: Level;
  no: string;
  text: string;
  lead: string[];
  responsible: string[];
  at: SourceAt;
  category: { no: string; title: string; at: SourceAt } | null;
  /** The numbered line alone, when it is a heading (no 。) that later lines continue: `（一）进一步推进权力清单公开`. */
  heading?: string;
  /** The deadline a labelled part names (`完成时限：长期坚持`). */
  deadline?: string;
}

function addUnits(item: Item, label: string, value: string): void {
  if (DEADLINE_LABEL.test(label)) item.deadline = value.trim().replace(/[。；;，,]$/, '');
  else if (LEAD_LABEL.test(label)) item.lead.push(value);
  else {
    const marked = splitMarkedUnits(value);
    if (marked.lead !== '') item.lead.push(marked.lead);
    if (marked.rest !== '') item.responsible.push(marked.rest);
  }
}

function firstSentence(text: string): { title: string; rest: string } {
  const stop = text.search(/[。]/);
  if (stop < 0 || stop > 80) return { title: text.trim(), rest: '' };
  return { title: text.slice(0, stop).trim(), rest: text.slice(stop + 1).trim() };
}

/**
 * A numbering that starts a paragraph inside a line, after a space: ` 一、`, ` （一）`, ` 1、`, ` 1.` — pages that
 * lost their paragraph breaks print the whole plan as one line, paragraphs joined by a space (红谷滩区 2022,
 * tests/real-plans/honggutan-2022-paragraphs). Not `1.5`, not `2、3月` (a number that goes on as one).
 */
const EMBEDDED_NUMBER =
  /[\s\u00a0\u3000]+(?=(?:[零〇一二三四五六七八九十]{1,3}、|[(（][零〇一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．](?![\d年月日])))/g;
/** A line this long holding at least two such numberings is paragraphs run together, not one paragraph. */
const RUN_TOGETHER_MIN_LENGTH = 200;
const RUN_TOGETHER_MIN_NUMBERS = 2;
/** `一、总体要求 2022年是…`: a heading (short, no sentence) and, after a space, the paragraph under it. */
const HEADING_THEN_TEXT = /^(\S{2,40})[\s\u00a0\u3000]+(\S.*)$/s;

/**
 * The lines with paragraphs run together split at each numbering after a space, and a short heading split from the
 * text after it; each piece keeps the line number of its line. The count of lines split is returned for the warning.
 */
function splitRunTogether(
  lines: readonly string[],
  lineNumbers: readonly number[] | undefined,
): { lines: string[]; lineNumbers: number[]; split: number; firstLine: number } {
  const out: string[] = [];
  const numbers: number[] = [];
  let split = 0;
  let firstLine = 0;
  lines.forEach((line, i) => {
    const at = lineNumbers?.[i] ?? i + 1;
    const found = line.length >= RUN_TOGETHER_MIN_LENGTH ? (line.match(EMBEDDED_NUMBER)?.length ?? 0) : 0;
    if (found < RUN_TOGETHER_MIN_NUMBERS) {
      out.push(line);
      numbers.push(at);
      return;
    }
    split++;
    if (firstLine === 0) firstLine = at;
    for (const piece of line.split(EMBEDDED_NUMBER)) {
      const m = HEADING_THEN_TEXT.exec(piece.trim());
      const head = m?.[1] ?? '';
      const parts = m && numbered(head) !== null && !/[。；;]/.test(head) ? [head, m[2] ?? ''] : [piece];
      for (const part of parts) {
        out.push(part);
        numbers.push(at);
      }
    }
  });
  return { lines: out, lineNumbers: numbers, split, firstLine };
}

/** A plan of numbered paragraphs with unit lines; null when the text has no paragraph followed by units. */
export function readPlanParagraphs(
  printedLines: readonly string[],
  printedLineNumbers?: readonly number[],
): RawPlan | null {
  const runTogether = splitRunTogether(printedLines, printedLineNumbers);
  const { lines, lineNumbers } = runTogether;
  const items: Item[] = [];
  const paragraphs: Paragraph[] = [];
  let category: Item['category'] = null;
  let open: Item | null = null;
  let unitLines = 0;
  const levelsWithUnits = new Set<Level>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (isBlank(raw)) continue;
    // Page tools (分享到, 打印) end the plan once it has begun; above the article they are the portal's bar.
    if (isFooter(raw)) {
      if (items.length > 0) break;
      continue;
    }
    const at = { line: lineNumbers?.[i] ?? i + 1 };
    const text = raw.trim();
    const unit = UNIT_LINE.exec(text);
    if (unit && open !== null) {
      // `牵头单位：…；责任单位：…` on one line.
      for (const part of text.replace(/^[（(]|[)）]$/g, '').split(NEXT_LABEL)) {
        const m = UNIT_LINE.exec(part);
        if (m) addUnits(open, m[1] ?? '', m[2] ?? '');
      }
      levelsWithUnits.add(open.level);
      unitLines++;
      continue;
    }
    // A heading has no sentence in it; `一、聚焦…。及时公开…（…负责）` is a paragraph of that level.
    const top = matchTopHeading(text);
    if (top && !/。./.test(top.title)) {
      category = { no: top.no, title: top.title, at };
      open = null;
      continue;
    }
    const n = numbered(text);
    if (n) {
      open = {
        level: n.level,
        no: n.no,
        text: n.text,
        lead: [],
        responsible: [],
        at,
        category: n.level === 'top' ? null : category,
      };
      // Labelled brackets are read after the paragraph is whole (there may be several, or one on a later line).
      const closing =
        n.text.search(LABELLED_BRACKET) >= 0 ? null : (CLOSING_UNITS.exec(n.text) ?? TRAILING_UNITS.exec(n.text));
      if (closing) {
        open.text = n.text.slice(0, closing.index + (closing[0].startsWith('。') ? 1 : 0)).trim();
        for (const part of (closing[1] ?? '').split(NEXT_LABEL)) {
          const m = /^\s*(\S+?)\s*[:：]\s*(.+)$/.exec(part);
          if (m) addUnits(open, m[1] ?? '', m[2] ?? '');
        }
        levelsWithUnits.add(n.level);
        unitLines++;
      }
      items.push(open);
      // An 一、 paragraph is a task only when units close it; until then it is also read as text of the document, and
      // as the category of the numbered paragraphs under it (`一、聚焦重点领域。加强信息公开。` over （一）…).
      if (n.level === 'top') {
        paragraphs.push({ text, at });
        category = { no: n.no, title: firstSentence(n.text).title, at };
      }
      continue;
    }
    if (open !== null && items.length > 0) {
      if (open.heading === undefined && open.text.length <= 60 && !/[。；;]/.test(open.text)) open.heading = open.text;
      open.text += text;
      if (open.level === 'top') paragraphs.push({ text, at });
      continue;
    }
    paragraphs.push({ text, at });
  }
  // Labelled brackets anywhere in the paragraph or the lines that continue it — one per clause when a paragraph
  // assigns its clauses to different units: every one of them counts, 牵头 as lead, the others as responsible, with
  // those of a unit line after the paragraph (德清 2022: …（牵头单位:县发改局）常态化推进… / （牵头单位:县财政局）).
  for (const item of items) {
    const brackets = [...item.text.matchAll(LABELLED_BRACKET)];
    if (brackets.length === 0) continue;
    for (const b of brackets) {
      for (const part of (b[1] ?? '').split(NEXT_LABEL)) {
        const m = /^\s*(\S+?)\s*[:：]\s*(.+)$/.exec(part);
        if (m) addUnits(item, m[1] ?? '', m[2] ?? '');
      }
    }
    item.text = item.text.replace(LABELLED_BRACKET, '').trim();
    if (item.heading !== undefined && !item.text.startsWith(item.heading)) delete item.heading;
    levelsWithUnits.add(item.level);
    unitLines++;
  }
  // The national form: units in a closing parenthesis, on the task's own line or on the lines that continue it — and
  // in the parentheses that close each clause when a paragraph assigns its clauses to different units
  // (`…(区政府办牵头,相关单位负责落实)。加强…(区发改委、区教委分别负责落实)。`): every one of them counts.
  for (const item of items) {
    if (item.lead.length > 0 || item.responsible.length > 0) continue;
    const found = roleParentheses(item.text);
    if (found.length === 0) continue;
    for (const p of found) {
      const marked = splitMarkedUnits(p.content);
      if (marked.lead !== '') item.lead.push(marked.lead);
      if (marked.rest !== '') item.responsible.push(marked.rest);
    }
    let text = item.text;
    for (const p of [...found].reverse()) text = text.slice(0, p.start) + text.slice(p.end);
    item.text = text.trim();
    levelsWithUnits.add(item.level);
    unitLines++;
  }
  // Units in a parenthesis without a role word (`…信息公开。（县发改局、县财政局）`), read when every part of it is a unit
  // name: the responsible units (no lead is invented), and the import says how they were read.
  let unmarked = 0;
  let firstUnmarked: Item | undefined;
  for (const item of items) {
    if (item.lead.length > 0 || item.responsible.length > 0) continue;
    const found = unitParentheses(item.text);
    if (found.length === 0) continue;
    for (const p of found) item.responsible.push(p.content);
    let text = item.text;
    for (const p of [...found].reverse()) text = text.slice(0, p.start) + text.slice(p.end);
    item.text = text.trim();
    levelsWithUnits.add(item.level);
    unitLines++;
    unmarked++;
    firstUnmarked ??= item;
  }
  // A plan that names no unit at all (国办's 要点 since 2017 print none): still a plan when numbered items sit under
  // 一、 categories — at least three of them — imported with one warning instead of one per task.
  const noUnits = unitLines === 0;
  const levels = new Set(items.filter((i) => i.category !== null).map((i) => i.level));
  if (noUnits && (levels.size === 0 || items.filter((i) => i.category !== null).length < 3)) return null;
  // The task level: the numbering that carries units (arabic, then （一）, then 一、 paragraphs); without units, arabic
  // when present.
  const withUnits = noUnits ? levels : levelsWithUnits;
  const level: Level = withUnits.has('arabic') ? 'arabic' : withUnits.has('paren') || noUnits ? 'paren' : 'top';
  const rows: RawRow[] = [];
  const warnings: PlanWarning[] = [];
  let lastCategory: Item['category'] = null;
  let previous: number | null = null;
  /** Paragraphs off the task level that name units: their units are in no task, which the import says. */
  const unitsNotRead: Item[] = [];
  /** Sections whose （一） headings stand over the tasks: those headings are the categories, not the section. */
  const sectionsOfGroups = new Set(
    items
      .filter((i) => level === 'arabic' && i.level === 'paren' && i.category !== null && isSection(i.category.title))
      .map((i) => i.category),
  );
  for (const item of items) {
    if (item.category !== lastCategory && item.category !== null) {
      if (!sectionsOfGroups.has(item.category))
        rows.push({ kind: 'category', no: item.category.no, title: item.category.title, at: item.category.at });
      lastCategory = item.category;
    }
    if (item.level !== level) {
      if (level === 'arabic' && item.level === 'paren' && item.text.length <= 60 && !/。./.test(item.text)) {
        const kind = sectionsOfGroups.has(item.category) ? 'category' : 'group';
        rows.push({ kind, no: item.no, title: item.text.replace(/。$/, ''), at: item.at });
      }
      if (item.lead.length > 0 || item.responsible.length > 0) unitsNotRead.push(item);
      continue;
    }
    const { title, rest } =
      item.heading !== undefined && item.text.startsWith(item.heading)
        ? { title: item.heading.replace(/[：:]$/, ''), rest: item.text.slice(item.heading.length).trim() }
        : firstSentence(item.text);
    const n = level === 'arabic' ? Number(item.no) : Number.NaN;
    if (Number.isFinite(n) && previous !== null) {
      if (n === previous) warnings.push(planWarning('task.numberRepeated', { no: item.no }, item.at));
      else if (n < previous) warnings.push(planWarning('task.numberOutOfOrder', { no: item.no, previous }, item.at));
      else if (n > previous + 1)
        warnings.push(planWarning('task.numberGap', { no: item.no, previous, missing: previous + 1 }, item.at));
    }
    if (Number.isFinite(n)) previous = n;
    const taskWarnings: PlanWarning[] = [];
    if (!noUnits && item.lead.length === 0 && item.responsible.length === 0)
      taskWarnings.push(planWarning('units.missing', { no: item.no }, item.at));
    rows.push({
      kind: 'task',
      no: item.no,
      title,
      lead: { kind: 'own', text: item.lead.join('\n') },
      responsible: { kind: 'own', text: item.responsible.join('\n') },
      requirements: rest,
      ...(item.deadline !== undefined && item.deadline !== '' ? { deadline: item.deadline } : {}),
      at: item.at,
      warnings: taskWarnings,
    });
  }
  if (!rows.some((r) => r.kind === 'task')) return null;
  const firstNotRead = unitsNotRead[0];
  if (firstNotRead !== undefined)
    warnings.push(
      planWarning(
        'paragraphs.unitsNotRead',
        { count: unitsNotRead.length, sample: `${firstNotRead.no} ${firstNotRead.text}`.slice(0, 40) },
        firstNotRead.at,
      ),
    );
  if (firstUnmarked !== undefined)
    warnings.push(
      planWarning(
        'units.roleUnmarked',
        { count: unmarked, sample: `${firstUnmarked.no} ${firstUnmarked.text}`.slice(0, 40) },
        firstUnmarked.at,
      ),
    );
  if (noUnits)
    warnings.unshift(planWarning('units.noneInPlan', { tasks: rows.filter((r) => r.kind === 'task').length }));
  if (runTogether.split > 0)
    warnings.unshift(
      planWarning('paragraphs.runTogether', { count: runTogether.split }, { line: runTogether.firstLine }),
    );
  const meta = readMeta(paragraphs);
  return { meta, body: { preamble: [], chapters: [] }, rows, warnings };
}
