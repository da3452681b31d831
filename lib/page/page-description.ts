/**
 * What the content script reports about a page before any checking: a plain, serialisable object.
 * It is what the side panel shows under "page being inspected". The engine's full snapshot builds on it.
 */
export interface PageDescription {
  url: string;
  title: string;
  /** The document's character encoding as the browser decoded it (e.g. "UTF-8", "GBK"). */
  charset: string;
  /** The first `<h1>` (or the most title-like heading), trimmed; null when there is none. */
  heading: string | null;
  /** 《政府网站发展指引》 meta tags present on the page, by canonical name, in the guideline's order. */
  metaTags: Record<string, string>;
  breadcrumb: Breadcrumb | null;
  frames: FrameReport;
}

export interface Breadcrumb {
  /** The segments after the prefix, as shown on the page (whitespace trimmed), e.g. ['首页', '政务公开', '财政收支']. */
  segments: string[];
  /**
   * How it was recognised: a prefix such as 当前位置：, TRS's CurrChnlCls marker, a list the markup marks as the
   * breadcrumb (class or aria-label `breadcrumb`), or a bare 首页 > … chain.
   */
  source: 'prefix' | 'trs' | 'markup' | 'separator';
  /** The prefix text when source is 'prefix'. */
  prefix?: string;
  /** The whole breadcrumb text as shown, whitespace collapsed. */
  text: string;
}

export interface FrameReport {
  total: number;
  /** Same-origin frames whose document could be read. */
  readable: number;
  /** Frames that could not be read (cross-origin or not yet loaded), by their src. */
  unreadable: string[];
}
