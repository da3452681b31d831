/**
 * The elements a label sits in when it stands beside its value element (`<span>事项名称</span><span>…</span>`): the
 * first element of a pair's host (div, li, p, dd) must be one of these for the pair reader to read it. Shared by the
 * element walk, which notes each host's first element when it is one, and the pair reader (fields.ts).
 */
export const PAIR_LABEL_TAGS: ReadonlySet<string> = new Set(['SPAN', 'LABEL', 'B', 'STRONG', 'EM', 'FONT', 'DT', 'TH']);

/** The same, by local name (as the element walk reads names). */
export const PAIR_LABEL_NAMES: ReadonlySet<string> = new Set([...PAIR_LABEL_TAGS].map((t) => t.toLowerCase()));
