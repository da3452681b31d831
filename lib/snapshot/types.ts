/**
 * The page snapshot: everything the checks need to know about a page, gathered once, as plain serialisable data.
 * Text is kept as shown on the page (whitespace collapsed); comparing labels across scripts and widths is the
 * normaliser's job, later. Every piece carries a locator so the panel can point back into the page.
 */
import type { PageDescription } from '../page/page-description';

/**
 * Where a piece sits: the chain of same-origin frame indexes from the top document, then a CSS path in that frame.
 * A piece inside an open shadow root has its host's path, ` >>> `, then its path inside the shadow root.
 */
export interface Locator {
  frame: number[];
  path: string;
  /**
   * Set while the path is not computed yet (a snapshot taken with `deferPaths`: the page reader numbers the pieces and
   * computes paths only for those the checks report, see engine/pending-paths); the path is empty until then.
   */
  ref?: number;
}

/** A part of the page a cap cut short: what it is and how many of it the snapshot kept. */
export interface Truncation {
  part: 'list-items' | 'links' | 'fields' | 'text-blocks' | 'text' | 'sentences' | 'garbled';
  kept: number;
}

/** Shadow roots on the page: open ones are read as part of it; closed ones (or any it could not read) are reported. */
export interface ShadowReport {
  read: number;
  /** The hosts of shadow roots that were not read, as `<tag>` or `<tag id="…">`. */
  unread: string[];
}

export interface Evidence {
  text: string;
  locator: Locator;
}

/** A label and its value, wherever the page put them (table row, dl, `标签：值` line, bold label). */
export interface Field {
  label: string;
  value: string;
  layout: 'table' | 'dl' | 'inline' | 'bold' | 'section';
  locator: Locator;
  /** Links inside the value (a value that is only a link such as 点击查看 is still a value). */
  links: number;
  /** Set when the field sits in the site's header, footer or navigation: it never stands for a record's element. */
  chrome?: boolean;
}

/** A table whose first row names its columns (e.g. 申请材料 with 材料名称 | 材料类型 | …). */
export interface HeaderTable {
  headers: string[];
  rows: number;
  locator: Locator;
  /**
   * The data rows, one text per header (a row with fewer cells is padded with empty texts): each row is one record
   * when the table lists records (a penalty table with one party per row). At most MAX_RECORDS rows are kept;
   * `rows` says how many there were.
   */
  records: string[][];
  /** Where each kept record's row is. */
  recordLocators: Locator[];
}

export interface ListItem {
  title: string;
  href: string;
  /** The date as printed, when there is one. */
  dateText: string | null;
  /** ISO `YYYY-MM-DD`, or null when the item has no date (it counts as not updated). */
  date: string | null;
  /** The group (same parent) the item belongs to: one list on the page. */
  list: number;
  locator: Locator;
  /** True when the page's own markup hides the row (a closed tab panel: `display:none`, `hidden`); absent when shown. */
  hidden?: boolean;
}

export interface LinkRef {
  text: string;
  href: string;
  locator: Locator;
}

export interface PublishInfo {
  text: string;
  /** ISO date (and time when printed) of 发布时间/发布日期, if any. */
  date: string | null;
  source: string | null;
  locator: Locator;
}

export interface Pagination {
  totalPages: number | null;
  totalItems: number | null;
  source: 'createPageHTML' | 'text';
}

export interface PageSnapshot extends PageDescription {
  version: 1;
  publishInfo: PublishInfo | null;
  fields: Field[];
  headerTables: HeaderTable[];
  listItems: ListItem[];
  blankSignals: Evidence[];
  /** The notice of a removed or missing page (本网页已删除, 页面不存在 …) outside the site chrome: the page shows no content
   * to check. (Snapshots saved before it was read have none.) */
  goneNotices?: Evidence[];
  pagination: Pagination | null;
  attachments: LinkRef[];
  /** Links whose text names a 解读 (interpretation), and links back to an original document (原文 / 相关文件). */
  interpretationLinks: LinkRef[];
  originalLinks: LinkRef[];
  /** 更多 links outside the site chrome: a block's link to the whole list it shows a part of (a column landing page). */
  moreLinks: LinkRef[];
  /** Validity marks: 有效 / 废止 / 失效 / 已修订, as printed. */
  validityMarks: Evidence[];
  /** Sentences of the page (text nodes with sentence punctuation), for elements printed in prose rather than under a
   * label (征求意见 notices: 截止时间为2014年8月12日). Capped; a `text` truncation says when the cap was hit. */
  sentences: Evidence[];
  /** Text by element where it holds a long run of digits (or masked digits): the privacy scan's input. Capped; `truncated` says when the cap was hit. */
  textBlocks: Evidence[];
  /** True when a cap cut the page short; `truncation` says which parts and how much was kept. */
  truncated: boolean;
  truncation: Truncation[];
  shadowRoots: ShadowReport;
  /**
   * The page reader's number for this snapshot's table of pieces, when its paths were put off (see Locator.ref): the
   * panel asks for the reported pieces' paths by this number and their refs.
   */
  pathTable?: number;
  /** `proseRun`: the longest text node that reads as prose (has sentence punctuation), in characters. */
  stats: { elements: number; textLength: number; proseRun?: number };
}
