/**
 * Raw rows (from either reader) → a Plan. The one place where ids are given, overrides applied, merged cells
 * inherited, units split, and frequencies, deadlines, element lists, columns, checklists and keywords extracted — so
 * text and HTML input give the same model.
 *
 * Decides: ids (see model.ts), that inheritance follows a chain to the row that owns the cell (22 and 23 both name
 * 21), that an accidental duplicated row (same number and same title) is refused while a reused number with another
 * title (58, 59 in the seed) is kept, and the final validation (schema, unique ids, template references).
 * Does not decide: how rows are read (parse-plan-text.ts / parse-plan-html.ts) nor the extraction rules (their
 * modules).
 */
import { normalizeLabel } from '../text/normalize';
import { splitClauseBracket } from './brackets';
import { buildChecklist } from './checklist';
import { extractColumns } from './columns';
import { extractDeadlines } from './deadlines';
import { matchElementLists, prepareTemplates, type TemplateMatcher } from './element-lists';
import { fail, PlanParseError, planWarning, type PlanWarning } from './errors';
import { extractFrequencies } from './frequencies';
import { normalizeTitle } from './headings';
import { buildKeywords } from './keywords';
import {
  PLAN_SCHEMA_VERSION,
  type Category,
  type Chapter,
  type ElementRef,
  type ElementTemplate,
  type Group,
  type Plan,
  type PlanSource,
  type Task,
  type UnitCell,
} from './model';
import { aliasMap, type PlanOverrides } from './overrides';
import type { RawPlan, RawTask, RawUnitCell } from './raw';
import { inferRegionYear, planTitle, regionOf } from './plan-meta';
import { splitUnits, unsplittableItems } from './units';
import { checkPlan } from './validate';

export interface AssembleOptions {
  /** Plan id (`luoyuan-2017`). */
  id: string;
  templates: readonly ElementTemplate[];
  overrides?: PlanOverrides;
  /** Override what the document says. */
  title?: string;
  region?: string;
  year?: number | null;
  source?: Partial<PlanSource>;
}

export interface Assembled {
  plan: Plan;
  warnings: PlanWarning[];
}

const REGION_YEAR = /^(.{1,16}?(?:自治县|自治州|县|市|区|旗|州|盟))\s*(\d{4})\s*年/;

function letter(i: number): string {
  return String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
}

function mergeRefs(a: ElementRef[], b: ElementRef[]): ElementRef[] {
  const out = [...a];
  for (const r of b) if (!out.some((x) => x.template === r.template)) out.push(r);
  return out;
}

export function assemblePlan(raw: RawPlan, opts: AssembleOptions): Assembled {
  const planId = opts.id;
  const matcher: TemplateMatcher = prepareTemplates(opts.templates);
  const templateNames = new Map(opts.templates.map((t) => [t.id, normalizeLabel(t.name)]));
  const aliases = aliasMap(opts.overrides);
  const warnings: PlanWarning[] = [...raw.warnings];

  const title =
    (opts.title ?? planTitle(raw.meta.title, [...raw.body.preamble, ...(raw.lines ?? [])])).trim() || planId;
  const titleNormalized = normalizeTitle(title);
  const regionYear = REGION_YEAR.exec(titleNormalized);
  const context = [...raw.body.preamble, ...(raw.lines ?? [])];
  // The issuing notice's title names the office (厦门市集美区人民政府办公室关于印发…): its region when the plan's doesn't.
  const fromPlan = inferRegionYear(title, raw.meta.publisher, context);
  const inferred = fromPlan.region === '' ? { ...fromPlan, region: regionOf(raw.meta.title) } : fromPlan;
  const region = opts.region ?? (regionYear?.[1] || inferred.region);
  const year = opts.year !== undefined ? opts.year : regionYear ? Number(regionYear[2]) : inferred.year;

  // --- rows → categories, groups, task skeletons -------------------------------------------------------------
  const rawTasks = raw.rows.filter((r): r is RawTask => r.kind === 'task');
  const counts = new Map<string, number>();
  for (const t of rawTasks) counts.set(t.no, (counts.get(t.no) ?? 0) + 1);
  const seen = new Map<string, number>();
  const shortIds = rawTasks.map((t) => {
    const n = seen.get(t.no) ?? 0;
    seen.set(t.no, n + 1);
    return (counts.get(t.no) ?? 0) > 1 ? `t${t.no}${letter(n)}` : `t${t.no}`;
  });
  const taskIds = shortIds.map((s) => `${planId}/${s}`);

  const firstAt = new Map<string, RawTask>();
  for (const t of rawTasks) {
    const key = `${t.no}|${normalizeTitle(t.title)}`;
    const first = firstAt.get(key);
    if (first) {
      const data: Record<string, string | number> = { no: t.no, title: t.title };
      if (first.at.line !== undefined) data.firstLine = first.at.line;
      if (first.at.row !== undefined) data.firstRow = first.at.row;
      fail('plan.duplicateTask', data, t.at);
    }
    firstAt.set(key, t);
  }

  // --- overrides ----------------------------------------------------------------------------------------------
  const cellOverrides = new Map((opts.overrides?.cells ?? []).map((c) => [c.task, c]));
  for (const c of cellOverrides.values()) {
    if (!shortIds.includes(c.task)) fail('overrides.unknownTask', { task: c.task });
  }
  const cellsOf = rawTasks.map((t, i) => {
    const o = cellOverrides.get(shortIds[i] ?? '');
    const lead: RawUnitCell = o?.lead !== undefined ? { kind: 'own', text: o.lead } : t.lead;
    const responsible: RawUnitCell =
      o?.responsible !== undefined ? { kind: 'own', text: o.responsible } : t.responsible;
    const taskWarnings = o ? t.warnings.filter((w) => !w.code.startsWith('units.')) : t.warnings;
    for (const w of taskWarnings) warnings.push(w);
    return { lead, responsible };
  });

  const resolve = (i: number, role: 'lead' | 'responsible'): UnitCell => {
    let j = i;
    let cell = cellsOf[j]?.[role];
    const visited = new Set<number>();
    while (cell?.kind === 'inherit' && !visited.has(j)) {
      visited.add(j);
      j = cell.fromTask;
      cell = cellsOf[j]?.[role];
    }
    const published = cell?.kind === 'own' ? cell.text.trim() : '';
    return {
      published,
      units: splitUnits(published, { aliases }),
      inheritedFrom: j !== i ? (taskIds[j] ?? null) : null,
    };
  };

  const categories: Category[] = [];
  const groups: Group[] = [];
  const tasks: Task[] = [];
  let category: Category | null = null;
  let group: Group | null = null;
  let groupInCategory = 0;
  let taskIndex = 0;
  /** Tasks (or groups) before any category go to one unnamed category. */
  const ensureCategory = (): Category => {
    if (category) return category;
    const created: Category = {
      id: `${planId}/k${categories.length + 1}`,
      no: '',
      title: '(未分类)',
      titleNormalized: '(未分类)',
      at: {},
    };
    categories.push(created);
    category = created;
    return created;
  };

  for (const row of raw.rows) {
    if (row.kind === 'category') {
      category = {
        id: `${planId}/k${categories.length + 1}`,
        no: row.no,
        title: row.title,
        titleNormalized: normalizeTitle(row.title),
        at: row.at,
      };
      categories.push(category);
      group = null;
      groupInCategory = 0;
      continue;
    }
    if (row.kind === 'group') {
      const cat = ensureCategory();
      groupInCategory++;
      group = {
        id: `${cat.id}g${groupInCategory}`,
        no: row.no,
        title: row.title,
        titleNormalized: normalizeTitle(row.title),
        category: cat.id,
        at: row.at,
      };
      groups.push(group);
      continue;
    }
    const i = taskIndex++;
    const id = taskIds[i] ?? '';
    if (category === null) warnings.push(planWarning('task.noCategory', { no: row.no }, row.at));
    const cat = ensureCategory();
    const requirements = row.requirements.trim();
    const deadline = row.deadline?.trim() ?? '';
    for (const role of ['lead', 'responsible'] as const) {
      const cell = cellsOf[i]?.[role];
      if (cell?.kind !== 'own') continue;
      for (const item of unsplittableItems(cell.text)) {
        warnings.push(planWarning('units.unsplittable', { no: row.no, item: item.slice(0, 40) }, row.at));
      }
    }
    const elements = mergeRefs(
      matchElementLists(row.title, 'title', matcher),
      matchElementLists(requirements, 'requirements', matcher),
    );
    const columns = [...extractColumns(row.title, 'title'), ...extractColumns(requirements, 'requirements')].filter(
      (c, k, all) => all.findIndex((x) => x.name === c.name) === k,
    );
    tasks.push({
      id,
      seq: i + 1,
      no: row.no,
      title: row.title.trim(),
      titleNormalized: normalizeTitle(row.title),
      category: cat.id,
      group: group !== null && group.category === cat.id ? group.id : null,
      lead: resolve(i, 'lead'),
      responsible: resolve(i, 'responsible'),
      requirements,
      ...(deadline !== '' ? { deadline } : {}),
      clauses: buildChecklist(id, row.title.trim(), requirements),
      elements,
      frequencies: [...extractFrequencies(row.title, 'title'), ...extractFrequencies(requirements, 'requirements')],
      deadlines: [
        ...extractDeadlines(row.title, 'title', year),
        ...extractDeadlines(requirements, 'requirements', year),
        ...(deadline !== '' ? extractDeadlines(deadline, 'requirements', year) : []),
      ],
      columns,
      keywords: buildKeywords({
        title: row.title,
        requirements,
        columns: columns.map((c) => c.name),
        templateNames: elements.map((e) => templateNames.get(e.template) ?? '').filter((n) => n !== ''),
      }),
      at: row.at,
    });
  }

  // --- chapters -----------------------------------------------------------------------------------------------
  const chapters: Chapter[] = raw.body.chapters.map((ch, ci) => {
    const chapterId = `${planId}/ch${ci + 1}`;
    return {
      id: chapterId,
      no: ch.no,
      title: ch.title,
      titleNormalized: normalizeTitle(ch.title),
      intro: ch.intro,
      clauses: ch.clauses.map((cl, k) => {
        const b = splitClauseBracket(cl.text);
        const firstStop = b.body.search(/[。.]/);
        const clauseTitle = (firstStop >= 0 ? b.body.slice(0, firstStop) : b.body).trim();
        const cell = (published: string): UnitCell => ({
          published,
          units: splitUnits(published, { aliases }),
          inheritedFrom: null,
        });
        return {
          id: `${chapterId}.${k + 1}`,
          no: cl.no,
          title: clauseTitle,
          text: b.body || cl.text.trim(),
          bracket: b.bracket,
          lead: cell(b.lead),
          responsible: cell(b.responsible),
          elements: matchElementLists(b.body, 'clause', matcher),
          frequencies: extractFrequencies(b.body, 'clause'),
          deadlines: extractDeadlines(b.body, 'clause', year),
          at: cl.at,
        };
      }),
      at: ch.at,
    };
  });

  const used = new Set<string>();
  for (const t of tasks) for (const e of t.elements) used.add(e.template);
  for (const ch of chapters) for (const c of ch.clauses) for (const e of c.elements) used.add(e.template);

  const plan: Plan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: planId,
    title,
    region,
    year,
    source: {
      title: opts.source?.title ?? title,
      publisher: opts.source?.publisher ?? raw.meta.publisher,
      date: opts.source?.date ?? raw.meta.date,
      ...(opts.source?.url !== undefined || raw.meta.url !== undefined
        ? { url: opts.source?.url ?? raw.meta.url }
        : {}),
    },
    preamble: raw.body.preamble,
    chapters,
    categories,
    groups,
    tasks,
    templates: [...used].sort(),
  };
  const problem = checkPlan(plan, opts.templates)[0];
  if (problem) throw new PlanParseError(problem);
  return { plan, warnings };
}
