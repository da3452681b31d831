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

/**
 * `query` null: nothing to read (yet); the result stays `loading`. Re-subscribes when `deps` change, and from that very
 * render on answers `loading` until the new read arrives: a value read for other deps (the previous page) is never
 * shown as this one's.
 */
export function useLiveQuery<T>(query: ((db: GongkaiDb) => Promise<T>) | null, deps: readonly unknown[]): Live<T> {
  const [read, setRead] = useState<{ deps: readonly unknown[]; live: Live<T> }>({ deps, live: LOADING });
  useEffect(() => {
    setRead({ deps, live: LOADING });
    if (!query) return;
    const db = database();
    const subscription = liveQuery(() => query(db)).subscribe({
      next: (value) => setRead({ deps, live: { state: 'ready', value } }),
      error: (error: unknown) => setRead({ deps, live: { state: 'failed', error } }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return sameDeps(read.deps, deps) ? read.live : LOADING;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** The value when ready, else `fallback` (for inputs that must not wait, e.g. checking a page meanwhile). */
export function valueOr<T>(live: Live<T>, fallback: T): T {
  return live.state === 'ready' ? live.value : fallback;
}
