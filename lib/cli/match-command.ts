/**
 * `gongkai match "<column name or breadcrumb>" | --file names.txt [--plan <id|file>] [--json] [--lang zh|en]`: the
 * column→task matcher without a page. One query prints the column and its tasks (or JSON); `--file` reads one name or
 * breadcrumb per line (blank lines and lines starting with # skipped) and prints one line per name — with `--json`,
 * one JSON object per line (JSON Lines) in the same shape as a single query.
 * A result with no task says why (`noTask`): the kind of column is known and no task governs it, or it is unknown. A
 * tentative result (its tasks only mention the kind of column in their requirements) has its tasks and says so in
 * `noTask` too — after the tasks, and on the same line with `--file`.
 */
import { parseArgs } from 'node:util';
import { locationFromText } from '../engine/column';
import { matchLocation, noTaskReason } from '../engine/match-tasks';
import { formatIn, type Language } from '../i18n-catalog';
import type { Plan } from '../plan/model';
import { normalizeLabel } from '../text/normalize';
import type { CommandIo } from './command-io';
import { CliInputError } from './load-page';
import { printMatch } from './print-human';
import { matchJson } from './report-json';
import { resolvePlan } from './resolve-plan';
import { readLineList } from './site-list';
import { flags, valued } from './command-args';

export async function matchCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...valued('plan', 'lang', 'file'), ...flags('json') },
  });
  const lang = io.language(values.lang);
  const query = positionals.join(' ').trim();
  if (!query && !values.file) throw new CliInputError('match needs a column name, a breadcrumb or --file names.txt');
  const plan = await resolvePlan(values.plan);
  if (values.file) {
    for (const name of await readLineList(values.file)) {
      const result = matchOne(plan, name, lang);
      if (values.json) io.out(JSON.stringify(result));
      else
        io.out(
          `${name}\t${
            result.matches.length
              ? result.matches
                  .slice(0, 3)
                  .map((m) => `${m.no} ${m.title}`)
                  .join('；') + (result.noTask ? `\t— ${result.noTask}` : '')
              : `— ${result.noTask ?? ''}`
          }`,
        );
    }
    return 0;
  }
  const result = matchOne(plan, query, lang);
  if (values.json) io.out(JSON.stringify(result, null, 2));
  else {
    const location = locationFromText(query);
    const column = location[0]?.text ?? query;
    const match = matchLocation(plan, location);
    printMatch(io.out, plan, query, column, match.tasks, lang);
    const why = noTaskReason(match, location);
    if (why) io.out(`  ${formatIn(lang, why)}`);
  }
  return 0;
}

function matchOne(plan: Plan, query: string, lang: Language) {
  const location = locationFromText(query);
  const match = matchLocation(plan, location);
  const why = noTaskReason(match, location);
  return {
    query,
    normalized: normalizeLabel(location[0]?.text ?? query),
    matches: matchJson(match.tasks, lang),
    noTask: why ? formatIn(lang, why) : null,
  };
}
