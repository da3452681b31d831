/** The county's local column names (live): the options page's list, for the matcher in the panel. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { getColumnAliases, type ColumnAlias } from '../storage/column-aliases';
import { database } from '../storage/db';

const NONE: ColumnAlias[] = [];

export function useColumnAliases(): ColumnAlias[] {
  const [aliases, setAliases] = useState<ColumnAlias[]>(NONE);
  useEffect(() => {
    const subscription = liveQuery(() => getColumnAliases(database())).subscribe({
      next: setAliases,
      error: () => setAliases(NONE),
    });
    return () => subscription.unsubscribe();
  }, []);
  return aliases;
}
