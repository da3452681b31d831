/**
 * Whether a cell's text can stand in a column of a given role — used to put cells back into their columns when the
 * table arrives as text, where merged cells are simply missing (a copied row) or rows are not marked at all
 * (flattened text, one cell per line).
 *
 * Decides: the shape each role accepts — a 序号 is a bare number; a category or group is a short line, not a unit list;
 * a task or its requirements is text that is neither a bare number nor a unit list; units read as unit names or carry
 * a 牵头 / 负责 / 配合 marker; a deadline is a short time phrase; notes and unused columns take anything.
 * Does not decide: which alignment wins (text-grid.ts tries them in order).
 */
import { normalizeText } from '../text/normalize';
import type { ColumnRole } from './header-roles';
import { looksLikeUnitLine } from './units';
import { removeSpaces } from '../text/whitespace';

const BARE_NUMBER = /^\d{1,3}$/;
const MARKED_UNITS = /(?:(?:牵头|负责|配合|参与)(?:落实|实施)?|(?:单位|部门|处室|科室|按职责分工|按职责)落实)$/;
/**
 * Words of a time phrase. `内` counts only after a span (`3日内`, `一周内`, `两小时内`): alone it is as often a word of
 * a content cell (`内设科室名称、职能职责`, a department's catalogue, tests/real-plans/department-openness-catalogue).
 */
const TIME_WORDS =
  /(?:前|底|末|月|年|日|持续|长期|常态|即时|及时|实时|工作日|天|季度|每|定期|[周时]内|完成|推进|随时|动态|同上|时限)/;

/** A count of days, working days or months (`20个工作日内`, `7日内`, `3个月`). */
const COUNTED_TIME = /\d+\s*个?\s*(?:工作日|日|天|月)/;

/**
 * Whether a cell can stand in a column of a role. `unitColumns`: whether the table has a column of units — when it has
 * none (a department's own catalogue, with no 公开主体), a cell that reads as units (`内设科室`, an item of the catalogue)
 * has nowhere else to stand, so it may stand in a column of names or content.
 */
export function fitsRole(role: ColumnRole | null, raw: string, unitColumns = true): boolean {
  const text = removeSpaces(normalizeText(raw));
  const empty = text === '';
  const units = unitColumns && isUnitText(text);
  switch (role) {
    case 'no':
      return empty || BARE_NUMBER.test(text);
    case 'category':
    case 'group':
      return !empty && !BARE_NUMBER.test(text) && text.length <= 40 && !/。./.test(text) && !units;
    case 'title':
      return !empty && !BARE_NUMBER.test(text) && !units;
    case 'requirements':
      return !BARE_NUMBER.test(text) && (empty || !units || text.length > 40);
    case 'lead':
    case 'responsible':
      return empty || isUnitText(text);
    case 'deadline':
      // A short time phrase, or a 标准目录 时限 that goes on to its exceptions (`信息形成20个工作日内公开;其中行政许可…
      // 7个工作日内公示`): longer, but counting days or months.
      return (
        empty ||
        (((text.length <= 30 && TIME_WORDS.test(text)) || (text.length <= 100 && COUNTED_TIME.test(text))) &&
          !isUnitText(text))
      );
    default:
      return true;
  }
}

function isUnitText(text: string): boolean {
  if (looksLikeUnitLine(text)) return true;
  return text.length <= 80 && !/。/.test(text) && MARKED_UNITS.test(text);
}

/** Whether a table's columns include one of units (牵头单位, 责任单位, 公开主体 …). */
export const hasUnitColumn = (roles: ReadonlyArray<ColumnRole | null>): boolean =>
  roles.some((r) => r === 'lead' || r === 'responsible');

/** fitsRole for column `c` of a table whose columns have these roles. */
export const fitsColumn = (roles: ReadonlyArray<ColumnRole | null>, c: number, raw: string): boolean =>
  fitsRole(roles[c] ?? null, raw, hasUnitColumn(roles));

export const isBareNumber = (raw: string): boolean => BARE_NUMBER.test(raw.trim());

/** What a tick column holds: a mark (√ ✓ ■ □ ☐ ● ○ 是 否) or nothing. */
export const isTickMark = (raw: string): boolean => /^[√✓✔■□☐●○◆◇是否]?$/.test(removeSpaces(raw));
