/**
 * The templates picked by hand for the page in front (live; null while they are read), and a setter for that page.
 * A pick belongs to the page it was made on. When the read fails, nothing is picked, the page is still checked, and
 * the failure is returned to be shown.
 */
import { useEffect, useState } from 'preact/hooks';
import { pickedTemplatesOf } from '../storage/picked-templates';
import { pickTemplates } from './storage-actions';
import { useLiveQuery } from './use-live-query';

const NONE: string[] = [];

export function usePickedTemplates(url: string): {
  picked: string[] | null;
  setPicked: (ids: string[]) => Promise<void>;
  failure: unknown;
} {
  const live = useLiveQuery((db) => pickedTemplatesOf(db, url), [url]);
  // A pick shows at once (the page is checked against it) until the stored pick is read back.
  const [chosen, setChosen] = useState<{ url: string; ids: string[] } | null>(null);
  useEffect(() => setChosen(null), [live]);
  const stored = live.state === 'ready' ? live.value : live.state === 'failed' ? NONE : null;
  return {
    picked: chosen?.url === url ? chosen.ids : stored,
    setPicked: (ids) => {
      setChosen({ url, ids });
      return pickTemplates(url, ids);
    },
    failure: live.state === 'failed' ? live.error : null,
  };
}
