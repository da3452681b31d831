/**
 * `gongkai plan <file | URL> [--json] [--column <n>=<role>]… [--lang zh|en]` — imports a plan as the options page does
 * and prints it: title, region, year, categories, tasks (number as printed, title, category, lead, responsible,
 * deadline), what each source column was taken as, and every warning. `--json` prints
 * `{"title","region","year","categories":[{"id","title"}],"tasks":[{"no","title","category","lead":[…],
 * "responsible":[…],"deadline","leadAsPrinted","responsibleAsPrinted"}],"columns":[…],"warnings":[…]}` (the two
 * `…AsPrinted` fields are the unit cells as published, beside the names read from them). Nothing importable (no task table, no numbered
 * paragraphs with units, .doc / PDF, a missing file) is a CliInputError: exit 2 with one line.
 */
import { parseArgs } from 'node:util';
import { parseHtmlDocument } from '../html/parse-html';
import type { Language } from '../i18n-catalog';
import { PlanParseError } from '../plan/errors';
import { COLUMN_ROLES, type ColumnRole } from '../plan/header-roles';
import { parsePlan } from '../plan/parse-plan';
import { type PlanFileInput, readPlanFile } from '../plan/plan-file';
import type { CommandIo } from './command-io';
import { CliInputError } from './load-page';
import { readLocalFile } from './read-local-file';
import { flags, repeated, valued } from './command-args';

const MAX_BYTES = 20 * 1024 * 1024;

async function loadBytes(source: string, fetcher: typeof fetch): Promise<{ name: string; bytes: Uint8Array }> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetcher(source, { redirect: 'follow' });
    } catch (error) {
      throw new CliInputError(`cannot fetch ${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new CliInputError(`cannot fetch ${source}: HTTP ${response.status}`);
    const name = new URL(response.url || source).pathname;
    return {
      name: /\.[a-z]+$/i.test(name) ? name : `${name}.html`,
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }
  return { name: source, bytes: await readLocalFile(source, MAX_BYTES) };
}

function columnRoles(values: readonly string[]): Record<number, ColumnRole> {
  const out: Record<number, ColumnRole> = {};
  for (const v of values) {
    const m = /^(\d+)=([a-z]+)$/.exec(v.trim());
    if (!m || !(COLUMN_ROLES as readonly string[]).includes(m[2] ?? ''))
      throw new CliInputError(`--column takes <n>=<role> (n from 1; role: ${COLUMN_ROLES.join(', ')}), not “${v}”`);
    out[Number(m[1]) - 1] = m[2] as ColumnRole;
  }
  return out;
}

export async function planCommand(args: string[], io: CommandIo & { fetcher?: typeof fetch }): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...valued('lang'), ...repeated('column'), ...flags('json') },
  });
  if (positionals.length !== 1) throw new CliInputError('plan needs one file or URL (.html, .txt, .docx)');
  const lang = io.language(values.lang);
  const source = positionals[0] as string;
  const roles = columnRoles(values.column ?? []);
  const { name, bytes } = await loadBytes(source, io.fetcher ?? fetch);
  let input: PlanFileInput;
  try {
    input = await readPlanFile(name, bytes);
  } catch (e) {
    if (e instanceof PlanParseError)
      throw new CliInputError(`nothing imported from ${source}: ${message(e.issue, lang)}`);
    throw e;
  }
  const result = parsePlan(input.text, {
    kind: input.kind,
    parseHtml: parseHtmlDocument,
    ...(Object.keys(roles).length > 0 ? { columnRoles: roles } : {}),
    ...(/^https?:/i.test(source) ? { source: { url: source } } : {}),
  });
  if (!result.ok) throw new CliInputError(`nothing imported from ${source}: ${message(result.error, lang)}`);
  const { plan, warnings, columns } = result;
  const categoryTitle = new Map(plan.categories.map((c) => [c.id, c.title]));
  const json = {
    title: plan.title,
    region: plan.region,
    year: plan.year,
    categories: plan.categories.map((c) => ({ id: c.id, title: c.title })),
    tasks: plan.tasks.map((t) => ({
      no: t.no,
      title: t.title,
      category: categoryTitle.get(t.category) ?? '',
      lead: t.lead.units,
      responsible: t.responsible.units,
      deadline: t.deadline ?? null,
      /** The unit cells as printed, beside the names read from them (split, script and a dropped prefix restored). */
      leadAsPrinted: t.lead.published,
      responsibleAsPrinted: t.responsible.published,
    })),
    columns: columns.map((c) => ({ column: c.index + 1, header: c.header, role: c.role, used: c.used })),
    warnings: warnings.map((w) => ({
      code: w.code,
      ...(w.line !== undefined ? { line: w.line } : {}),
      ...(w.row !== undefined ? { row: w.row } : {}),
      message: message(w, lang),
    })),
  };
  if (values.json) {
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const zh = lang === 'zh_CN';
  io.out(`${plan.title}`);
  io.out(
    `${zh ? '地区' : 'region'}: ${plan.region || '—'}   ${zh ? '年度' : 'year'}: ${plan.year ?? '—'}   ${zh ? '任务' : 'tasks'}: ${plan.tasks.length}   ${zh ? '类别' : 'categories'}: ${plan.categories.length}`,
  );
  if (columns.length > 0) {
    io.out(
      `${zh ? '列' : 'columns'}: ${columns.map((c) => `${c.index + 1}.${c.header || '—'}→${c.role ?? '?'}${c.used ? '' : zh ? '(未用)' : '(unused)'}`).join('  ')}`,
    );
  }
  let lastCategory = '';
  for (const t of json.tasks) {
    if (t.category !== lastCategory) {
      io.out(`\n${t.category}`);
      lastCategory = t.category;
    }
    const printed = (names: string[], published: string): string => {
      const asPrinted = published.trim().replace(/\s*\n\s*/g, '；');
      const bare = (s: string) => s.replace(/[\s、，,；;]+/g, '');
      return asPrinted !== '' && bare(asPrinted) !== bare(names.join(''))
        ? ` (${zh ? '原文' : 'as printed'}: ${asPrinted})`
        : '';
    };
    const units = [
      t.lead.length > 0 ? `${zh ? '牵头' : 'lead'}: ${t.lead.join('、')}${printed(t.lead, t.leadAsPrinted)}` : '',
      t.responsible.length > 0
        ? `${zh ? '责任' : 'resp.'}: ${t.responsible.join('、')}${printed(t.responsible, t.responsibleAsPrinted)}`
        : '',
      t.deadline ? `${zh ? '时限' : 'due'}: ${t.deadline}` : '',
    ]
      .filter((x) => x !== '')
      .join('  ');
    io.out(
      `  ${t.no}. ${t.title.length > 60 ? `${t.title.slice(0, 60)}…` : t.title}${units ? `\n      ${units}` : ''}`,
    );
  }
  if (warnings.length > 0) {
    io.out(`\n${zh ? '提示' : 'warnings'} (${warnings.length}):`);
    for (const w of json.warnings) io.out(`  - ${w.message}`);
  }
  return 0;
}

function message(issue: { message: string; messageZh: string }, lang: Language): string {
  return lang === 'zh_CN' ? issue.messageZh : issue.message;
}
