/**
 * The county's local column names: a user-level list, kept in the `settings` table under one key, that teaches the
 * matcher a column name the national lexicon does not know (阳光账本 → 财政预决算) on every site of the county — where a
 * pin serves one column of one site.
 *
 * Decides: the shape (name as typed, trimmed, 1–40 characters; a lexicon concept id), one entry per name (adding a
 * name again replaces it), at most 500 entries, and that a stored value of the wrong shape reads as an empty list.
 * Does not decide: whether the concept exists (the matcher ignores ids the lexicon does not know).
 */
import type { GongkaiDb } from './db';
import { INVALID_REQUEST_KEYS, InvalidRequest } from './invalid-request';
import { guardWrite } from './storage-error';
import { collapseSpaces, removeSpaces } from '../text/whitespace';

export const COLUMN_ALIASES_KEY = 'columnAliases';
export const MAX_ALIASES = 500;
const MAX_ALIAS_NAME = 40;
const CONCEPT_ID = /^[a-z][a-z0-9-]{0,60}$/;

export interface ColumnAlias {
  name: string;
  conceptId: string;
}

function isAlias(value: unknown): value is ColumnAlias {
  const v = value as Partial<ColumnAlias> | null;
  return (
    typeof v?.name === 'string' &&
    v.name.trim().length > 0 &&
    v.name.length <= MAX_ALIAS_NAME &&
    typeof v.conceptId === 'string' &&
    CONCEPT_ID.test(v.conceptId)
  );
}

export async function getColumnAliases(db: GongkaiDb): Promise<ColumnAlias[]> {
  const value = (await db.settings.get(COLUMN_ALIASES_KEY))?.value;
  return Array.isArray(value) ? value.filter(isAlias).map((a) => ({ name: a.name, conceptId: a.conceptId })) : [];
}

const sameName = (a: string, b: string) => removeSpaces(a) === removeSpaces(b);

/** Adds (or replaces) the alias; refuses an empty or over-long name, a malformed concept id, or a full list. */
export async function addColumnAlias(db: GongkaiDb, name: string, conceptId: string): Promise<ColumnAlias[]> {
  const clean = collapseSpaces(name);
  if (!isAlias({ name: clean, conceptId })) throw new InvalidRequest(INVALID_REQUEST_KEYS.columnAlias);
  return guardWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const list = (await getColumnAliases(db)).filter((a) => !sameName(a.name, clean));
      if (list.length >= MAX_ALIASES) throw new InvalidRequest(INVALID_REQUEST_KEYS.columnAliasesFull);
      const next = [...list, { name: clean, conceptId }];
      await db.settings.put({ key: COLUMN_ALIASES_KEY, value: next });
      return next;
    }),
  );
}

export async function removeColumnAlias(db: GongkaiDb, name: string): Promise<ColumnAlias[]> {
  return guardWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const next = (await getColumnAliases(db)).filter((a) => !sameName(a.name, name));
      await db.settings.put({ key: COLUMN_ALIASES_KEY, value: next });
      return next;
    }),
  );
}
