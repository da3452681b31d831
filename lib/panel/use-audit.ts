/**
 * The active audit as the panel sees it, live: which audit (if any), the others to switch to, the inspector's name,
 * and the highlight colours — all read from IndexedDB and kept current when another panel or the options page writes.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { getActiveAudit, listAudits } from '../storage/audits';
import { database, type Audit } from '../storage/db';
import { DEFAULT_HIGHLIGHT_COLORS, getSettings, type HighlightColors } from '../storage/settings';

export interface AuditState {
  loaded: boolean;
  active: Audit | null;
  audits: Audit[];
  inspector: string;
  colors: HighlightColors;
  error: string | null;
}

const EMPTY: AuditState = {
  loaded: false,
  active: null,
  audits: [],
  inspector: '',
  colors: DEFAULT_HIGHLIGHT_COLORS,
  error: null,
};

export function useAudit(): AuditState {
  const [state, setState] = useState<AuditState>(EMPTY);
  useEffect(() => {
    const db = database();
    const subscription = liveQuery(async () => {
      const [active, audits, settings] = await Promise.all([getActiveAudit(db), listAudits(db), getSettings(db)]);
      return {
        loaded: true,
        active,
        audits,
        inspector: settings.inspectorName,
        colors: settings.highlightColors,
        error: null,
      };
    }).subscribe({
      next: (next) => setState(next),
      error: (error: unknown) =>
        setState({ ...EMPTY, loaded: true, error: error instanceof Error ? error.message : String(error) }),
    });
    return () => subscription.unsubscribe();
  }, []);
  return state;
}
