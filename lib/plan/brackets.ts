/**
 * The closing bracket of a plan clause, which names who leads and who is responsible:
 * `…公开。[县政府办公室牵头,县直有关部门、各乡(镇)人民政府负责]`, `(縣數字辦牽頭,縣直有關部門負責)`,
 * `(县政府办公室牵头)`, `[縣直有關部門、各鄉(鎮)人民政府負責]`.
 *
 * Decides: what the bracket is (the last balanced [], 【】, () or （） at the very end of the clause that mentions
 * 牵头 or 负责) and how it splits into the lead part (before 牵头) and the responsible part (before 负责).
 * Does not decide: the unit names inside the parts (units.ts).
 */

export interface ClauseBracket {
  /** The clause without its bracket, trimmed. */
  body: string;
  /** The bracket as published, '' when none. */
  bracket: string;
  /** Published text of the lead part, '' when none. */
  lead: string;
  /** Published text of the responsible part, '' when none. */
  responsible: string;
}

const PAIRS: Record<string, string> = { ']': '[', '】': '【', ')': '(', '）': '（' };
const MENTIONS_UNITS = /牵头|牽頭|负责|負責/;

export function splitClauseBracket(text: string): ClauseBracket {
  const trimmed = text.trim();
  const none: ClauseBracket = { body: trimmed, bracket: '', lead: '', responsible: '' };
  const close = trimmed[trimmed.length - 1] ?? '';
  if (!(close in PAIRS)) return none;
  let depth = 0;
  let open = -1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const c = trimmed[i] ?? '';
    if (c in PAIRS) depth++;
    else if (Object.values(PAIRS).includes(c)) {
      depth--;
      if (depth === 0) {
        open = i;
        break;
      }
    }
  }
  if (open < 0) return none;
  const bracket = trimmed.slice(open);
  const inner = bracket.slice(1, -1);
  if (!MENTIONS_UNITS.test(inner)) return none;
  const m = /^(.*?)(?:牵头|牽頭)[,，、]?(.*)$/s.exec(inner);
  const lead = m ? (m[1] ?? '') : '';
  const rest = m ? (m[2] ?? '') : inner;
  const responsible = rest.replace(/(?:负责|負責)\s*$/, '');
  return { body: trimmed.slice(0, open).trim(), bracket, lead: lead.trim(), responsible: responsible.trim() };
}
