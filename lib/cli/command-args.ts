/**
 * The options of a command, declared by name for node:util parseArgs: `valued` ones take a value (`--plan x`),
 * `flags` take none (`--json`), `repeated` ones take a value and may be given more than once (`--column 2=title`).
 * Decides only how a declaration is written; each command lists its own options and reads them with parseArgs.
 */

export function valued<K extends string>(...names: K[]): { [P in K]: { type: 'string' } } {
  return Object.fromEntries(names.map((n) => [n, { type: 'string' }])) as { [P in K]: { type: 'string' } };
}

export function flags<K extends string>(...names: K[]): { [P in K]: { type: 'boolean' } } {
  return Object.fromEntries(names.map((n) => [n, { type: 'boolean' }])) as { [P in K]: { type: 'boolean' } };
}

export function repeated<K extends string>(...names: K[]): { [P in K]: { type: 'string'; multiple: true } } {
  return Object.fromEntries(names.map((n) => [n, { type: 'string', multiple: true }])) as {
    [P in K]: { type: 'string'; multiple: true };
  };
}

/** `-o <file>`, `--output <file>`. */
export const OUTPUT = { output: { type: 'string', short: 'o' } } as const;
