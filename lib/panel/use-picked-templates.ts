/**
 * The templates the page in front is checked against by hand (live; null while they are read): those picked for this
 * page — a pick belongs to the page it was made on — and those of the site's template rules whose address prefix the
 * page starts with (storage/template-rules.ts). The setter stores this page's own picks. What applies, and why, is
 * published for the picker (`usePickView`), which shows each rule on every page it applies to. When the read fails,
 * nothing is picked, the page is still checked, and the failure is returned to be shown.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { pickedTemplatesOf } from '../storage/picked-templates';
import { listTemplateRules, rulesFor, type TemplateRule } from '../storage/template-rules';
import { pickTemplates } from './storage-actions';
import { useLiveQuery } from './use-live-query';

/** What the picker shows for the page in front: its own picks and the rules that apply to it. */
export interface PickView {
  url: string;
  own: string[];
  rules: TemplateRule[];
}

const NO_RULES: TemplateRule[] = [];
const NONE = { own: [] as string[], rules: NO_RULES };

let view: PickView | null = null;
const listeners = new Set<(v: PickView | null) => void>();

function publish(next: PickView | null): void {
  view = next;
  for (const listener of listeners) listener(next);
}

export function usePickedTemplates(url: string): {
  picked: string[] | null;
  setPicked: (ids: string[]) => Promise<void>;
  failure: unknown;
} {
  const live = useLiveQuery(
    async (db) => ({ own: await pickedTemplatesOf(db, url), rules: rulesFor(await listTemplateRules(db), url) }),
    [url],
  );
  // A pick shows at once (the page is checked against it) until the stored pick is read back.
  const [chosen, setChosen] = useState<{ url: string; ids: string[] } | null>(null);
  useEffect(() => setChosen(null), [live]);
  const stored = live.state === 'ready' ? live.value : live.state === 'failed' ? NONE : null;
  const own = chosen?.url === url ? chosen.ids : (stored?.own ?? null);
  const rules = stored?.rules ?? NO_RULES;
  const current = useMemo(() => (own ? { url, own, rules } : null), [url, own, rules]);
  useEffect(() => publish(current), [current]);
  // One array per change (the engine's report is recomputed when it changes).
  const picked = useMemo(() => (own ? [...new Set([...own, ...rules.map((r) => r.templateId)])] : null), [own, rules]);
  return {
    picked,
    setPicked: (ids) => {
      // A template a rule applies stays applied by the rule: only this page's own picks are stored.
      const byRule = new Set(rules.map((r) => r.templateId));
      const mine = ids.filter((id) => !byRule.has(id) || own?.includes(id));
      setChosen({ url, ids: mine });
      return pickTemplates(url, mine);
    },
    failure: live.state === 'failed' ? live.error : null,
  };
}

/** The picker's view of the page in front (see usePickedTemplates). */
export function usePickView(): PickView | null {
  const [shown, setShown] = useState<PickView | null>(view);
  useEffect(() => {
    listeners.add(setShown);
    setShown(view);
    return () => {
      listeners.delete(setShown);
    };
  }, []);
  return shown;
}
