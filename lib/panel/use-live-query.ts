/**
 * The one live query of the extension pages: a read of IndexedDB kept current (Dexie liveQuery) as another panel or
 * the options page writes. One error policy: a failed read is a `failed` state carrying the error, which the page
 * shows as a storage failure (components/Live.tsx) — never as an empty list or a default.
 * Decides nothing about what is read; `query` gets the database so callers never open it themselves.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { database, type GongkaiDb } from '../storage/db';

export type Live<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

const LOADING = { state: 'loading' } as const;

/** `query` null: nothing to read (yet); the result stays `loading`. Re-subscribes when `deps` change. */
export function useLiveQuery<T>(query: ((db: GongkaiDb) => Promise<T>) | null, deps: readonly unknown[]): Live<T> {
  const [live, setLive] = useState<Live<T>>(LOADING);
  useEffect(() => {
    setLive(LOADING);
    if (!query) return;
    const db = database();
    const subscription = liveQuery(() => query(db)).subscribe({
      next: (value) => setLive({ state: 'ready', value }),
      error: (error: unknown) => setLive({ state: 'failed', error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return live;
}

/** The value when ready, else `fallback` (for inputs that must not wait, e.g. checking a page meanwhile). */
export function valueOr<T>(live: Live<T>, fallback: T): T {
  return live.state === 'ready' ? live.value : fallback;
}
