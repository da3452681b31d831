/** The templates picked by hand for the page in front (live; null while they are read), and a setter for that page. */
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { database } from '../storage/db';
import { pickedTemplatesOf, setPickedTemplates } from '../storage/picked-templates';

export function usePickedTemplates(url: string | null): {
  picked: string[] | null;
  setPicked: (ids: string[]) => Promise<void>;
} {
  const [state, setState] = useState<{ url: string; ids: string[] } | null>(null);
  useEffect(() => {
    if (!url) return;
    const subscription = liveQuery(() => pickedTemplatesOf(database(), url)).subscribe({
      next: (ids) => setState({ url, ids }),
      // Storage unavailable: nothing picked, the page is still checked.
      error: () => setState({ url, ids: [] }),
    });
    return () => subscription.unsubscribe();
  }, [url]);
  const setPicked = useCallback(
    async (ids: string[]) => {
      if (!url) return;
      setState({ url, ids });
      await setPickedTemplates(database(), url, ids);
    },
    [url],
  );
  return { picked: url && state?.url === url ? state.ids : null, setPicked };
}
