/**
 * What a header cell of a task table means, by its wording: 工作任务 / 任务内容 / 重点任务 → the task, 具体要求 /
 * 主要内容 → its requirements, 牵头单位 / 主办单位 → the lead, 配合/责任单位 / 责任科室 / 参与单位 → the responsible units,
 * 完成时限 / 时限要求 → the deadline, 序号 → the printed number; the 基层政务公开标准目录 headers (公开事项, 公开内容（要素）,
 * 公开时限, 公开主体 …) map onto the same roles.
 *
 * Decides: the role of one header cell, from the synonyms in seeds/plan-headers/headers.json (data, each entry naming
 * its source): exact labels first, then the words a label contains, in the file's order. Does not decide which row is
 * the header nor how columns that share a role are resolved (read-table.ts does).
 */
import { normalizeLabel } from '../text/normalize';
import headerData from '../../seeds/plan-headers/headers.json';

/** What a column of a task table is taken as. `note` is kept under its header in the requirements; `ignore` is read
 * as a header but not used (and warned). */
export const COLUMN_ROLES = [
  'no',
  'category',
  'group',
  'title',
  'requirements',
  'lead',
  'responsible',
  'deadline',
  'note',
  'ignore',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

interface RoleEntry {
  role: ColumnRole;
  exact: string[];
  contains: string[];
}

const ENTRIES: readonly RoleEntry[] = (
  headerData.roles as Array<{ role: string; exact: string[]; contains: string[] }>
).map((e) => ({
  role: e.role as ColumnRole,
  exact: e.exact.map(normalizeLabel),
  contains: e.contains.map(normalizeLabel),
}));

/** Header wording without the marks that vary between portals: `公开内容（要素）` = `公开内容(要素)`, `具 体 要 求`. */
function headerKey(cell: string): string {
  return normalizeLabel(cell).replace(/[:：*＊]/g, '');
}

/**
 * A 公开层级 tick column named by its level with the place in front (`东阳市级`, `罗源县级`, `凤屯镇级`): the level words
 * of the data (县级, 镇级 …) preceded by a place name of up to six characters.
 */
const PLACE_LEVEL = /^[\u4e00-\u9fff]{1,6}(?:省|市|县|区|旗|乡|镇|街道|村|社区)级$/;

/** The role a header cell names, or null when its wording is not a known header (then it is not a header cell). */
export function roleOfHeader(cell: string): ColumnRole | null {
  if (cell.length > 30) return null;
  const key = headerKey(cell);
  if (key.length === 0 || key.length > 16) return null;
  for (const e of ENTRIES) if (e.exact.includes(key)) return e.role;
  if (isPlaceLevel(key)) return 'ignore';
  // A tick column's word as printed (`主动公开` under 公开方式, `乡(镇)村级` under 公开层级): not read, as its parent.
  if (isTickColumn(cell)) return 'ignore';
  // Words inside a label only count in a short label (a header, not a sentence that happens to say 负责).
  if (key.length > 8) return null;
  for (const e of ENTRIES) if (e.contains.some((w) => key.includes(w))) return e.role;
  return null;
}

/** The header words naming a deadline column exactly (完成时限, 时限要求 …), as the seed spells them. */
export function deadlineHeaderWords(): string[] {
  return ENTRIES.filter((e) => e.role === 'deadline').flatMap((e) => e.exact);
}

/**
 * Whether a header cell is only the start of header words of two roles or more (`公开`, the first line of 公开时限 and
 * of 公开主体 in a narrow column whose second lines were lost): it says nothing of its column.
 */
export function isCutHeaderWord(cell: string): boolean {
  const key = headerKey(cell);
  if (key.length === 0) return false;
  const roles = new Set(
    ENTRIES.filter((e) => e.exact.some((w) => w.length > key.length && w.startsWith(key))).map((e) => e.role),
  );
  return roles.size >= 2;
}

/** Whether a label is one of the header words exactly (`公开依据`, `一级事项`), not only a word that contains one. */
export function isExactHeader(cell: string): boolean {
  const key = headerKey(cell);
  return key !== '' && ENTRIES.some((e) => e.exact.includes(key));
}

const SUB_GROUPS: ReadonlyArray<{ parent: string; children: string[] }> = headerData.subHeaders.groups.map((g) => ({
  parent: headerKey(g.parent),
  children: g.children.map(headerKey),
}));

const LEVELS = {
  parentWords: headerData.subHeaders.levels.parentWords.map(headerKey),
  children: headerData.subHeaders.levels.children.map(headerKey),
};

/**
 * The sub-header words printed under a header (公开事项 → 一级事项, 二级事项; a header naming items or their classes,
 * 政府信息公开类别及事项 → 一级, 二级, 三级), or [] for a single-column header.
 */
export function subHeadersOf(cell: string): string[] {
  const key = headerKey(cell);
  const group = SUB_GROUPS.find((g) => g.parent === key);
  if (group !== undefined) return group.children;
  return LEVELS.parentWords.some((w) => key.includes(w)) ? LEVELS.children : [];
}

/**
 * The sub-header `child` stands for under `parent`, or null when it is none of the words printed there: the printed
 * word itself, or — when a narrow column cut it (`依申请公`, `全社`) — the whole word it begins. Also read: a level's
 * other name in brackets (`乡(镇)村级`: 乡村级), a place's level under 公开层级, and the levels alone (一级, 二级) under a
 * header naming items (公开事项 over 一级 | 二级: the header's word left out, as the seed's `levels` says).
 */
export function subHeaderNamed(parent: string, child: string): string | null {
  const children = subHeadersOf(parent);
  const printed = headerKey(child);
  const key = printed.replace(/\([^()]*\)/g, '');
  if (key === '') return null;
  if (children.includes(key)) return child;
  if (isPlaceLevel(key) && children.some((c) => c.endsWith('级'))) return child;
  const parentKey = headerKey(parent);
  if (LEVELS.children.includes(key) && LEVELS.parentWords.some((w) => parentKey.includes(w))) return child;
  // A cut word: at least two characters, the start of one of the parent's words and of no other.
  const whole = children.filter((c) => c.length > key.length && c.startsWith(key));
  if (key.length >= 2 && whole.length === 1) return key.length >= 3 ? child : (whole[0] ?? child);
  return null;
}

/** Whether `child` is one of the words printed under `parent` (subHeaderNamed). */
export function isSubHeaderOf(parent: string, child: string): boolean {
  return subHeaderNamed(parent, child) !== null;
}

/** The parents whose columns are not read (公开对象, 公开方式, 公开层级): their children are tick columns. */
const IGNORED_PARENTS: ReadonlySet<string> = new Set(
  SUB_GROUPS.filter((g) => ENTRIES.some((e) => e.role === 'ignore' && e.exact.includes(g.parent))).map((g) => g.parent),
);

/** The words printed under those parents: the tick columns' own headers. */
const TICK_WORDS: ReadonlySet<string> = new Set(
  SUB_GROUPS.filter((g) => IGNORED_PARENTS.has(g.parent)).flatMap((g) => g.children),
);

function isPlaceLevel(key: string): boolean {
  return PLACE_LEVEL.test(key);
}

/**
 * A tick column of the catalogue format (全社会, 主动, 县级 …: a √ or nothing under a header that is itself not read,
 * 公开对象 / 公开方式 / 公开层级).
 */
export function isTickColumn(label: string): boolean {
  const key = headerKey(label);
  if (isPlaceLevel(key)) return true;
  // As isSubHeaderOf reads a child: its other name in brackets aside, or a word a narrow column cut (3 characters up).
  const bare = key.replace(/\([^()]*\)/g, '');
  if (TICK_WORDS.has(bare)) return true;
  if (bare.length < 3) return false;
  for (const w of TICK_WORDS) if (w.length > bare.length && w.startsWith(bare)) return true;
  return false;
}

const OFFICE_WORDS: readonly string[] = headerData.offices.words.map(normalizeLabel);

/**
 * Whether a unit column names the offices inside one organ (责任科室, 局内负责处室, 牵头股室) rather than organs: beside
 * a column of organs, these are where the task is assigned (header-roles' `offices` data).
 */
export function namesOffices(header: string): boolean {
  const key = headerKey(header);
  return OFFICE_WORDS.some((w) => key.includes(w));
}

const CHANNEL_WORDS: readonly string[] = headerData.channels.words.map(normalizeLabel);

/**
 * Whether a paragraph is one box of the 公开渠道和载体 column (`■政府网站`, `■社区/企事业单位/村公示栏(电子屏)`): a box
 * whose word starts as one of the format's channels does (header-roles' `channels` data) — not a box of another
 * column (`■文本`, `□决策` under 五公开).
 */
const CHANNEL_ENDINGS: readonly string[] = (headerData.channels as { endings?: string[] }).endings ?? [];

/**
 * Whether a paragraph names a channel of the 公开渠道和载体 column, with its box or without one (`政府网站`,
 * `山东政务服务网`, `入户/现场`): it starts as one of the format's channels does or ends as a channel's name does.
 */
export function isChannelWord(text: string): boolean {
  if (text.length > 40 || text.length === 0) return false;
  if (isChannelBox(text)) return true;
  const word = normalizeLabel(text.replace(/^\s*[■□☐☑▣]\s*/, ''));
  if (word.length === 0 || word.length > 20 || /[。；;，,]/.test(word)) return false;
  return CHANNEL_WORDS.some((w) => word.startsWith(w)) || CHANNEL_ENDINGS.some((e) => word.endsWith(e));
}

export function isChannelBox(text: string): boolean {
  if (!/^\s*[■□☐☑▣]/.test(text)) return false;
  const m = /^\s*[■□☐☑▣]\s*(.+)$/s.exec(text);
  if (!m) return false;
  const word = normalizeLabel(m[1] ?? '');
  return CHANNEL_WORDS.some((w) => word.startsWith(w));
}

/**
 * The 标准目录 format: 公开事项, or its levels when a text form folded them under it (一级事项 / 二级事项 …, or 一级 /
 * 二级 alone under a 类别及事项 header).
 */
export function isCatalogueFormat(headers: readonly string[]): boolean {
  return headers.some(
    (h) =>
      /公开事项|公開事項|[一二三][级級]事[项項]/.test(h.replace(/\s+/g, '')) || /^[一二三][级級]$/.test(headerKey(h)),
  );
}
