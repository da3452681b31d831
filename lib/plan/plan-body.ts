/**
 * The implementation plan before the annex table, from its paragraphs: document metadata (标题, 发布机构, 生成日期),
 * the preamble, chapters `一、…` with their unnumbered paragraphs and numbered clauses `(一)…`.
 *
 * Decides: which paragraphs are portal metadata and skipped (索引号, 文号, 发布机构, 生成日期, 标题, 内容概述,
 * 发布时间, breadcrumbs, `| | |` rules), where the body stops (the `附件` line), what a chapter and a clause are.
 * Does not decide: the clause's units (assemble.ts reads its bracket) nor anything of the task table.
 */
import { normalizeLabel, normalizeText } from '../text/normalize';
import { matchClause, matchTopHeading } from './headings';
import type { SourceAt } from './model';
import type { RawBody, RawChapter, RawMeta } from './raw';

export interface Paragraph {
  text: string;
  at: SourceAt;
}

const META_LINE =
  /^(?:索引号|文号|发布机构|生成日期|标题|内容概述|发布时间|发布日期|成文日期|发文机关|发文字号|主题分类|主题词|来源|浏览次数|字体|【字体|当前位置|您现在的位置|您当前所在位置|所在位置|您的位置)/;
const ANNEX = /^附件\d*(?::|$)/;

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Metadata found in the paragraphs (first value wins). */
export function readMeta(paragraphs: readonly Paragraph[]): RawMeta {
  let title = '';
  let publisher = '';
  let date = '';
  let published = '';
  for (const p of paragraphs) {
    const half = p.text.replace(/\u3000/g, ' ');
    if (title === '') {
      const m = /(?:(?:標\s*題|标\s*题)\s*[:：]?|^\s*名\s*[称稱]\s*[:：])\s*(.+)$/.exec(half);
      if (m?.[1]) title = m[1].trim();
    }
    if (publisher === '') {
      const m = /(?:發布機構|发布机构|發文機關|发文机关)\s*[:：]?\s*([^\s]+)/.exec(half);
      if (m?.[1] && !/^(?:生成日期|成文日期)/.test(normalizeText(m[1]))) publisher = m[1].trim();
    }
    if (date === '') {
      const m = /(?:生成日期|成文日期)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(half);
      if (m) date = isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    }
    if (published === '') {
      const m =
        /(?:發布時間|发布时间|發布日期|发布日期)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(
          half,
        );
      if (m) published = isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    }
  }
  return { title, publisher, date: date || published };
}

function isChrome(text: string, titleKey: string): boolean {
  const label = normalizeLabel(text);
  if (label.length === 0 || /^[|\s]+$/.test(label)) return true;
  if (META_LINE.test(label)) return true;
  return titleKey !== '' && label === titleKey;
}

/** Preamble and chapters of the paragraphs before the annex. */
export function readBody(paragraphs: readonly Paragraph[], meta: RawMeta): RawBody {
  const titleKey = normalizeLabel(meta.title);
  const preamble: string[] = [];
  const chapters: RawChapter[] = [];
  for (const p of paragraphs) {
    if (ANNEX.test(normalizeLabel(p.text))) break;
    if (isChrome(p.text, titleKey)) continue;
    const chapter = chapters[chapters.length - 1];
    const heading = matchTopHeading(p.text);
    if (heading) {
      chapters.push({ no: heading.no, title: heading.title, intro: [], clauses: [], at: p.at });
      continue;
    }
    const clause = chapter ? matchClause(p.text) : null;
    if (chapter && clause) {
      chapter.clauses.push({ no: clause.no, text: clause.title, at: p.at });
      continue;
    }
    if (chapter) chapter.intro.push(p.text.trim());
    else preamble.push(p.text.trim());
  }
  return { preamble, chapters };
}
