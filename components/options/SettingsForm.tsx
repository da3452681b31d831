/** The inspector's settings: name (recorded on findings), interface language, highlight colours. */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { getSettings, LANGUAGES, type HighlightColors, type Language } from '@/lib/storage/settings';
import { saveHighlightColors, saveInspectorName, saveLanguage } from '@/lib/panel/storage-actions';
import { useLiveQuery } from '@/lib/panel/use-live-query';
import { LiveFailure } from '../Live';
import { describeStorageFailure } from '@/lib/panel/storage-failure';

const LANGUAGE_KEYS = { auto: 'languageAuto', zh_CN: 'languageZh', en: 'languageEn' } as const;

export function SettingsForm() {
  const live = useLiveQuery((db) => getSettings(db), []);
  const [name, setName] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  if (live.state === 'failed') return <LiveFailure error={live.error} />;
  if (live.state === 'loading') return null;
  const settings = live.value;
  const run = (action: () => Promise<unknown>) =>
    void action()
      .then(() => setStatus(t('settingsSaved')))
      .catch((e: unknown) => setStatus(describeStorageFailure(e)));
  return (
    <section aria-labelledby="settings-h" class="card" data-field="settings">
      <h2 id="settings-h">{t('settingsTitle')}</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name !== null) run(() => saveInspectorName(name));
        }}
      >
        <label for="inspector-name">{t('settingsInspector')}</label>
        <input
          id="inspector-name"
          value={name ?? settings.inspectorName}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('auditSave')}</button>
      </form>
      <div class="row">
        <label for="language">{t('settingsLanguage')}</label>
        <select
          id="language"
          value={settings.language}
          onChange={(e) => run(() => saveLanguage((e.currentTarget as HTMLSelectElement).value as Language))}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(LANGUAGE_KEYS[l])}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        {(['present', 'empty', 'problem'] as const).map((k: keyof HighlightColors) => (
          <label key={k}>
            {t(k === 'present' ? 'colorPresent' : k === 'empty' ? 'colorEmpty' : 'colorProblem')}{' '}
            <input
              type="color"
              value={settings.highlightColors[k]}
              onChange={(e) => run(() => saveHighlightColors({ [k]: (e.currentTarget as HTMLInputElement).value }))}
            />
          </label>
        ))}
      </div>
      {status && (
        <p class="hint" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
