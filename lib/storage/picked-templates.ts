/**
 * Element templates a person picked by hand for one page: they belong to the page they were picked on (its URL without
 * the #fragment), never to the pages visited after it, and are kept so that checking the page again checks them again.
 *
 * Decides: one settings record per page URL (`pickedTemplates|<url>`), the ids in the order picked, no duplicates; an
 * empty pick deletes the record. Does not decide: which templates may be picked (the panel's picker) nor what a
 * template checks (lib/engine).
 */
import type { GongkaiDb } from './db';
import { pageUrl } from './ids';
import { guardWrite } from './storage-error';

const PREFIX = 'pickedTemplates|';

function keyOf(url: string): string {
  return PREFIX + pageUrl(url);
}

export async function pickedTemplatesOf(db: GongkaiDb, url: string): Promise<string[]> {
  const value = (await db.settings.get(keyOf(url)))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function setPickedTemplates(db: GongkaiDb, url: string, ids: readonly string[]): Promise<void> {
  const clean = [...new Set(ids)];
  await guardWrite(async () => {
    if (clean.length === 0) await db.settings.delete(keyOf(url));
    else await db.settings.put({ key: keyOf(url), value: clean });
  });
}
