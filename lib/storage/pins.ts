/**
 * Column pins: "on this site, the column 财政收支 is task 2" — set by a person when the matcher guesses wrong or not at
 * all; the engine then uses the pinned tasks (`InspectOptions.pinnedTaskIds`).
 *
 * Decides: a pin is per site origin and column name compared through `normalizeLabel` (財政收支, 财政收支 and
 * `财 政 收 支：` are one column); it is not per audit (a site's columns do not change between audits); setting an
 * empty task list clears the pin. Does not decide: how pinned tasks rank (lib/engine/match-tasks.ts).
 */
import { normalizeLabel } from '../text/normalize';
import type { ColumnPin, GongkaiDb } from './db';
import { siteOrigin } from './ids';
import { INVALID_REQUEST_KEYS, InvalidRequest } from './invalid-request';
import { guardWrite } from './storage-error';

function key(origin: string, column: string): { id: string; origin: string } {
  const site = siteOrigin(origin);
  if (!site) throw new InvalidRequest(INVALID_REQUEST_KEYS.auditOriginInvalid, origin);
  const name = normalizeLabel(column);
  if (!name) throw new InvalidRequest(INVALID_REQUEST_KEYS.pinColumnEmpty);
  return { id: `${site}|${name}`, origin: site };
}

/** Pins a column of a site (given as a URL or origin) to tasks; an empty list clears the pin. */
export async function setPin(
  db: GongkaiDb,
  origin: string,
  column: string,
  taskIds: readonly string[],
  now = new Date(),
): Promise<ColumnPin | null> {
  const k = key(origin, column);
  const tasks = [...new Set(taskIds)];
  if (tasks.length === 0) {
    await clearPin(db, origin, column);
    return null;
  }
  const pin: ColumnPin = {
    id: k.id,
    origin: k.origin,
    column: column.trim(),
    taskIds: tasks,
    updatedAt: now.toISOString(),
  };
  await guardWrite(() => db.pins.put(pin));
  return pin;
}

export async function getPin(db: GongkaiDb, origin: string, column: string | null): Promise<ColumnPin | null> {
  if (!column || !normalizeLabel(column) || !siteOrigin(origin)) return null;
  return (await db.pins.get(key(origin, column).id)) ?? null;
}

/** The pinned task ids for a column, or undefined when none (ready for `InspectOptions.pinnedTaskIds`). */
export async function pinnedTaskIds(
  db: GongkaiDb,
  origin: string,
  column: string | null,
): Promise<string[] | undefined> {
  return (await getPin(db, origin, column))?.taskIds;
}

export async function clearPin(db: GongkaiDb, origin: string, column: string): Promise<void> {
  const k = key(origin, column);
  await guardWrite(() => db.pins.delete(k.id));
}

/** A site's pins, by column. */
export async function listPins(db: GongkaiDb, origin: string): Promise<ColumnPin[]> {
  const site = siteOrigin(origin);
  if (!site) return [];
  const pins = await db.pins.where('origin').equals(site).toArray();
  return pins.sort((a, b) => a.id.localeCompare(b.id));
}
