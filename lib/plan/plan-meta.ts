/**
 * The plan's title, region and year when the document does not state them in a 标题 field: from titles such as
 * `罗源县2017年政务公开工作主要任务分解表`, `厦门市集美区人民政府办公室关于印发2021年全区政务公开工作主要任务分解表的通知`
 * (the issuing office names the region), from the 发布机构, and from the document's own lines.
 *
 * Decides: which line is the title when none is marked (the first short line that names a plan: 通知 / 方案 / 要点 /
 * 清单 / 分解表 / 目录 …), the region (the place name that starts the title, the issuing office or the publisher:
 * …省 / 市 / 县 / 区 / 旗 / 州 / 盟) and the year (the first `2021年` of the title, else of the document's first lines).
 * Does not decide: anything the caller was given explicitly (options win).
 */
import { normalizeText } from '../text/normalize';
import { removeSpaces } from '../text/whitespace';

const PLAN_WORDS = /(?:通知|方案|要点|清单|分解表|分工|目录|计划|任务表|提示单|责任分解)/;

export function inferTitle(lines: readonly string[]): string {
  for (const raw of lines.slice(0, 40)) {
    const line = raw.trim();
    if (line.length < 6 || line.length > 80) continue;
    if (/^(?:附件|索引号|发布机构|发文字号|当前位置|您的位置|首页)/.test(normalizeText(line))) continue;
    if (PLAN_WORDS.test(normalizeText(line)) && !/[。;；]$/.test(line)) return line;
  }
  return '';
}

/** `…关于印发《2023年浔阳区政务公开工作要点》的通知`, `…关于印发2021年全区政务公开工作主要任务分解表的通知`. */
const ISSUING_NOTICE = /关于印发\s*《?\s*(.+?)\s*》?\s*的?\s*通知$/;

/**
 * The plan a notice issues is the plan: `关于印发《X》的通知` → X — or the document's own heading of X when the text
 * prints one (a short line of no sentence, ending as X ends and of X's year: `2024年南昌市新建区政务公开工作要点` for
 * a notice naming `2024年新建区政务公开工作要点`). Any other title is returned as it is.
 */
export function planTitle(title: string, lines: readonly string[]): string {
  const named = ISSUING_NOTICE.exec(title.trim())?.[1]?.trim();
  if (!named || named.length < 4) return title;
  const key = removeSpaces(normalizeText(named));
  const ending = key.slice(-4);
  const year = yearOf(key);
  for (const raw of lines.slice(0, 60)) {
    const line = removeSpaces(normalizeText(raw));
    if (line.length < key.length - 8 || line.length > key.length + 12 || /[,，。;；:：《]/.test(line)) continue;
    if (line.endsWith(ending) && yearOf(line) === year && !line.includes('印发')) return raw.trim();
  }
  return named;
}

const PLACE = '(?:自治县|自治州|自治区|特别行政区|省|市|县|区|旗|州|盟)';
const PLACE_AT_START = new RegExp(
  `^((?:[\\u4e00-\\u9fff]{1,8}?${PLACE}){1,3})(?=\\d{4}年|人民政府|政府|党委|[\\u4e00-\\u9fff]{0,12}?(?:办公室|办公厅|局|委员会|中心))`,
);
const PLACE_BEFORE_YEAR = new RegExp(`^([\\u4e00-\\u9fff]{1,12}?${PLACE})\\s*\\d{4}\\s*年`);
/** `2023年新余市政务公开工作要点`: the place right after the year, before the subject. */
const PLACE_AFTER_YEAR = new RegExp(
  `^\\d{4}\\s*年度?((?:[\\u4e00-\\u9fff]{1,8}?${PLACE}){1,3})(?=政务|政府|信息|基层)`,
);

/** The region a title or an office name starts with: 罗源县, 厦门市集美区, 宣城市; '' when none. */
export function regionOf(text: string): string {
  const t = removeSpaces(normalizeText(text));
  const before = PLACE_BEFORE_YEAR.exec(t);
  if (before?.[1]) return before[1];
  const after = PLACE_AFTER_YEAR.exec(t);
  if (after?.[1] && !/^(?:全|各|本)/.test(after[1])) return after[1];
  const start = PLACE_AT_START.exec(t);
  if (start?.[1] && !/^(?:关于|印发|全|各|本)/.test(start[1])) return start[1];
  return '';
}

/** The first year a text names (`2021年`), or null. */
export function yearOf(text: string): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})\s*年/.exec(normalizeText(text));
  return m ? Number(m[1]) : null;
}

export function inferRegionYear(
  title: string,
  publisher: string,
  lines: readonly string[],
): { region: string; year: number | null } {
  let region = regionOf(title) || regionOf(publisher);
  if (region === '') {
    // The issuing office signs the notice: `厦门市集美区人民政府办公室`.
    for (const line of lines.slice(0, 60)) {
      const t = line.trim();
      if (t.length <= 30 && /(?:人民政府|政府办公室|办公厅|办公室|局)$/.test(normalizeText(t))) {
        region = regionOf(t);
        if (region !== '') break;
      }
    }
  }
  let year = yearOf(title);
  if (year === null) {
    for (const line of lines.slice(0, 40)) {
      year = yearOf(line);
      if (year !== null) break;
    }
  }
  return { region, year };
}
