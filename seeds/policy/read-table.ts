/**
 * Reads one policy table of seeds/policy when it is loaded: an object whose `entries` are records of non-empty text
 * fields, one of them a key no two entries share. A shape error throws, naming the file and the entry (its number
 * and key), so a broken edit of the data fails at once and says where.
 * Decides the shape only; what an entry means is its table's business (seeds/policy/index.ts).
 */
export class SeedShapeError extends Error {
  override name = 'SeedShapeError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readTable<Field extends string>(
  file: string,
  data: unknown,
  fields: readonly Field[],
  key: Field,
  /** A further rule of the table: what is wrong with an entry, or null. */
  rule: (entry: Record<Field, string>) => string | null = () => null,
): Array<Record<Field, string>> {
  const where = `seeds/policy/${file}`;
  if (!isRecord(data) || !Array.isArray(data.entries)) throw new SeedShapeError(`${where}: no "entries" list`);
  const seen = new Set<string>();
  return data.entries.map((entry: unknown, i) => {
    const named = isRecord(entry) && typeof entry[key] === 'string' ? ` (${entry[key]})` : '';
    const at = `${where}, entry ${i + 1}${named}`;
    if (!isRecord(entry)) throw new SeedShapeError(`${at}: not an object`);
    for (const field of fields) {
      const value = entry[field];
      if (typeof value !== 'string' || value.trim() === '')
        throw new SeedShapeError(`${at}: "${field}" must be non-empty text`);
    }
    const unknown = Object.keys(entry).find((k) => !(fields as readonly string[]).includes(k));
    if (unknown !== undefined) throw new SeedShapeError(`${at}: unknown field "${unknown}"`);
    const id = entry[key] as string;
    if (seen.has(id)) throw new SeedShapeError(`${at}: "${key}" ${id} is already an earlier entry's`);
    seen.add(id);
    const wrong = rule(entry as Record<Field, string>);
    if (wrong !== null) throw new SeedShapeError(`${at}: ${wrong}`);
    return entry as Record<Field, string>;
  });
}
