/**
 * Lead and responsible units marked inside one cell, as plans print them in a single 责任单位 column:
 * `办公室牵头,各科室配合` → lead 办公室, responsible 各科室; `市发展改革委牵头，市住建局等负责` likewise;
 * `市政府各有关部门,各县市区人民政府负责落实` → responsible only.
 *
 * Decides: the markers (…牵头 / …牵头负责 / …牵头落实 / …分别牵头 for the lead; …配合 / …负责 / …负责落实 / …参与 for
 * the others), read per clause (clauses are separated by ， , ； ; and line breaks). A cell without a lead marker is
 * returned whole as the responsible units — no lead is ever invented.
 * Does not decide: how the names are split and cleaned (units.ts).
 */

const LEAD = /^(.+?)(?:分别)?牵头(?:负责|落实|实施|组织)?(?:落实)?$/;
const OTHER = /^(.+?)(?:等)?(?:按职责分工|按职责)?(?:负责落实|负责|配合落实|配合|参与|具体落实|落实)$/;

export interface MarkedUnits {
  /** The lead units' clauses, as printed without their marker ('' when no clause is marked as lead). */
  lead: string;
  /** Everything else, markers removed only where a lead was marked. */
  rest: string;
}

export function splitMarkedUnits(text: string): MarkedUnits {
  const clauses = text
    .split(/[，,；;\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const leads: string[] = [];
  const rest: string[] = [];
  let marked = false;
  for (const clause of clauses) {
    const lead = LEAD.exec(clause);
    if (lead?.[1]) {
      leads.push(lead[1]);
      marked = true;
      continue;
    }
    const other = OTHER.exec(clause);
    if (other?.[1]) marked = true;
    rest.push(other?.[1] ?? clause);
  }
  if (!marked) return { lead: '', rest: text.trim() };
  return { lead: leads.join('、'), rest: rest.join('\n') };
}
