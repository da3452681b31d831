/**
 * Lead and responsible units marked inside one cell, as plans print them in a single 责任单位 column:
 * `办公室牵头,各科室配合` → lead 办公室, responsible 各科室; `市发展改革委牵头，市住建局等负责` likewise;
 * `市政府各有关部门,各县市区人民政府负责落实` → responsible only; `区司法局牵头区级…公开工作` → lead 区司法局 (the unit
 * before the marker, the work after it left out of the names).
 *
 * Decides: the markers (…牵头 / …牵头负责 / …牵头落实 / …分别牵头 for the lead; …配合 / …负责 / …负责落实 / …分别负责落实 /
 * …参与 for the others), read per clause (clauses are separated by ， , ； ; and line breaks, and by 、 right after a marker:
 * `区政务服务局牵头、区政府各部门负责落实`); a clause `A会同B` (national usage: 财政部会同有关部门…) and, between two
 * office names, the bare `A会B` of 广东's provincial departments (`宣传处会办公室`: 宣传处 with 办公室, 会办 being their
 * word for the unit that assists; 广东省卫生健康委 2021 重点任务台账, tests/real-plans/gdwsjkw-2021-ledger) read as A
 * leading and B with it — never where 会 begins a word of its own (会计科, 会议室, 会展中心) or ends one (管委会,
 * 居委会). A cell without a lead marker is returned whole as the responsible units — no lead is ever invented.
 * Does not decide: how the names are split and cleaned (units.ts).
 */
import { toSimplified } from '../text/normalize';
import { looksLikeUnitLine } from './units';

const LEAD = /^(.+?)(?:分别)?牵头(?:负责|落实|实施|组织)?(?:落实)?$/;
const OTHER = /^(.+?)(?:等)?(?:按职责分工|按职责|分别)?(?:负责落实|负责|配合落实|配合|参与|具体落实|落实)$/;
/**
 * A clause naming the unit, its role and the work it does (`区司法局牵头区级规范性文件集中公开工作`,
 * `各成员单位负责做好本单位…公开工作`: 张店区 2023 任务清单): the unit before the marker, when it reads as one.
 */
const LEAD_WORK = /^(.+?)(?:分别)?牵头(?!单位|部门)(.+)$/;
const OTHER_WORK = /^(.+?)(?:具体|分别)?负责(?!人)(.+)$/;

function unitBeforeWork(pattern: RegExp, clause: string): string | null {
  const unit = matchMarker(pattern, clause);
  return unit !== null && looksLikeUnitLine(unit) ? unit : null;
}

/** `A会同B`: A leads, with B. */
const JOINTLY = /^(.+?)会同(.+)$/;
/** `A会B` between office names: A ends as an office or organ does, and 会 starts no word (会计, 会议, 会展 …). */
const JOINTLY_BARE = /^(.+?(?:处|科|股|室|局|厅|办|中心))会(?![计议展员务商所馆堂审签稿])(.+)$/;

/** The two units of a clause that says one works with the other (`A会同B`, `A会B`), both read as unit names. */
function jointly(clause: string): { lead: string; rest: string } | null {
  const simplified = toSimplified(clause);
  const m = JOINTLY.exec(simplified) ?? JOINTLY_BARE.exec(simplified);
  const lead = m?.[1];
  const rest = m?.[2];
  if (lead === undefined || rest === undefined) return null;
  const other = OTHER.exec(rest)?.[1] ?? rest;
  if (!looksLikeUnitLine(lead) || !looksLikeUnitLine(other)) return null;
  return simplified.length === clause.length
    ? {
        lead: clause.slice(0, lead.length),
        rest: clause.slice(simplified.length - rest.length, simplified.length - rest.length + other.length),
      }
    : { lead, rest: other };
}

/**
 * A clause matched against a marker pattern in simplified script (`牽頭`, `負責` count), the names returned as printed
 * where the conversion kept the clause's length (it does, character for character, for unit names).
 */
function matchMarker(pattern: RegExp, clause: string): string | null {
  const simplified = toSimplified(clause);
  const m = pattern.exec(simplified);
  if (!m?.[1]) return null;
  return simplified.length === clause.length ? clause.slice(0, m[1].length) : m[1];
}

export interface MarkedUnits {
  /** The lead units' clauses, as printed without their marker ('' when no clause is marked as lead). */
  lead: string;
  /** Everything else, markers removed only where a lead was marked. */
  rest: string;
}

/** A 、 right after a role marker ends a clause as a comma does (`…牵头、…负责落实`); elsewhere it separates names. */
const MARKER_THEN_LIST_COMMA = /(牵头|牽頭|负责落实|負責落實|负责|負責|配合|参与|參與)、/g;

function clausesOf(text: string): string[] {
  return text
    .replace(MARKER_THEN_LIST_COMMA, '$1\n')
    .split(/[，,；;\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

export function splitMarkedUnits(text: string): MarkedUnits {
  const clauses = clausesOf(text);
  const leads: string[] = [];
  const rest: string[] = [];
  let marked = false;
  for (const clause of clauses) {
    const together = matchMarker(LEAD, clause) === null ? jointly(clause) : null;
    if (together !== null) {
      leads.push(together.lead);
      rest.push(together.rest);
      marked = true;
      continue;
    }
    const lead = matchMarker(LEAD, clause) ?? unitBeforeWork(LEAD_WORK, clause);
    if (lead !== null) {
      leads.push(lead);
      marked = true;
      continue;
    }
    const other = matchMarker(OTHER, clause) ?? unitBeforeWork(OTHER_WORK, clause);
    if (other !== null) marked = true;
    rest.push(other ?? clause);
  }
  if (!marked) return { lead: '', rest: text.trim() };
  return { lead: leads.join('、'), rest: rest.join('\n') };
}

/**
 * True when every clause of the text carries a role marker (`国务院审改办、人力资源社会保障部负责`,
 * `财政部牵头，各地区、各部门负责`): the closing parenthesis of a national-style task paragraph, as opposed to a
 * parenthesis that says something else (`（2016年底前完成）`).
 */
export function isMarkedUnitList(text: string): boolean {
  const clauses = clausesOf(text);
  return clauses.length > 0 && clauses.every((c) => matchMarker(LEAD, c) !== null || matchMarker(OTHER, c) !== null);
}
