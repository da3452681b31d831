/**
 * Renders an extension page in the language the user chose in the settings (or the browser's), and again whenever
 * that choice changes (Dexie liveQuery), so an open panel follows the options page.
 */
import { liveQuery } from 'dexie';
import { render, type ComponentChildren } from 'preact';
import { chooseLanguage, currentLanguage } from '../i18n';
import { database } from '../storage/db';
import { getSettings } from '../storage/settings';

export function renderInChosenLanguage(container: HTMLElement, app: () => ComponentChildren): void {
  const draw = () => {
    document.documentElement.lang = currentLanguage() === 'zh_CN' ? 'zh-CN' : 'en';
    render(<div key={currentLanguage()}>{app()}</div>, container);
  };
  draw();
  liveQuery(() => getSettings(database())).subscribe({
    next: (settings) => {
      const wanted = settings.language === 'auto' ? null : settings.language;
      const before = currentLanguage();
      chooseLanguage(wanted).then(
        () => {
          if (currentLanguage() !== before) draw();
        },
        // The catalogue could not be read: the page stays in the browser's language, and says so in the console.
        (error: unknown) => console.error('Gongkai Inspector: the chosen language could not be loaded', error),
      );
    },
    error: () => undefined,
  });
}
