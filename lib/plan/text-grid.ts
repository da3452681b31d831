/**
 * A task table that arrives as text, back into a grid of cells for read-grid.ts: rows copied from a browser (cells
 * separated by tabs), rows printed with `|` between cells, or flattened text with one cell per line (cells separated by
 * blank lines, or by lines holding only `|`).
 *
 * Decides:
 *   - the header: the first run of cells whose words are known headers (header-roles.ts) with a task or requirements
 *     column and two more; a second header row's words are folded under their parent (公开事项 → 一级事项, 二级事项);
 *   - copied rows: a row shorter than the header lost its merged cells; its cells are placed at the first offset
 *     (rightmost first, since merged cells are on the left) where every cell fits its column (cell-fit.ts), and the
 *     missing cells are the cells above them (as a rowspan would be);
 *   - flattened text: rows are cut at the 序号 numbers when the table has a 序号 column (1, 2, 3 … in order), else where
 *     the cells stop fitting the columns; cells that fit nowhere are reported, never dropped silently;
 *   - store artefacts: `|` rows broken over lines joined, a 公开渠道和载体 cell's box lists kept together, a number no
 *     column takes reported, a catalogue read without its 三级事项 column when its items stand over 二级 and 三级.
 * Does not decide: what the columns mean beyond fitting (read-grid.ts), metadata (the caller reads the lines before).
 */
import { planWarning, type PlanWarning } from './errors';
import {
  isCatalogueFormat,
  isChannelBox,
  isChannelWord,
  isExactHeader,
  isSubHeaderOf,
  isTickColumn,
  subHeaderNamed,
  roleOfHeader,
  subHeadersOf,
  type ColumnRole,
} from './header-roles';
import { fitsColumn, isBareNumber, isTickMark } from './cell-fit';
import { isUnitName } from './units';
import { resolveRoles, type Grid, type GridCell } from './read-grid';
import { placementEvidence, placeShortRow } from './row-placement';

export interface TextTable {
  grid: Grid;
  /** 0-based line where the table's header starts (the lines before are the document). */
  firstLine: number;
  warnings: PlanWarning[];
}

interface Token {
  text: string;
  line: number;
}

function isHeaderSet(labels: readonly string[]): boolean {
  const roles = labels.map(roleOfHeader);
  const task = roles.includes('title') || roles.includes('requirements');
  return task && roles.filter((r) => r !== null && r !== 'no').length >= 2;
}

/**
 * Header labels with a second header row folded under its parents. A parent of tick columns printed with another
 * one's name (三门县: `公开方式 | 公开方式` over `主动 | 依申请公开 | 县级 | 乡、村级`, the second one 公开层级) takes the
 * tick words under it that no later parent names.
 */
function foldHeader(top: string[], sub: string[]): string[] {
  const out: string[] = [];
  let k = 0;
  const labels = top.filter((l) => l !== '');
  labels.forEach((label, i) => {
    const children: string[] = [];
    while (k < sub.length && isSubHeaderOf(label, sub[k] ?? '')) {
      const child = sub[k++] ?? '';
      children.push(subHeaderNamed(label, child) ?? child);
    }
    const later = labels.slice(i + 1);
    if (children.length === 0 && roleOfHeader(label) === 'ignore' && subHeadersOf(label).length > 0)
      while (k < sub.length && isTickColumn(sub[k] ?? '') && !later.some((l) => isSubHeaderOf(l, sub[k] ?? '')))
        children.push(sub[k++] ?? '');
    if (children.length > 0) for (const child of children) out.push(child);
    else out.push(label);
  });
  return out;
}

/** A cell numbered `1.` / `2、` (not `1.5`, not `2、3月`). */
const ARABIC_NUMBERED = /^\s*\d{1,3}\s*[.、．](?![\d年月日])/;

const cellOf = (text: string, row: number, line: number): GridCell => ({ text, originRow: row, at: { line } });

/** The columns' roles as read-grid.ts will resolve them (a second 事项 column is the first one's detail, not a task). */
function rolesOf(labels: readonly string[]): Array<ColumnRole | null> {
  return resolveRoles(labels.map(roleOfHeader));
}

function fits(
  roles: ReadonlyArray<ColumnRole | null>,
  from: number,
  cells: readonly string[],
  ticks: readonly boolean[] = [],
): boolean {
  return cells.every((c, j) => (ticks[from + j] ? isTickMark(c) : fitsColumn(roles, from + j, c)));
}

// --- rows: tabs or `|` ------------------------------------------------------------------------------------------

function splitRow(line: string, mode: 'tab' | 'pipe'): string[] | null {
  if (mode === 'tab') return line.includes('\t') ? line.split('\t').map((c) => c.trim()) : null;
  if (!/\|/.test(line)) return null;
  const cells = line.split('|').map((c) => c.trim());
  if (cells[0] === '') cells.shift();
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** A header's deeper item level (三级事项, 四级事项), which some catalogues name and no row fills. */
const isDeeperLevel = (label: string): boolean => /^[三四][级級]事[项項]$/.test(label.replace(/\s+/g, ''));

function fromRows(lines: readonly string[], mode: 'tab' | 'pipe', leaveOutDeeper = false): TextTable | null {
  let headerAt = -1;
  let labels: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = splitRow(lines[i] ?? '', mode);
    if (cells && isHeaderSet(cells)) {
      headerAt = i;
      labels = cells;
      break;
    }
  }
  if (headerAt < 0) return null;
  const found = headerAt;
  // A header a store broke over lines: lines of header words alone before it (`序号 | 公开 类别 |` over
  // `公开事项 | 公开内容(要素) | … |`), and a header line that stops inside a cell (`… | 公开内容` / `(要素) | 公开依据 | …`,
  // its row not closed by `|`) going on with the next line. The row's `|` count is that of all its lines.
  let headerPipes = (lines[headerAt] ?? '').match(/\|/g)?.length ?? 0;
  if (mode === 'pipe') {
    for (let p = headerAt - 1; p >= 0; p--) {
      const line = lines[p] ?? '';
      if (line.trim() === '') continue;
      const before = splitRow(line, mode)?.filter((c) => c !== '') ?? [];
      if (before.length === 0 || !/\|\s*$/.test(line) || !before.every((c) => roleOfHeader(c) !== null)) break;
      labels = [...before, ...labels];
      headerPipes += line.match(/\|/g)?.length ?? 0;
      headerAt = p;
    }
  }
  let headerEnd = found;
  while (headerEnd < lines.length && splitRow(lines[headerEnd] ?? '', mode) === null) headerEnd++;
  for (let e = headerEnd; mode === 'pipe' && e < lines.length; e++) {
    if (/\|\s*$/.test(lines[e] ?? '') || e + 1 >= lines.length) {
      headerEnd = e;
      break;
    }
    const goesOn = splitRow(lines[e + 1] ?? '', mode);
    if (goesOn === null || goesOn.length === 0) {
      headerEnd = e;
      break;
    }
    labels[labels.length - 1] = `${labels[labels.length - 1] ?? ''}${goesOn[0] ?? ''}`;
    for (const cell of goesOn.slice(1)) labels.push(cell);
    headerPipes += lines[e + 1]?.match(/\|/g)?.length ?? 0;
    headerEnd = e + 1;
  }
  const underHeader = (c: string): boolean => roleOfHeader(c) !== null || labels.some((l) => isSubHeaderOf(l, c));
  // The header's cells going on over the next line (石城县 2024: `序号 | 一级目录 | 公开事项 | 公开内容 (要素) |` /
  // `公开依据 | 公开时限 | … | 公开层级 | ||||||`): a line of header words none of which is printed under a header cell
  // above (as 一级事项 under 公开事项, 全社会 under 公开对象 are) nor a tick column's word.
  for (let e = headerEnd + 1; mode === 'pipe' && e < lines.length; e++) {
    const line = lines[e] ?? '';
    if (line.trim() === '') continue;
    const more = splitRow(line, mode)?.filter((c) => c !== '') ?? [];
    const continues =
      more.length >= 2 &&
      more.every((c) => roleOfHeader(c) !== null && !isTickColumn(c) && !labels.some((l) => isSubHeaderOf(l, c)));
    if (!continues) break;
    for (const cell of more) labels.push(cell);
    headerPipes += line.match(/\|/g)?.length ?? 0;
    headerEnd = e;
  }
  let next = headerEnd + 1;
  while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
  let sub = splitRow(lines[next] ?? '', mode)?.filter((c) => c !== '') ?? [];
  // A second header row whose cells go on over lines (盖州市: `一级 事项 | 二级 事项 | 全` / `社 会 |` / `特定 群众 | 主 动 |
  // 依申` / `请公 开 |` / `县级 | 乡、 村级 | ||||||`): a line not closed by `|` goes on in the next line's first cell,
  // and lines of sub-header words go on the row until a line that is none (a row of the table).
  let subEnd = next;
  if (mode === 'pipe' && !/\|\s*$/.test(lines[next] ?? '')) {
    const cells: string[] = [];
    let open = false;
    for (let e = next; e < lines.length; e++) {
      const line = lines[e] ?? '';
      if (line.trim() === '') continue;
      const split = splitRow(line, mode);
      if (split === null) break;
      const merged = [...cells];
      const first = split[0] ?? '';
      if (open && merged.length > 0) merged[merged.length - 1] = `${merged[merged.length - 1] ?? ''}${first}`;
      else merged.push(first);
      for (const cell of split.slice(1)) merged.push(cell);
      const closed = /\|\s*$/.test(line);
      const words = merged.filter((c) => c !== '');
      const settled = closed ? words : words.slice(0, -1);
      if (settled.length === 0 || !settled.every(underHeader)) break;
      cells.length = 0;
      for (const cell of merged) cells.push(cell);
      open = !closed;
      subEnd = e;
      if (closed && e + 1 < lines.length && isBareNumber(splitRow(lines[e + 1] ?? '', mode)?.[0] ?? '')) break;
    }
    const gathered = cells.filter((c) => c !== '');
    if (gathered.length > sub.length && gathered.every(underHeader)) sub = gathered;
    else subEnd = next;
  }
  if (sub.length > 1 && sub.every(underHeader)) {
    // A second header row: under the cells printed over several columns (a copied colspan leaves empty cells after
    // them), or under the parents the catalogue format names.
    const spanSlots: number[] = [];
    labels.forEach((l, i) => {
      if (l !== '' && labels[i + 1] === '') spanSlots.push(i);
      else if (l === '' && i > 0) spanSlots.push(i);
    });
    if (spanSlots.length === sub.length) {
      const folded = [...labels];
      spanSlots.forEach((slot, k) => {
        folded[slot] = sub[k] ?? '';
      });
      labels = folded;
      next = subEnd + 1;
    } else if (labels.some((l) => subHeadersOf(l).length > 0)) {
      labels = foldHeader(labels, sub);
      next = subEnd + 1;
    }
  }
  // A header that lost its 序号 cell (青浦区教育局: `公开事项 | 公开内容 | …` over rows `1 | 政策文件 | 教育法律 | …`): when
  // the first row begins with 1 and the rows that begin with a bare number count up from it, the numbers are a 序号
  // column the header did not print.
  if (!labels.some((l) => roleOfHeader(l) === 'no')) {
    const firsts: string[] = [];
    for (let i = next; i < lines.length; i++) {
      const cells = splitRow(lines[i] ?? '', mode);
      if (cells === null || cells.length < 2) continue;
      firsts.push(cells[0] ?? '');
    }
    const numbers = firsts.filter(isBareNumber).map(Number);
    if (firsts[0] === '1' && numbers.length >= 2 && numbers.every((n, k) => k === 0 || n === (numbers[k - 1] ?? 0) + 1))
      labels = ['序号', ...labels];
  }
  if (leaveOutDeeper) {
    const deeper = labels.findIndex(isDeeperLevel);
    if (deeper < 0) return null;
    labels = labels.filter((_, i) => i !== deeper);
  }
  // Data rows wider than the header: its first cell is printed over the extra columns (工作任务 over 类别 and 序号).
  let widest = 0;
  for (let i = next; i < lines.length; i++) {
    const cells = splitRow(lines[i] ?? '', mode);
    if (cells && cells.length > 1) widest = Math.max(widest, cells.length);
  }
  const extra = Math.max(0, Math.min(widest - labels.length, 3));
  // An empty header cell after a printed one is that cell printed over two columns (a copied colspan).
  const headerCells: GridCell[] = [];
  for (const l of labels) {
    const previous = headerCells[headerCells.length - 1];
    headerCells.push(l === '' && previous !== undefined ? previous : cellOf(l, 0, headerAt + 1));
  }
  const first = headerCells[0];
  if (first) for (let i = 0; i < extra; i++) headerCells.splice(1, 0, first);
  labels = headerCells.map((c) => c.text);
  const width = labels.length;
  // The further columns of a header cell printed over several (工作任务 over 一、 / (一) / 序号): what they hold is known
  // only from the rows (read-grid.ts splits them), so for placing a short row they take any cell — and take no role
  // from the columns after them (具体要求 stays the requirements).
  const printed = labels.map((l, c) =>
    (extra > 0 && c >= 1 && c <= extra) || (c > 0 && headerCells[c] === headerCells[c - 1]) ? null : roleOfHeader(l),
  );
  const roles = resolveRoles(printed);
  // Tick columns (全社会, 主动, 县级 …) hold a mark or nothing — known in copied rows, which keep their empty cells
  // tab for tab; printed rows (`|`) move or drop theirs, so there a mark may stand anywhere.
  const ticks = labels.map(isTickColumn);
  const rows: Array<Array<GridCell | undefined>> = [headerCells];
  const warnings: PlanWarning[] = [];
  const guessed: Token[] = [];
  let previousAt: number[] | undefined;
  // A page of several tables one after another (九龙街道's 标准目录, one per 领域) prints each one's header again: a row
  // of header words only, and the second header row after it, are no rows of the table.
  const headerWords = (cells: readonly string[]): boolean => {
    const words = cells.filter((c) => c !== '');
    return words.length >= 2 && words.every((c) => roleOfHeader(c) !== null || isTickColumn(c));
  };
  let afterRepeatedHeader = false;
  for (const { cells: logical, line: i } of logicalRows(lines, next, mode, width, roles, ticks, headerPipes)) {
    const r = rows.length;
    let cells = logical;
    // Before the first row, a row of tick words alone is the second header row's rest, broken onto a line of its own
    // (铁力市: `… | 依申 请公开 |` / `县级 | 乡级 |`).
    const tickWords = cells.every((c) => c === '' || isTickColumn(c)) && cells.some((c) => c !== '');
    if (
      (rows.length === 1 && tickWords) ||
      (headerWords(cells) && (isHeaderSet(cells.filter((c) => c !== '')) || afterRepeatedHeader))
    ) {
      afterRepeatedHeader = true;
      continue;
    }
    afterRepeatedHeader = false;
    if (mode === 'tab') while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
    if (cells.every((c) => c === '')) continue;
    if (cells.length > width) {
      warnings.push(
        planWarning(
          'rows.unplaced',
          { count: cells.length - width, sample: cells.slice(width).join(' | ') },
          { line: i + 1 },
        ),
      );
      cells = cells.slice(0, width);
    }
    // Missing cells are those of the row above — never the header's.
    const above = r > 1 ? (rows[r - 1] ?? []) : [];
    if (cells.filter((c) => c !== '').length === 1 && isHeadingLine(cells[0] ?? '')) cells = [cells[0] ?? ''];
    // One cell numbered as the rows' task cells are (`2.做好…` under `1.主动公开…`): a task row that lost its merged
    // cells (the category on its left, the units on its right), placed as a short row is — not a caption.
    // Likewise a sentence under a task row (`公开页面详细列明标题、正文…等。` under a row of 行政规范 …): a caption over a
    // row is a heading or a label, never a sentence that ends in 。.
    const onlyCell = cells[0] ?? '';
    const aboveIsRow = above.length > 1 && !above.every((x) => x === above[0]);
    const numberedLikeAbove =
      cells.length === 1 &&
      mode === 'pipe' &&
      !isHeadingLine(onlyCell) &&
      ((ARABIC_NUMBERED.test(onlyCell) &&
        rows
          .slice(1)
          .some((row) => row.some((x) => x !== undefined && x !== row[0] && ARABIC_NUMBERED.test(x.text)))) ||
        (aboveIsRow &&
          roles.includes('requirements') &&
          onlyCell.trim().length >= 15 &&
          /[。；;]$/.test(onlyCell.trim())));
    if (cells.length === 1 && width > 1 && !numberedLikeAbove) {
      // One cell: a category, a group or a caption over the whole row.
      const only = cellOf(cells[0] ?? '', r, i + 1);
      rows.push(Array.from({ length: width }, () => only));
      continue;
    }
    let offset = width - cells.length;
    if (mode === 'pipe') {
      // Printed rows often drop the merged cells and keep empty ones at the end: try the cells without them too.
      const trimmed = [...cells];
      while (trimmed.length > 1 && trimmed[trimmed.length - 1] === '') trimmed.pop();
      if (trimmed.length < cells.length && !fits(roles, 0, cells, ticks)) cells = trimmed;
      offset = width - cells.length;
    }
    if (offset > 0) {
      let chosen = -1;
      for (let k = offset; k >= 0; k--) {
        if (fits(roles, k, cells, ticks)) {
          chosen = k;
          break;
        }
      }
      offset = chosen >= 0 ? chosen : offset;
    }
    // The cells above, column by column (the last rows' own cells), for placing a row that lost a middle cell.
    const columnTexts = Array.from({ length: width }, (_, c) =>
      rows
        .slice(Math.max(1, r - 6), r)
        .filter((row) => !row.every((x) => x === row[0]))
        .map((row) => row[c])
        .filter((x): x is GridCell => x !== undefined && x.text !== '')
        .map((x) => x.text),
    );
    const placement =
      offset > 0
        ? placeShortRow(cells, roles, columnTexts, offset, labels, {
            ticks,
            mergeable: mergeableAbove(above, width),
            emptiesKept: mode === 'tab',
            ...(previousAt !== undefined ? { aboveAt: previousAt } : {}),
          })
        : { at: cells.map((_, j) => offset + j) };
    const at = placement.at;
    previousAt = at;
    if ('guessed' in placement && placement.guessed)
      guessed.push({ text: cells.find((c) => c !== '') ?? '', line: i + 1 });
    const first = at[0] ?? offset;
    const last = at[at.length - 1] ?? width - 1;
    // A copied row (tabs) keeps its empty cells, tab for tab: cells missing after its last one are cells merged down
    // from the row above (a 责任单位 printed once for several tasks), as those before it are — unless the row above is
    // the header or spans the whole width (a category line). Printed rows (`|`) drop their empty cells at the end: theirs
    // stay empty.
    const rightMerged = mode === 'tab' && r > 1 && !above.every((x) => x === above[0]);
    // A printed row (`|`) that lost merged cells on its left and has no unit cell: its units are merged down from the
    // row above too (江门 2021: `2.做好…的归集整理…` under `1.… | 办公室牵头,…配合`), read as inherited — never a
    // deadline or a tick, which a printed row drops when empty.
    const unitsMergedRight =
      mode === 'pipe' &&
      r > 1 &&
      first > 0 &&
      !above.every((x) => x === above[0]) &&
      !at.some((c) => roles[c] === 'lead' || roles[c] === 'responsible');
    const row: Array<GridCell | undefined> = [];
    for (let c = 0; c < width; c++) {
      const j = at.indexOf(c);
      if (j >= 0) row.push(cellOf(cells[j] ?? '', r, i + 1));
      else if (
        c < last ||
        c < first ||
        rightMerged ||
        (unitsMergedRight &&
          (roles[c] === 'lead' || roles[c] === 'responsible') &&
          (above[c]?.text ?? '').trim() !== '')
      )
        row.push(above[c] ?? cellOf('', r, i + 1));
      else row.push(cellOf('', r, i + 1));
    }
    rows.push(row);
  }
  warnGuessed(guessed, warnings, mode);
  return { grid: { rows, width }, firstLine: headerAt, warnings };
}

/** Per column: whether the row above (a row of the table, not the header nor a heading over the whole row) has a cell
 * there that a cell merged down from it could be. */
function mergeableAbove(above: ReadonlyArray<GridCell | undefined>, width: number): boolean[] {
  const heading = above.length > 0 && above.every((x) => x === above[0]);
  return Array.from({ length: width }, (_, c) => !heading && (above[c]?.text ?? '').trim() !== '');
}

/**
 * One warning for the rows placed by likeness with another placement nearly as likely (row-placement.ts), naming the
 * form the rows came in (`tab`: copied from a browser, `pipe`: cells between `|`, `lines`: one cell per line).
 */
function warnGuessed(guessed: readonly Token[], warnings: PlanWarning[], form: 'tab' | 'pipe' | 'lines'): void {
  const first = guessed[0];
  if (first === undefined) return;
  warnings.push(
    planWarning(
      'rows.placementGuessed',
      { count: guessed.length, sample: first.text.slice(0, 40), form },
      { line: first.line },
    ),
  );
}

/**
 * Physical lines → table rows. A browser copies a cell's line breaks as they are, so a cell of several paragraphs
 * spreads over several lines: a line without a tab that is not a heading continues the last cell of the row above,
 * and a row cut short on the right (no merged cells on the left explain it) is continued by the next line.
 */
function logicalRows(
  lines: readonly string[],
  from: number,
  mode: 'tab' | 'pipe',
  width: number,
  roles: ReadonlyArray<ColumnRole | null>,
  ticks: readonly boolean[],
  rowPipes = 0,
): Array<{ cells: string[]; line: number }> {
  const out: Array<{
    cells: string[];
    line: number;
    open: boolean;
    single: boolean;
    lastLine: number;
    pipes: number;
  }> = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const split = splitRow(line, mode);
    const previous = out[out.length - 1];
    if (split === null) {
      if (mode === 'tab' && previous && !previous.single && !isHeadingLine(line)) {
        // The rightmost cell whose column can hold this line (a sentence goes to the requirements, not the units).
        const offset = width - previous.cells.length;
        let target = previous.cells.length - 1;
        while (target > 0 && !fitsColumn(roles, target + offset, line.trim())) target--;
        previous.cells[target] = `${previous.cells[target] ?? ''}\n${line.trim()}`;
        continue;
      }
      out.push({ cells: [line.trim()], line: i, open: false, single: true, lastLine: i, pipes: 0 });
      continue;
    }
    if (mode === 'tab' && previous?.open && previous.cells.length + split.length - 1 <= width) {
      const last = previous.cells.length - 1;
      previous.cells[last] = `${previous.cells[last] ?? ''}\n${split[0] ?? ''}`;
      for (const cell of split.slice(1)) previous.cells.push(cell);
      previous.open = previous.cells.length < width && cutShort(previous.cells, width, roles, ticks);
      continue;
    }
    // A printed row (`|`) that a store broke where a line ended (铁力市: `1 | … | 政策依据; … |` / `《…》 | 信息形成… |
    // 铁力市农业农村局 | …`): cut short with nothing merged to explain it, it goes on with the next line unless that
    // line starts a row of its own (a number, a heading). A line that ended on `|` closed its cell.
    const startsRow = isBareNumber(split[0] ?? '') || isHeadingLine(split[0] ?? '');
    const pipes = (line.match(/\|/g) ?? []).length;
    if (
      mode === 'pipe' &&
      previous !== undefined &&
      !previous.single &&
      previous.pipes < rowPipes &&
      previous.pipes + pipes <= rowPipes &&
      !startsRow
    ) {
      if (/\|\s*$/.test(lines[previous.lastLine] ?? '')) for (const cell of split) previous.cells.push(cell);
      else {
        const last = previous.cells.length - 1;
        previous.cells[last] = `${previous.cells[last] ?? ''}\n${split[0] ?? ''}`;
        for (const cell of split.slice(1)) previous.cells.push(cell);
      }
      previous.lastLine = i;
      previous.pipes += pipes;
      continue;
    }
    out.push({
      cells: split,
      line: i,
      open: split.length < width && cutShort(split, width, roles, ticks),
      single: false,
      lastLine: i,
      pipes: (line.match(/\|/g) ?? []).length,
    });
  }
  return out.map(({ cells, line }) => ({ cells, line }));
}

/** A short row that no placement to the right explains (merged cells are on the left): it goes on below. */
function cutShort(
  cells: readonly string[],
  width: number,
  roles: ReadonlyArray<ColumnRole | null>,
  ticks: readonly boolean[],
): boolean {
  for (let k = width - cells.length; k > 0; k--) if (fits(roles, k, cells, ticks)) return false;
  return true;
}

// --- flattened: one cell per line -------------------------------------------------------------------------------

function streamTokens(lines: readonly string[]): Token[] {
  const separators = lines.filter((l) => /^\s*\|+\s*$/.test(l)).length;
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const tokens: Token[] = [];
  if (separators * 3 >= nonBlank) {
    // `cell` / `|` / `cell` …: two separators in a row hold an empty cell; inside the table (once a separator was
    // seen) the lines between two separators are one cell's lines (`長期公開` / `隨時公開`).
    let lastWasSeparator = true;
    let inTable = false;
    lines.forEach((l, i) => {
      const t = l.trim();
      if (t === '') return;
      if (/^\|+$/.test(t)) {
        if (lastWasSeparator && tokens.length > 0) tokens.push({ text: '', line: i + 1 });
        lastWasSeparator = true;
        inTable = true;
        return;
      }
      const text = t.replace(/\s*\|+$/, '');
      const previous = tokens[tokens.length - 1];
      if (inTable && !lastWasSeparator && previous !== undefined) previous.text = `${previous.text}\n${text}`;
      else tokens.push({ text, line: i + 1 });
      lastWasSeparator = /\|$/.test(t);
      if (lastWasSeparator) inTable = true;
    });
    return tokens;
  }
  if (lines.filter((l) => /\|\s*$/.test(l)).length * 2 >= nonBlank) {
    // `cell |` per line; a line of `|` alone is an empty cell.
    lines.forEach((l, i) => {
      const t = l.trim();
      if (t === '') return;
      if (/^\|+$/.test(t)) tokens.push({ text: '', line: i + 1 });
      else tokens.push({ text: t.replace(/\s*\|+$/, '').trim(), line: i + 1 });
    });
    return tokens;
  }
  // Blank-line separated: one blank line between cells, each further blank line an empty cell. Where blank lines
  // separate the cells (there are as many as cells, about), lines that follow each other are one cell's lines
  // (`1.机构名称;` / `2.开放时间;`); without blank lines, each line is a cell.
  const blankLines = lines.filter((l) => l.trim() === '').length;
  const linesAreCells = blankLines * 2 < nonBlank;
  let blanks = 0;
  lines.forEach((l, i) => {
    if (l.trim() === '') {
      blanks++;
      return;
    }
    const previous = tokens[tokens.length - 1];
    if (!linesAreCells && blanks === 0 && previous !== undefined && previous.text !== '') {
      previous.text = `${previous.text}\n${l.trim()}`;
      return;
    }
    for (let k = 1; k < blanks && tokens.length > 0; k++) tokens.push({ text: '', line: i + 1 });
    tokens.push({ text: l.trim(), line: i + 1 });
    blanks = 0;
  });
  return tokens;
}

/** A units cell whose first item is a unit name (what follows it may be a clause about it). */
function namesUnitFirst(text: string): boolean {
  const first = text.split(/[,，、;；\n]/)[0] ?? '';
  return !/。./.test(text) && isUnitName(first);
}

/** A list of ticked or unticked boxes with their words (`■政府网站 □政府公报`): a 公开渠道和载体 cell's paragraph. */
const BOX_LIST = /^[■□☐☑▣√✓✔]\s*[^\s■□☐☑▣√✓✔]/;

const boxCount = (text: string): number => (text.match(/[■□☐☑▣]\s*[^\s■□☐☑▣]/g) ?? []).length;

/**
 * The paragraphs of one 公开渠道和载体 cell: a cell printing its boxes over several paragraphs (`■政府网站 ■两微一端` /
 * `■政务服务中心` / `■投资项目在线审批监管平台`) arrives as several tokens when paragraphs and cells are both separated
 * by blank lines: a paragraph listing boxes goes on the list of two boxes or more before it. A lone tick (√, ■) is a
 * tick column's cell, and one box with its word (`■文本` / `□决策`, the 五公开 columns) a cell of its own: not joined —
 * unless both it and the paragraph before it are boxes of the format's channels (`■政府网站` / `■便民服务中心`, one per
 * paragraph: 复兴镇's catalogue), which are one cell's.
 */
function withBoxListsJoined(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const previous = out[out.length - 1];
    const lastParagraph = previous?.text.split('\n').pop() ?? '';
    const channels =
      (isChannelBox(t.text) && isChannelBox(lastParagraph)) ||
      (isChannelWord(t.text) && isChannelWord(lastParagraph) && !isChannelBox(t.text) && !isChannelBox(lastParagraph));
    if (previous !== undefined && ((boxCount(previous.text) >= 2 && BOX_LIST.test(t.text)) || channels))
      previous.text = `${previous.text}\n${t.text}`;
    else out.push({ ...t });
  }
  return out;
}

/** A list item's mark: a bullet (`●`, `•`, `◆`, `▪`) or a number (`1.`, `2、`, `3．`, not `1.5`). */
function listMark(paragraph: string): { bullet: string } | { n: number } | null {
  const t = paragraph.trim();
  const bullet = /^([●•◆▪])/.exec(t);
  if (bullet) return { bullet: bullet[1] ?? '' };
  const n = /^(\d{1,2})\s*[.、．](?![\d年月日])\S/.exec(t);
  return n ? { n: Number(n[1]) } : null;
}

/**
 * The items of one cell's list printed one per paragraph, in a catalogue read one cell per paragraph (元马镇's
 * `1.中央…的行政法规;` / `2.中央…的规章。`, 荷花镇's `● 《社会救助暂行办法》…` / `● 《国务院关于…》…`): an item goes on the
 * item before it when it carries the same bullet, or the next number. A catalogue's cells are never numbered lists
 * of their own (its 序号 is a bare number), so a list is one cell's.
 */
function withListItemsJoined(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const previous = out[out.length - 1];
    const mark = listMark(t.text);
    const before = previous !== undefined ? listMark(previous.text.split('\n').pop() ?? '') : null;
    const continues =
      mark !== null &&
      before !== null &&
      (('bullet' in mark && 'bullet' in before && mark.bullet === before.bullet) ||
        ('n' in mark && 'n' in before && mark.n === before.n + 1));
    if (
      previous !== undefined &&
      (continues || continuesTime(previous.text, t.text) || brokenWord(previous.text, t.text))
    )
      previous.text = `${previous.text}\n${t.text}`;
    else out.push({ ...t });
  }
  return out;
}

/**
 * A word a narrow column broke into two paragraphs of two characters each (互助县: `出生` / `登记`, `公安` / `机关`): the
 * second goes on the first — only two such fragments, neither a header or tick word, the first not joined already.
 */
function brokenWord(before: string, text: string): boolean {
  const fragment = (x: string): boolean =>
    /^[\u4e00-\u9fff]{2}$/.test(x.trim()) && roleOfHeader(x) === null && !isTickColumn(x);
  return fragment(before) && fragment(text);
}

/**
 * A time phrase a narrow column broke before its unit (荷花镇: `制定或获取信息 之日起10个工作` / `日 内`): a paragraph
 * that is only the rest of the count (`日内`, `工作日内`, `天`) goes on the paragraph that ends in the number or 个.
 */
function continuesTime(before: string, text: string): boolean {
  const rest = text.replace(/\s+/g, '');
  return /(?:\d|个|个工作|工作)$/.test(before.replace(/\s+/g, '')) && /^(?:个)?(?:工作)?[日天月]内?$/.test(rest);
}

/** `一、…` or `（一）…` on a line of its own (a category or group row), full stop allowed. */
export function isHeadingLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 60 && /^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）])/.test(t);
}

/**
 * Whether a token goes on a header run: a known header word, or a word this reader does not know (对应职责,
 * 事项类别（法定公开、其他）) that reads as a label — short, no digit, no sentence — with a known header word right
 * after it. Its column is read as unknown and warned as unused, never dropped.
 */
function inHeaderRun(tokens: readonly Token[], j: number): boolean {
  const text = tokens[j]?.text ?? '';
  if (roleOfHeader(text) !== null) return true;
  if (text === '' || text.length > 16 || /[\d。；;：:，,]/.test(text) || isHeadingLine(text)) return false;
  // Half of a header word split over two paragraphs (`特定` / `群众`).
  const before = tokens[j - 1]?.text ?? '';
  const after = tokens[j + 1]?.text ?? '';
  if (isExactHeader(before + text) || isExactHeader(text + after)) return true;
  const next = tokens.slice(j + 1, j + 3).find((t) => t.text !== '');
  return next !== undefined && !/\d/.test(next.text) && roleOfHeader(next.text) !== null;
}

const lastLine = (text: string): string => text.split('\n').pop() ?? '';

/** A note printed under a cell's text (`注:有关公开信息可推送…`): it belongs to the cell above it. */
const isNote = (text: string): boolean => /^\s*[注註]\s*[:：]/.test(text);

/**
 * Two neighbouring paragraphs that say the same (梅县区: `法治宣传教育` / `法治宣传教育` before the item of a row
 * with one paragraph more than its columns): joined, they are one item printed twice.
 */
const samePair = (a: string, b: string): boolean => a.trim() !== '' && a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * How likely two neighbouring paragraphs of a row are one cell's: 0 an item ending in `;` (a list goes on) or a note
 * (`注:…`, 梅县区) under a cell; 1 two of the same kind — unit names, channels, citations of a basis (`《…》`) —, 2 any
 * other pair (then the shortest first).
 */
function pairRank(tokens: readonly Token[], j: number): number {
  const a = tokens[j]?.text ?? '';
  const b = tokens[j + 1]?.text ?? '';
  if (/[;；]$/.test(a.trim()) || isNote(b)) return 0;
  if (isUnitName(a) && isUnitName(b)) return 1;
  if (isChannelWord(lastLine(a)) && isChannelWord(b)) return 1;
  if (/^\s*(?:\d{1,2}\s*[.、．])?\s*《/.test(lastLine(a)) && /^\s*(?:\d{1,2}\s*[.、．])?\s*《/.test(b)) return 1;
  return 2;
}

/** Most pairs of paragraphs joined to fit one row: a bound on the cost, not a tuning. */
const MAX_JOINS = 16;

const pairLength = (tokens: readonly Token[], j: number): number =>
  (tokens[j]?.text.length ?? 0) + (tokens[j + 1]?.text.length ?? 0);

/** The places after a row's 序号 where two neighbouring paragraphs may be one cell's, likeliest first (pairRank, then the shortest). */
function joinablePairs(tokens: readonly Token[]): number[] {
  return tokens
    .map((_, j) => j)
    .filter((j) => j >= 1 && j + 1 < tokens.length && !isBareNumber(tokens[j]?.text ?? ''))
    .sort((a, b) => pairRank(tokens, a) - pairRank(tokens, b) || pairLength(tokens, a) - pairLength(tokens, b));
}

/**
 * The row's paragraphs with the pair at `j` joined into one cell (its paragraphs on lines of their own); the same
 * words twice are one item, kept once.
 */
function joinPair(tokens: readonly Token[], j: number): Token[] {
  const a = tokens[j]?.text ?? '';
  const b = tokens[j + 1]?.text ?? '';
  return [
    ...tokens.slice(0, j),
    { text: samePair(a, b) ? a : `${a}\n${b}`, line: tokens[j]?.line ?? 0 },
    ...tokens.slice(j + 2),
  ];
}

/**
 * Header words printed over two paragraphs of their cell (a narrow column: `公开` / `依据`, `一级` / `事项`) arrive as
 * two cells: two neighbours that make a header word exactly are one.
 */
function joinSplitHeaderWords(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const here = labels[i] ?? '';
    const next = labels[i + 1];
    if (next !== undefined && isExactHeader(here + next)) {
      out.push(`${here}${next}`);
      i++;
    } else out.push(here);
  }
  return out;
}

/**
 * A one-cell-per-line table, read once as its header says and, when the header has a deeper 事项 level (三级事项)
 * and that reading leaves cells unplaced or starts its first row past the first column, once more without that level
 * — a catalogue whose rows print each item over its 二级 and 三级 columns (a cell over both) gives one cell where the
 * header has two. The second reading is kept when it places as many cells and its first row starts further left; the
 * level left out holds no cell of any row.
 */
function fromStreamLevels(lines: readonly string[]): TextTable | null {
  const read = fromStream(lines);
  const unplaced = (t: TextTable): number =>
    t.warnings.filter((w) => w.code === 'rows.unplaced').reduce((n, w) => n + Number(w.data.count ?? 0), 0);
  const firstAt = (t: TextTable): number => {
    const row = t.grid.rows[1] ?? [];
    const at = row.findIndex((c) => (c?.text ?? '').trim() !== '');
    return at < 0 ? row.length : at;
  };
  if (read === null || (unplaced(read) === 0 && firstAt(read) === 0)) return read;
  const deeper = read.grid.rows[0]?.findIndex((c) =>
    /^[三四][级級]事[项項]$/.test((c?.text ?? '').replace(/\s+/g, '')),
  );
  if (deeper === undefined || deeper < 0) return read;
  const without = fromStream(lines, deeper);
  if (without === null) return read;
  const fewer = unplaced(without) < unplaced(read);
  const asMany = unplaced(without) === unplaced(read) && firstAt(without) < firstAt(read);
  return fewer || asMany ? without : read;
}

/** Cells a reading could not place for sure: those reported unplaced, and the rows whose placement was guessed. */
function unsure(t: TextTable): number {
  return t.warnings
    .filter((w) => w.code === 'rows.unplaced' || w.code === 'rows.placementGuessed')
    .reduce((n, w) => n + Number(w.data.count ?? 0), 0);
}

/**
 * `|` rows read once as their header says and, when the header names a deeper item level (三级事项) and that reading
 * is unsure of some rows, once more without that level: a catalogue that names 三级事项 and fills it in no row (三门县
 * 公共法律服务, 新建区生态环境局) prints one cell fewer than its header in every row, and read with that column its
 * first row's content stands under 三级事项. The second reading is kept when it is unsure of fewer rows.
 */
function fromRowsLevels(lines: readonly string[]): TextTable | null {
  const read = fromRows(lines, 'pipe');
  if (read === null || unsure(read) === 0) return read;
  const without = fromRows(lines, 'pipe', true);
  return without !== null && unsure(without) < unsure(read) ? without : read;
}

function fromStream(lines: readonly string[], leaveOut = -1): TextTable | null {
  const tokens = withBoxListsJoined(streamTokens(lines));
  // Header: the first run of known header words that makes a header.
  let start = -1;
  let end = -1;
  for (let i = 0; i < tokens.length && start < 0; i++) {
    if (roleOfHeader(tokens[i]?.text ?? '') === null) continue;
    let j = i;
    while (j < tokens.length && (inHeaderRun(tokens, j) || tokens[j]?.text === '')) j++;
    const labels = tokens.slice(i, j).map((t) => t.text);
    if (isHeaderSet(labels)) {
      start = i;
      end = j;
    }
  }
  if (start < 0) return null;
  const raw = joinSplitHeaderWords(
    tokens
      .slice(start, end)
      .map((t) => t.text)
      .filter((t) => t !== ''),
  );
  // Fold the second header row: the words that belong under an earlier parent.
  const top: string[] = [];
  const sub: string[] = [];
  for (const label of raw) {
    if (top.some((p) => isSubHeaderOf(p, label))) sub.push(label);
    else top.push(label);
  }
  const labels = (sub.length > 0 ? foldHeader(top, sub) : top).filter((_, c) => c !== leaveOut);
  const roles = rolesOf(labels);
  const data = isCatalogueFormat(labels) ? withListItemsJoined(tokens.slice(end)) : tokens.slice(end);
  const titleAt = roles.indexOf('title');
  const reqAt = roles.indexOf('requirements');
  let taskAt = Math.max(titleAt, reqAt);
  // A 序号 printed in its own cell under a header that has none: a column just before the task.
  if (!roles.includes('no') && taskAt >= 0) {
    let expected = 1;
    for (const t of data) if (isBareNumber(t.text) && Number(t.text) === expected) expected++;
    if (expected > 2) {
      roles.splice(taskAt, 0, 'no');
      labels.splice(taskAt, 0, '');
      taskAt++;
    }
  }
  const width = labels.length;
  const noAt = roles.indexOf('no');
  const headerLine = tokens[start]?.line ?? 1;
  const rows: Array<Array<GridCell | undefined>> = [labels.map((l) => cellOf(l, 0, headerLine))];
  const warnings: PlanWarning[] = [];
  const guessed: Token[] = [];
  const unplaced: Token[] = [];
  // The 序号 the rows count from: the table's first cell when it is one (a page that prints a table from 2 on, 方山县's
  // 涉农补贴 目录), else 1.
  const firstCell = data.find((t) => t.text !== '');
  let expected =
    noAt >= 0 && firstCell !== undefined && isBareNumber(firstCell.text) ? Math.max(1, Number(firstCell.text)) : 1;

  const pushRow = (cells: Token[], offset: number, at: readonly number[] = cells.map((_, j) => offset + j)): void => {
    const r = rows.length;
    // Missing cells are those of the row above (on the left or in the middle) — never the header's.
    const above = r > 1 ? (rows[r - 1] ?? []) : [];
    const line = cells[0]?.line ?? 0;
    const last = at[at.length - 1] ?? width - 1;
    const row: Array<GridCell | undefined> = [];
    for (let c = 0; c < width; c++) {
      const j = at.indexOf(c);
      if (j >= 0) row.push(cellOf(cells[j]?.text ?? '', r, cells[j]?.line ?? line));
      else if (c < last) row.push(above[c] ?? cellOf('', r, line));
      else row.push(cellOf('', r, line));
    }
    rows.push(row);
  };
  const startsRow = (t: Token | undefined): boolean =>
    t === undefined || isHeadingLine(t.text) || (noAt >= 0 && isBareNumber(t.text) && Number(t.text) === expected + 1);
  // Tick columns (全社会, 主动, 县级 …) hold a mark or nothing; a flattened row drops its empty ones at the end.
  const ticks = labels.map(isTickColumn);
  const onlyTicksFrom = (c: number): boolean => c < width && ticks.slice(c).every(Boolean);
  // `whole`: the row fills every column from its 序号 to the next 序号 — then a units cell that names a unit first and
  // goes on in a clause (`制定规范性文件的部门,上级部门制定的…由对口部门公开`) still stands in its column (the clause
  // is warned as units.unsplittable when the task is assembled).
  const fitsAt = (k: number, take: Token[], whole = false): boolean =>
    take.every((t, j) => {
      const c = k + j;
      if (ticks[c] && !isTickMark(t.text)) return false;
      if (noAt >= 0 && c !== noAt && isBareNumber(t.text) && Math.abs(Number(t.text) - expected) <= 1) return false;
      if (c === noAt) return isBareNumber(t.text) && Number(t.text) === expected;
      const role = roles[c] ?? null;
      if (whole && (role === 'lead' || role === 'responsible') && namesUnitFirst(t.text)) return true;
      return fitsColumn(roles, c, t.text);
    });

  let p = 0;
  while (p < data.length) {
    const t = data[p] as Token;
    if (t.text === '') {
      p++;
      continue;
    }
    if (isHeadingLine(t.text) && !(roles[0] === 'category' || roles[0] === 'group')) {
      const only = cellOf(t.text, rows.length, t.line);
      rows.push(Array.from({ length: width }, () => only));
      p++;
      continue;
    }
    // Every way the next cells can make a row (from column k, m cells); the first found, or one with more evidence
    // from the cells above them in their columns (row-placement.ts counts it).
    const columnTexts = Array.from({ length: width }, (_, c) =>
      rows
        .slice(Math.max(1, rows.length - 6))
        .filter((row) => !row.every((x) => x === row[0]))
        .map((row) => row[c])
        .filter((x): x is GridCell => x !== undefined && x.text !== '')
        .map((x) => x.text),
    );
    let choice: { k: number; m: number; score: number } | null = null;
    for (let k = 0; k <= Math.max(0, taskAt); k++) {
      const full = width - k;
      for (let m = full; m >= Math.max(1, taskAt - k + 1); m--) {
        const take = data.slice(p, p + m);
        if (take.length < m) continue;
        if (m < full && !startsRow(data[p + m]) && !onlyTicksFrom(k + m)) continue;
        const whole = m === full && k <= noAt && data[p + m] !== undefined && startsRow(data[p + m]);
        if (!fitsAt(k, take, whole)) continue;
        const score = placementEvidence(
          take.map((x) => x.text),
          take.map((_, j) => k + j),
          columnTexts,
          roles,
          labels,
          ticks,
        );
        if (choice === null || score > choice.score) choice = { k, m, score };
        break;
      }
    }
    // A row numbered by its 序号 that fits no run of columns lost a cell in the middle (a 一级事项 merged over several
    // rows): its cells up to the next 序号 are placed as a copied row's are, missing cells explained by the row above.
    if (choice === null && noAt >= 0 && isBareNumber(t.text) && Number(t.text) === expected) {
      let q = p + 1;
      while (q < data.length && !startsRow(data[q])) q++;
      const above = rows.length > 1 ? (rows[rows.length - 1] ?? []) : [];
      const place = (cells: Token[]) =>
        cells.length === width
          ? fitsAt(0, cells, true)
            ? { at: cells.map((_, j) => j), guessed: false }
            : undefined
          : cells.length < width
            ? placeShortRow(
                cells.map((x) => x.text),
                roles,
                columnTexts,
                noAt,
                labels,
                { ticks, mergeable: mergeableAbove(above, width) },
              )
            : undefined;
      const fitted = (x: ReturnType<typeof place>) => x !== undefined && x.unfitted !== true && x.at[0] === noAt;
      let take = data.slice(p, q).filter((x) => x.text !== '');
      let placement = place(take);
      if (!fitted(placement)) {
        // A bare number after the row's 序号 that no column of the header takes (a table printing a column more than
        // its header names, `1 | | 1 | | 公租房…`): the row is placed without it, and the number reported as unplaced.
        const strays = take.slice(1).filter((x) => isBareNumber(x.text));
        const kept = take.filter((x, j) => j === 0 || !isBareNumber(x.text));
        const tried = strays.length > 0 ? place(kept) : undefined;
        if (fitted(tried)) {
          take = kept;
          placement = tried;
          for (const x of strays) unplaced.push(x);
        }
      }
      if (!fitted(placement)) {
        // A cell printed in two paragraphs (a word broken in a narrow column: `公共` / `服务`) arrives as two cells:
        // the shortest pair of neighbours after the 序号 that, joined, lets the row fit.
        for (const j of joinablePairs(take)) {
          const joined = joinPair(take, j);
          const tried = place(joined);
          if (fitted(tried)) {
            take = joined;
            placement = tried;
            break;
          }
        }
      }
      if (!fitted(placement)) {
        // Cells printed over several paragraphs each (a content of items ended by `;`, a 公开主体 of two units one per
        // paragraph, channels one per paragraph: 方山县's 涉农补贴 目录): neighbours joined one pair at a time — an item
        // ending in `;` first, then two unit names, then the shortest pair — until the row fits, or a bound is reached.
        let cells = take;
        for (let step = 0; step < MAX_JOINS && !fitted(placement) && cells.length > 2; step++) {
          const j = joinablePairs(cells)[0];
          if (j === undefined) break;
          cells = joinPair(cells, j);
          const tried = place(cells);
          if (fitted(tried)) {
            take = cells;
            placement = tried;
          }
        }
      }
      if (placement !== undefined && fitted(placement)) {
        if (placement.guessed) guessed.push(t);
        pushRow(take, noAt, placement.at);
        expected++;
        p = q;
        continue;
      }
    }
    const placed = choice !== null;
    if (choice !== null) {
      const take = data.slice(p, p + choice.m);
      // A row that ends before the last column may have lost a middle cell instead (merged from above); not in a
      // table numbered by 序号 or holding tick columns, whose rows are cut by other marks.
      const short = choice.m < width - choice.k && noAt < 0 && !ticks.some(Boolean);
      const placement = short
        ? placeShortRow(
            take.map((x) => x.text),
            roles,
            columnTexts,
            choice.k,
            labels,
          )
        : undefined;
      if (placement?.guessed) guessed.push(take[0] as Token);
      pushRow(take, choice.k, placement?.at);
      if (noAt >= choice.k) expected++;
      p += choice.m;
    }
    if (!placed) {
      unplaced.push(t);
      p++;
    }
  }
  if (unplaced.length > 0) {
    warnings.push(
      planWarning(
        'rows.unplaced',
        {
          count: unplaced.length,
          sample: unplaced
            .map((t) => t.text)
            .join(' | ')
            .slice(0, 80),
        },
        { line: unplaced[0]?.line ?? 1 },
      ),
    );
  }
  warnGuessed(guessed, warnings, 'lines');
  return { grid: { rows, width }, firstLine: headerLine - 1, warnings };
}

/**
 * Rows printed with a leading `|` (`| 一级事项 | 二级事项 |`) that a store broke over several lines: a line holding
 * cells but no leading `|` goes on the row above (`公开 时限 |`, `√ | 综合组 | ||`), as do the lines of `|` alone
 * after it (the store's fillers for cells printed over several columns). Only in a text whose rows do lead with `|`
 * (two of them at least); the continued lines are left blank, so line numbers stay those of the text.
 */
function withBrokenRowsJoined(lines: readonly string[]): string[] {
  const leads = (l: string): boolean => /^\s*\|\s*[^|\s]/.test(l);
  if (lines.filter(leads).length < 2) return [...lines];
  if (!leads(lines.find((l) => l.includes('|')) ?? '')) return withTrailingCellsJoined(lines);
  const out = [...lines];
  let row = -1;
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? '';
    if (leads(line)) {
      row = i;
      continue;
    }
    if (row < 0 || !line.includes('|')) {
      if (line.trim() !== '') row = -1;
      continue;
    }
    const before = (out[row] ?? '').trimEnd();
    out[row] = `${before}${before.endsWith('|') ? ' ' : ''}${line.trim()}`;
    out[i] = '';
  }
  return out;
}

/**
 * Rows printed without a leading `|` whose last cells a store put on the next line, led by `|` (九龙街道 2024:
 * `1 | 重要政策执行情况 | 控辍保学` / `| 辖区内控辍保学实施情况 | … |`, and each row's ticks as `| √ |` lines): such a line
 * goes on the row above. Only in a text whose first `|` line does not lead with one; the continued lines are left
 * blank, so line numbers stay those of the text.
 */
function withTrailingCellsJoined(lines: readonly string[]): string[] {
  const out = [...lines];
  let row = -1;
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? '';
    if (line.trim() === '') continue;
    // A line of `|` alone after a row is its fillers (an empty tick cell between two `| √ |` lines): it stays with it.
    if (row >= 0 && /^\s*\|+\s*$/.test(line)) {
      out[row] = `${(out[row] ?? '').trimEnd()} ${line.trim()}`;
      out[i] = '';
      continue;
    }
    if (row >= 0 && /^\s*\|/.test(line) && /[^|\s]/.test(line)) {
      const before = (out[row] ?? '').trimEnd();
      out[row] = `${before}${before.endsWith('|') ? ' ' : ' | '}${line.replace(/^\s*\|\s*/, '').trim()}`;
      out[i] = '';
      continue;
    }
    row = line.includes('|') ? i : -1;
  }
  return out;
}

/**
 * A table stored as one `cell |` line per cell whose every row is closed by the store's fillers — a line of as many
 * `|` as the row has cells missing (merged, or a header cell printed over several columns): 张店区 2023 任务清单,
 * `工作任务 |` `具体要求 |` `责任单位 |` `||` (工作任务 over three columns), then `…公开页面详细列明… |` `||||`. Each
 * row's cells and its fillers add up to the header's width; a full row has none. Read back into `|` rows (for the
 * row reader) when every filler line fits that count — otherwise the text is no such table (null).
 */
function filledRows(lines: readonly string[]): string[] | null {
  const isFiller = (t: string): boolean => /^\|{2,}$/.test(t);
  const cellLines = lines.filter((l) => /\S\s*\|\s*$/.test(l)).length;
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  if (cellLines * 2 < nonBlank) return null;
  // Cells: a `text |` line, or text lines closed by a `|` line of their own (`基础信息公开` / `|`).
  const items: Array<{ cell: string } | { fillers: number }> = [];
  let open: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (t === '') continue;
    if (isFiller(t) && open.length === 0) items.push({ fillers: t.length });
    else if (t === '|') {
      items.push({ cell: open.join('\n') });
      open = [];
    } else if (/\|$/.test(t)) {
      // Lines not closed by a `|` before a cell line are the document's text, not the cell's.
      items.push({ cell: t.replace(/\s*\|+$/, '') });
      open = [];
    } else open.push(t);
  }
  // The header: the first run of cells that makes one, closed by its fillers.
  let h = -1;
  let n = 0;
  for (let i = 0; i < items.length && h < 0; i++) {
    const labels: string[] = [];
    let j = i;
    while (
      j < items.length &&
      'cell' in (items[j] ?? {}) &&
      roleOfHeader((items[j] as { cell: string }).cell) !== null
    ) {
      labels.push((items[j] as { cell: string }).cell);
      j++;
    }
    const after = items[j];
    if (labels.length >= 3 && isHeaderSet(labels) && after !== undefined && 'fillers' in after) {
      h = i;
      n = labels.length;
    }
  }
  if (h < 0) return null;
  const headerFillers = items[h + n] as { fillers: number };
  const width = n + headerFillers.fillers;
  const header = items.slice(h, h + n).map((x) => (x as { cell: string }).cell);
  const rows: string[][] = [];
  let row: string[] = [];
  for (const item of items.slice(h + n + 1)) {
    if ('fillers' in item) {
      if (row.length === 0 || row.length + item.fillers !== width) return null;
      rows.push(row);
      row = [];
      continue;
    }
    row.push(item.cell);
    if (row.length === width) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  if (rows.length < 2) return null;
  const before = lines.slice(
    0,
    lines.findIndex((l) => l.trim() === `${header[0]} |` || l.trim() === header[0]),
  );
  // Each row printed as the store printed it, its fillers after its cells (so the row reader sees where rows end).
  const line = (cells: readonly string[]): string =>
    `${cells.join(' | ')} |${'|'.repeat(Math.max(0, width - cells.length))}`;
  return [...before, line(header), ...rows.map(line)];
}

/**
 * A line of header words separated by spaces alone (`事项名称 事项类别 公开内容 公开依据 … 公开责任`, a page whose table
 * lost its cell boundaries): no reader can cut its rows into cells (a cell may hold spaces), so the caller says so
 * rather than reporting that no table was found. Null when no line is such a header.
 */
export function spaceSeparatedHeader(text: string): { line: number; header: string } | null {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/[\t|]/.test(line)) continue;
    const words = line.trim().split(/[\s\u3000]+/);
    if (words.length >= 4 && words.every((w) => roleOfHeader(w) !== null) && isHeaderSet(words))
      return { line: i + 1, header: words.join(' ') };
  }
  return null;
}

/** The task table of a text, with its header; null when the text holds no header this reader knows. */
export function textTable(text: string): TextTable | null {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const tabRows = lines.filter((l) => (l.match(/\t/g) ?? []).length >= 1).length;
  if (tabRows >= 2) {
    const t = fromRows(lines, 'tab');
    if (t) return t;
  }
  const filled = filledRows(lines);
  if (filled !== null) {
    const t = fromRows(filled, 'pipe');
    if (t) return t;
  }
  const pipeRows = lines.filter((l) => (l.match(/\|/g) ?? []).length >= 3).length;
  if (pipeRows >= 2) {
    const t = fromRowsLevels(withBrokenRowsJoined(lines));
    if (t) return t;
  }
  return fromStreamLevels(lines);
}
