/**
 * Keywords of a task, for matching it to the page or column the inspector is on. Deterministic, normalised:
 * column names, quoted terms (“河长制”, “双随机、一公开”; site names such as “中国罗源湾”门户网站 excluded), the names
 * of the element templates it references, and the core phrases of its title (`按月公开全县财政收支情况` → 财政收支).
 *
 * Does not decide: how matches are scored (a later issue does).
 */
import { normalizeText } from '../text/normalize';

const LEADING = [
  '进一步做好',
  '进一步规范',
  '进一步',
  '深入推进',
  '深入解读',
  '大力推进',
  '加快建立',
  '加快制定',
  '加快',
  '主动公开',
  '及时公开',
  '及时发布',
  '及时回应',
  '依法依规公开',
  '公开清理规范',
  '集中展示',
  '切实做好',
  '探索做好',
  '按月公开',
  '用好管好',
  '规范公开',
  '定期发布',
  '定期公布',
  '按照统一部署开展',
  '全面推行',
  '准确及时的',
  '落实',
  '做好',
  '推进',
  '推行',
  '加大',
  '加强',
  '强化',
  '完善',
  '健全',
  '建立',
  '公开',
  '公布',
  '发布',
  '制定',
  '围绕',
  '对',
  '及时',
  '其',
  '月度',
  '季度',
  '年度',
  '按月',
  '按季度',
  '每月',
  '每年',
  '定期',
];
const TRAILING = [
  '信息公开力度',
  '信息公开工作',
  '公开工作机制',
  '信息公开',
  '公开力度',
  '公开工作',
  '相关规定',
  '工作机制',
  '工作进展',
  '定期发布',
  '等信息',
  '等行为',
  '工作',
  '力度',
  '情况',
  '机制',
  '要求',
  '进展',
  '的',
  '等',
];
const SCOPE = /^(?:全县|全市|各级|我县|本县|县内|县)/;
const SITE_QUOTE = /[“"「]([^”"」]{1,16})[”"」](?!门户网站|网站|政府门户网站)/g;

function stripOnce(s: string, list: readonly string[], atStart: boolean): string {
  for (const w of list) {
    if (atStart ? s.startsWith(w) : s.endsWith(w)) return atStart ? s.slice(w.length) : s.slice(0, s.length - w.length);
  }
  return s;
}

/** Core phrases of a title. */
export function titlePhrases(title: string): string[] {
  const norm = normalizeText(title).replace(/[\s“”"「」]/g, '');
  const out: string[] = [];
  // 及 before 时 is 及时 (timely), not “and”.
  for (const part of norm.split(/以及|[、,;:()]|和|及(?!时)|与/)) {
    let p = part;
    for (let i = 0; i < 3; i++) p = stripOnce(p, LEADING, true);
    for (let i = 0; i < 4; i++) p = stripOnce(p, TRAILING, false);
    p = p.replace(SCOPE, '');
    if (p.length >= 3 && p.length <= 16 && !out.includes(p)) out.push(p);
  }
  return out;
}

/** Quoted terms of a text, site names excluded. */
export function quotedTerms(text: string): string[] {
  const norm = normalizeText(text);
  const out: string[] = [];
  for (const m of norm.matchAll(SITE_QUOTE)) {
    const term = (m[1] ?? '').trim();
    if (term.length >= 2) out.push(term);
  }
  return out;
}

export function buildKeywords(parts: {
  title: string;
  requirements: string;
  columns: readonly string[];
  templateNames: readonly string[];
}): string[] {
  const out: string[] = [];
  const add = (k: string): void => {
    if (k.length >= 2 && !out.includes(k)) out.push(k);
  };
  parts.columns.forEach(add);
  quotedTerms(parts.title).forEach(add);
  titlePhrases(parts.title).forEach(add);
  quotedTerms(parts.requirements).forEach(add);
  parts.templateNames.forEach(add);
  return out;
}
