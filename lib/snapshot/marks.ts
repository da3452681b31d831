/**
 * Short printed signals: the 发布时间/来源 line (labelled; a date before 来源; or an unlabelled byline right under the
 * article's headline), blank-column notices (暂无信息 …), a removed page's notice (本网页已删除, 您访问的页面不存在 …),
 * pagination totals
 * (`createPageHTML(total, current, …)`, 共N页 / 共N条) and validity marks (有效 / 废止 / 失效).
 * Each starts from the text nodes that hold its words (see text-index) and reads only the few elements around them.
 */
import { findDate } from './dates';
import { parseInlinePairs } from './fields';
import { locate } from './locator';
import { collapse, compact } from './text';
import { flatText, hasInk, type PageText } from './text-index';
import { BLANK_WORD, GONE_WORD, PAGER_WORD, PUBLISH_WORD, SOURCE_WORD, TOTAL_WORD, VALIDITY_WORD } from './text-marks';
import type { Evidence, Pagination, PublishInfo } from './types';

const BLANK =
  /^(暂无信息|暂无数据|暂无内容|暂无记录|暂无相关信息|没有信息|无相关信息|暫無信息|暫無數據|暂无|暫無)[。.!！]?$/;
const PUBLISH = /(发布|發布|公开|公開|日期|时间|時間)\S{0,3}\s*[:：]/;
// A two-word label printed with its words swapped (时间发布, 日期发布) is the same label, as for template labels.
const PUBLISH_LABEL =
  /^(发布时间|发布日期|發布時間|發布日期|时间发布|日期发布|发文日期|公开日期|公開日期|更新时间|日期|时间|時間)$/;
const SOURCE_LABEL = /^(来源|來源|信息来源|文章来源|發布機構|发布机构)$/;
const VALIDITY_QUICK = /有效|废止|廢止|失效|修订|修訂|修改|效力|时效/;
const BLANK_QUICK = /暂无|暫無|没有信息|无相关/;
const PUBLISH_QUICK = /发布|發布|公开|公開|日期|时间|時間/;
const SOURCE_QUICK = /来源|來源|字号|字体|字號|字體/;
const TOTAL_QUICK = /[共总当]/;
const VALIDITY_LABEL = /(有效性|效力状态|效力狀態|时效性|是否有效|文件状态)\s*[:：]?\s*(\S{1,8})/;
const VALIDITY_TERM = /^(有效|现行有效|已废止|废止|已失效|失效|已修订|已修改|部分失效|有效期届满|已廢止|廢止)$/;

export function extractBlankSignals(texts: PageText, frame: number[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<Element>();
  for (const entry of texts.with(BLANK_WORD)) {
    const { value } = entry;
    if (value.length > 40 || !BLANK_QUICK.test(value)) continue;
    const parent = entry.parent;
    if (seen.has(parent)) continue;
    seen.add(parent);
    const text = compact(flatText(parent, 41));
    if (BLANK.test(text)) out.push({ text, locator: locate(parent, frame) });
  }
  return out;
}

/**
 * The notice a portal prints in place of a page it removed or cannot find: a page, article or piece of information that
 * was deleted, withdrawn or does not exist (本网页已删除, 对不起，您所浏览的新闻已被删除或不存在。, 页面没有找到, 404).
 * A short text only — a sentence of an article that mentions a deletion is not a notice.
 */
const GONE =
  /(页面|网页|页|信息|新闻|文章|稿件|内容|链接|资源|文件)[^，。,.!！]{0,8}?(已被?(删除|刪除|撤销|撤下|撤稿)|不存在)|(没有找到|找不到|無法找到|无法找到|未找到|未能找到)[^，。,.!！]{0,8}?(页面|网页|頁面|信息|内容|文件|资源)|(页面|网页|頁面)(没有找到|找不到|无法找到|未找到)/;
const GONE_QUICK = /[删刪存找撤]/;
const GONE_MAX = 40;

export function extractGoneNotices(texts: PageText, frame: number[]): Evidence[] {
  const out: Evidence[] = [];
  for (const entry of texts.with(GONE_WORD)) {
    const { value } = entry;
    if (value.length > GONE_MAX * 2 || !GONE_QUICK.test(value)) continue;
    const text = compact(value);
    if (text.length <= GONE_MAX && GONE.test(text)) out.push({ text, locator: locate(entry.parent, frame) });
  }
  return out;
}

/** A line of a page is at most this long: a longer text around it is a block, not a line. */
const LINE_MAX = 200;

/**
 * The element around `start` whose text first `holds` the line, going up while the text stays a line (at most
 * LINE_MAX characters, below <body>); the last one reached when none does.
 */
function smallestHolding(start: Element, holds: (text: string) => boolean): { host: Element; text: string } {
  let host = start;
  let text = flatText(host, LINE_MAX + 1);
  while (!holds(text) && host.parentElement && host.parentElement.tagName !== 'BODY') {
    const up = flatText(host.parentElement, LINE_MAX + 1);
    if (up.length > LINE_MAX) break;
    host = host.parentElement;
    text = up;
  }
  return { host, text };
}

function hasPublishLine(text: string): boolean {
  return PUBLISH.test(text) && findDate(text) !== null;
}

/** `headlines`: the scope's h1–h4 elements in page order, when the caller has listed them (the byline's fallback). */
export function extractPublishInfo(
  texts: PageText,
  frame: number[],
  headlines?: readonly Element[],
): PublishInfo | null {
  for (const entry of texts.with(PUBLISH_WORD)) {
    const { value } = entry;
    if (value.length > LINE_MAX || !PUBLISH_QUICK.test(value)) continue;
    // The smallest element around the label that holds the whole line (label and date may sit in separate tags).
    const { host, text } = smallestHolding(entry.parent, hasPublishLine);
    if (text.length > LINE_MAX || !hasPublishLine(text)) continue;
    const pairs = parseInlinePairs(text);
    const when = pairs.find((p) => PUBLISH_LABEL.test(compact(p.label)));
    const date = when ? findDate(when.value) : null;
    if (!when || !date) continue;
    const time = /(\d{1,2}:\d{2})(?::\d{2})?/.exec(when.value);
    const sourceIn = (list: Array<{ label: string; value: string }>) =>
      list.find((p) => SOURCE_LABEL.test(compact(p.label)) && p.value.length > 0);
    // The source often sits in a sibling (`<span>时间：…</span><span>来源：…</span>`): look one level up too.
    const parentText = host.parentElement ? flatText(host.parentElement, LINE_MAX + 1) : '';
    const source =
      sourceIn(pairs) ?? (parentText.length <= LINE_MAX ? sourceIn(parseInlinePairs(parentText)) : undefined);
    return {
      text,
      date: time ? `${date.date}T${time[1]!.padStart(5, '0')}` : date.date,
      source: source?.value ?? null,
      locator: locate(host, frame),
    };
  }
  return extractUnlabelledPublishLine(texts, frame, headlines);
}

/** A date and time printed right before a 来源 label, with no 发布时间 label (`2014-07-07 08:47 来源：吉林日报`, `17时47分`). */
const DATE_TIME_BEFORE_SOURCE =
  /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*(\d{1,2}[:时]\d{2})分?(?::\d{2})?\s*(?:\S{0,2}\s*)(?:来源|來源|信息来源|文章来源)\s*[:：]/;

/**
 * A date alone before a 来源 label or the page's 字号 / 字体 size switch, the line opening with at most a short site name,
 * which may carry its domain (`安全监管总局网站 | 2014/09/18 | 稿件来源：…`, `中央政府门户网站 www.gov.cn 2010年08月19日
 * 来源：…`, `[省发改委] 2016-04-01 字号：T | T`). Without a time the date must open the line and the line link no title
 * (a list row does both).
 */
const DATE_OPENING_SOURCE_LINE =
  /^[^\d]{0,16}?(?:(?:https?:\/\/)?[a-z][\w-]*(?:\.[\w-]+)+[\s|｜]*)?(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*(?:\S{0,2}\s*)(?:来源|來源|信息来源|文章来源|字号|字体|字號|字體)\s*[:：]/i;

/**
 * A date and time printed after the 来源 value, with no date label (`来源： 广西日报 2024-10-17 08:03`, `来源：云南日报
 * 2016-08-11 08:13:00 【字体：大 中 小】`): the source comes first on some templates. The time is required — a list row
 * prints a bare date.
 */
const SOURCE_THEN_DATE_TIME =
  /(?:来源|來源|信息来源|文章来源)\s*[:：]\s*([^\d\s:：|｜][^\d:：|｜]{0,20}?)\s*[|｜]?\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*(\d{1,2}[:时]\d{2})/;

interface UnlabelledDate {
  dateText: string;
  time: string | null;
  /** Where the text holding the 来源 pair starts, when the source follows the date. */
  sourceFrom: number;
  /** The source, when it precedes the date. */
  source?: string;
}

function unlabelledDate(text: string): UnlabelledDate | null {
  const m = DATE_TIME_BEFORE_SOURCE.exec(text);
  if (m) return { dateText: m[1]!, time: m[2]!.replace('时', ':'), sourceFrom: m.index + m[0].length - 3 };
  const d = DATE_OPENING_SOURCE_LINE.exec(text.trim());
  if (d) return { dateText: d[1]!, time: null, sourceFrom: d.index + d[0].length - 3 };
  const s = SOURCE_THEN_DATE_TIME.exec(text);
  return s ? { dateText: s[2]!, time: s[3]!.replace('时', ':'), sourceFrom: s.index, source: s[1]!.trim() } : null;
}

function linksTitle(host: Element): boolean {
  for (const a of Array.from(host.querySelectorAll('a'))) if (flatText(a, 40).length >= 4) return true;
  return false;
}

function extractUnlabelledPublishLine(
  texts: PageText,
  frame: number[],
  headlines?: readonly Element[],
): PublishInfo | null {
  for (const entry of texts.with(SOURCE_WORD)) {
    const { value } = entry;
    if (value.length > LINE_MAX || !SOURCE_QUICK.test(value)) continue;
    const { host, text } = smallestHolding(entry.parent, (t) => unlabelledDate(t) !== null);
    const found = unlabelledDate(text);
    const date = found ? findDate(found.dateText) : null;
    if (!found || !date) continue;
    // A bare date in a row that links a title is a list item's date, not the page's publication line.
    if (found.time === null && linksTitle(host)) continue;
    const line = found.time === null ? text.trim() : text;
    const source = parseInlinePairs(line.slice(found.sourceFrom)).find(
      (p) => SOURCE_LABEL.test(compact(p.label)) && p.value.length > 0,
    );
    return {
      text,
      date: found.time === null ? date.date : `${date.date}T${found.time.padStart(5, '0')}`,
      source: found.source ?? source?.value ?? bracketedSource(line),
      locator: locate(host, frame),
    };
  }
  const doc = texts.entries[0]?.parent.ownerDocument;
  return extractBylineUnderHeadline(
    doc,
    headlines ?? Array.from(doc?.querySelectorAll('h1, h2, h3, h4') ?? []).filter((h) => !h.closest('template')),
    frame,
  );
}

/** A byline that opens with its source in brackets (`[省发改委]  2016-04-01`) names the source so. */
function bracketedSource(line: string): string | null {
  return /^\s*[[【]([^\]】]{2,20})[\]】]/.exec(line)?.[1] ?? null;
}

/** A byline is short: a source, a date and the page's tools (字号 大 中 小, 打印). */
const BYLINE_MAX = 120;
/** A full date with a four-digit year, as a byline prints it. */
const FULL_DATE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/g;

/**
 * The line right under the article's headline, with no label at all (`[省发改委]  2016-04-01  字号：T | T`): the
 * headline is a heading whose text the page's <title> holds, and the line is the next element after it — short,
 * holding exactly one full date, linking no title. A heading over a list (a column's name above dated rows) is not
 * followed by such a line: the rows link titles and print many dates.
 */
/** The texts directly in headlines (each headline's own text nodes that show ink), in page order of the headlines. */
function* headlineTexts(headlines: readonly Element[]): Generator<{ parent: Element; value: string }> {
  for (const parent of headlines)
    for (let child = parent.firstChild; child; child = child.nextSibling)
      if (child.nodeType === 3 && hasInk(child.nodeValue ?? '')) yield { parent, value: child.nodeValue ?? '' };
}

function extractBylineUnderHeadline(
  doc: Document | undefined,
  headlines: readonly Element[],
  frame: number[],
): PublishInfo | null {
  const title = compact(doc?.title ?? '');
  if (title.length < 6) return null;
  for (const { parent, value } of headlineTexts(headlines)) {
    const headline = compact(value);
    if (headline.length < 6 || !title.includes(headline)) continue;
    const line = parent.nextElementSibling;
    if (!line) continue;
    const text = collapse(flatText(line, BYLINE_MAX + 1));
    if (text.length > BYLINE_MAX) continue;
    const dates = text.match(FULL_DATE) ?? [];
    const date = dates.length === 1 ? findDate(dates[0]!) : null;
    if (!date || linksTitle(line)) continue;
    const after = text.slice(text.indexOf(dates[0]!) + dates[0]!.length);
    const time = /^\s*(\d{1,2}:\d{2})/.exec(after);
    return {
      text,
      date: time ? `${date.date}T${time[1]!.padStart(5, '0')}` : date.date,
      source: bracketedSource(text),
      locator: locate(line, frame),
    };
  }
  return null;
}

export function extractPagination(
  doc: Document,
  scripts: readonly Element[] = Array.from(doc.querySelectorAll('script')),
): Pagination | null {
  for (const script of scripts) {
    const m = /createPageHTML\(\s*(\d+)\s*,\s*(\d+)/.exec(script.textContent ?? '');
    if (m) return { totalPages: Number(m[1]), totalItems: null, source: 'createPageHTML' };
  }
  return null;
}

/**
 * A list's pager as printed, read from the text index: 共N页 / 共N条 / 共有N条 / 总记录数：N / 当前页：1/N give the totals;
 * a pager that prints no totals (首页 上一页 1 2 3 下一页 尾页) still says the page is one page of a longer list.
 */
const PAGER = /^(上一页|下一页|上页|下页)$/;

/** Each reader's first test of a text and the mark it needs (text-marks.test checks that one implies the other). */
export const MARK_READERS: ReadonlyArray<readonly [mark: number, reader: RegExp]> = [
  [BLANK_WORD, BLANK_QUICK],
  [PUBLISH_WORD, PUBLISH_QUICK],
  [SOURCE_WORD, SOURCE_QUICK],
  [VALIDITY_WORD, VALIDITY_QUICK],
  [TOTAL_WORD, TOTAL_QUICK],
  [PAGER_WORD, PAGER],
  [GONE_WORD, GONE_QUICK],
];

export function extractPrintedTotals(texts: PageText): Pagination | null {
  for (const { value } of texts.with(TOTAL_WORD)) {
    if (!TOTAL_QUICK.test(value)) continue;
    const c = compact(value);
    const pages = /共(\d+)页/.exec(c) ?? /当前页[:：]?\d+\/(\d+)/.exec(c);
    const items = /共有?(\d+)条/.exec(c) ?? /总记录数[:：]?(\d+)/.exec(c);
    if (pages || items)
      return {
        totalPages: pages ? Number(pages[1]) : null,
        totalItems: items ? Number(items[1]) : null,
        source: 'text',
      };
  }
  const pager = texts.with(PAGER_WORD).some(({ value }) => value.length <= 12 && PAGER.test(value.trim()));
  return pager ? { totalPages: null, totalItems: null, source: 'text' } : null;
}

export function extractValidityMarks(texts: PageText, frame: number[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<Element>();
  for (const entry of texts.with(VALIDITY_WORD)) {
    const { value } = entry;
    if (value.length > 60 || !VALIDITY_QUICK.test(value)) continue;
    const parent = entry.parent;
    if (seen.has(parent)) continue;
    seen.add(parent);
    const text = collapse(flatText(parent, 61));
    if (text.length > 60) continue;
    const labelled = VALIDITY_LABEL.exec(text);
    if (labelled) out.push({ text: labelled[2]!, locator: locate(parent, frame) });
    else if (VALIDITY_TERM.test(compact(text).replace(/[【】[\]（）()]/g, '')))
      out.push({ text: compact(text), locator: locate(parent, frame) });
  }
  return out;
}
