/** The user's pin for this site's column (live), or undefined when the matcher decides. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { database } from '../storage/db';
import { pinnedTaskIds } from '../storage/pins';

export function usePin(origin: string | null, column: string | null): string[] | undefined {
  const [pinned, setPinned] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    setPinned(undefined);
    if (!origin || !column) return;
    const subscription = liveQuery(() => pinnedTaskIds(database(), origin, column)).subscribe({
      next: setPinned,
      error: () => setPinned(undefined),
    });
    return () => subscription.unsubscribe();
  }, [origin, column]);
  return pinned;
}
