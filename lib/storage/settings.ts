/**
 * The user's settings, one record per key in the `settings` table: the inspector's name (written on every finding),
 * the interface language, the highlight colours, and which audit is active.
 *
 * Decides: keys, defaults, and what a valid value is (a stored value of the wrong shape reads as the default, so a
 * hand-edited or older record never breaks the panel). Does not decide: the active plan (plans.ts keeps its own key)
 * nor what the active audit may be (audits.ts checks that before it calls `setActiveAuditId`).
 */
import { DEFAULT_HIGHLIGHT_COLORS, type HighlightColors } from '../highlight/colors';
import type { GongkaiDb } from './db';
import { INVALID_REQUEST_KEYS, InvalidRequest } from './invalid-request';
import { guardWrite } from './storage-error';
import { collapseSpaces } from '../text/whitespace';

export const SETTING_KEYS = {
  inspectorName: 'inspectorName',
  language: 'language',
  highlightColors: 'highlightColors',
  activeAuditId: 'activeAuditId',
} as const;

/** `auto` follows the browser; the others are public/_locales folder names. */
export const LANGUAGES = ['auto', 'zh_CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Outline colours by tone (the tones of the content script's reveal request). */
export { DEFAULT_HIGHLIGHT_COLORS, type HighlightColors } from '../highlight/colors';

export interface Settings {
  inspectorName: string;
  language: Language;
  highlightColors: HighlightColors;
  activeAuditId: string | null;
}

const MAX_NAME = 80;
const COLOR = /^#[0-9a-f]{6}$/i;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function asColors(value: unknown): HighlightColors {
  const v = (value ?? {}) as Partial<Record<keyof HighlightColors, unknown>>;
  const pick = (k: keyof HighlightColors) =>
    typeof v[k] === 'string' && COLOR.test(v[k]) ? v[k] : DEFAULT_HIGHLIGHT_COLORS[k];
  return { present: pick('present'), empty: pick('empty'), problem: pick('problem') };
}

export async function getSettings(db: GongkaiDb): Promise<Settings> {
  const rows = await db.settings.bulkGet(Object.values(SETTING_KEYS));
  const value = (key: string) => rows.find((r) => r?.key === key)?.value;
  const name = value(SETTING_KEYS.inspectorName);
  const language = value(SETTING_KEYS.language);
  const active = value(SETTING_KEYS.activeAuditId);
  return {
    inspectorName: typeof name === 'string' ? name : '',
    language: isLanguage(language) ? language : 'auto',
    highlightColors: asColors(value(SETTING_KEYS.highlightColors)),
    activeAuditId: typeof active === 'string' && active ? active : null,
  };
}

export async function getInspectorName(db: GongkaiDb): Promise<string> {
  const value = (await db.settings.get(SETTING_KEYS.inspectorName))?.value;
  return typeof value === 'string' ? value : '';
}

/** Trimmed, whitespace collapsed, at most 80 characters; '' clears it. */
export async function setInspectorName(db: GongkaiDb, name: string): Promise<string> {
  const clean = collapseSpaces(name).slice(0, MAX_NAME);
  await guardWrite(() => db.settings.put({ key: SETTING_KEYS.inspectorName, value: clean }));
  return clean;
}

export async function setLanguage(db: GongkaiDb, language: Language): Promise<void> {
  if (!isLanguage(language))
    throw new InvalidRequest(INVALID_REQUEST_KEYS.settingInvalid, SETTING_KEYS.language, String(language));
  await guardWrite(() => db.settings.put({ key: SETTING_KEYS.language, value: language }));
}

/** Sets some of the colours (`#rrggbb`), keeping the others. */
export async function setHighlightColors(db: GongkaiDb, colors: Partial<HighlightColors>): Promise<HighlightColors> {
  for (const [k, v] of Object.entries(colors)) {
    if (typeof v !== 'string' || !COLOR.test(v))
      throw new InvalidRequest(INVALID_REQUEST_KEYS.settingInvalid, `${SETTING_KEYS.highlightColors}.${k}`, String(v));
  }
  return guardWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const next = { ...asColors((await db.settings.get(SETTING_KEYS.highlightColors))?.value), ...colors };
      await db.settings.put({ key: SETTING_KEYS.highlightColors, value: next });
      return next;
    }),
  );
}

export async function getActiveAuditId(db: GongkaiDb): Promise<string | null> {
  const value = (await db.settings.get(SETTING_KEYS.activeAuditId))?.value;
  return typeof value === 'string' && value ? value : null;
}

/** Low level: audits.ts checks the audit before calling this. Null clears it. */
export async function setActiveAuditId(db: GongkaiDb, id: string | null): Promise<void> {
  await guardWrite(async () => {
    if (id === null) await db.settings.delete(SETTING_KEYS.activeAuditId);
    else await db.settings.put({ key: SETTING_KEYS.activeAuditId, value: id });
  });
}
