/**
 * Portal columns (栏目) a task names, for matching the page the inspector is on:
 *   - a quoted name before 专题专栏/专栏/栏目/专题/频道/板块: `“新闻发布会”专题专栏` → 新闻发布会;
 *   - an unquoted one opened on the site: `开辟审计结果公开专栏` → 审计结果公开, `网站预决算公开统一平台(或专栏)` →
 *     预决算公开;
 *   - what the site publishes in one place: `门户网站和部门网站集中公开财政收支情况相关信息` → 财政收支,
 *     `门户网站,统一发布征地信息` → 征地信息.
 * Does not decide: which real column matches (a later issue compares these names with ColumnName / breadcrumbs).
 * Site names in quotes (“中国罗源湾”门户网站) are not columns.
 */
import { normalizeText } from '../text/normalize';
import type { ColumnRef, TextSource } from './model';

const QUOTED = /[“"「『]([^”"」』]{1,24})[”"」』](专题专栏|专栏|栏目|专题|频道|板块)/g;
const OPENED =
  /(?:开辟|开设|建设|设立|网站)(?:开辟|开设|建设|设立)?([\u4e00-\u9fff]{2,12}?)(专题专栏|专栏|栏目|统一平台)/g;
const PUBLISHED_ON_SITE = /网站[^。;]{0,12}?(?:集中公开|统一发布|集中发布)([\u4e00-\u9fff]{2,14}?)(?=[,。;]|$)/g;
const VERBISH = /^(?:开辟|开设|建设|设立|管理|和|及|并|的|集中|统一|主动)/;

function tidy(name: string): string {
  return name.replace(/(?:情况)?相关信息$/, '').replace(/情况$/, '');
}

/** Columns named in `text` (results normalised, one per name). */
export function extractColumns(text: string, source: TextSource): ColumnRef[] {
  const norm = normalizeText(text);
  const out: ColumnRef[] = [];
  const add = (name: string, phrase: string): void => {
    if (name.length < 2 || VERBISH.test(name)) return;
    if (!out.some((c) => c.name === name)) out.push({ name, phrase, source });
  };
  for (const m of norm.matchAll(QUOTED)) add((m[1] ?? '').trim(), m[0]);
  for (const m of norm.matchAll(OPENED)) add(m[1] ?? '', m[0].replace(/^网站/, ''));
  for (const m of norm.matchAll(PUBLISHED_ON_SITE)) {
    const raw = m[1] ?? '';
    if (raw.length > 14) continue;
    add(tidy(raw), m[0].replace(/^网站[^集统]*/, ''));
  }
  return out;
}
