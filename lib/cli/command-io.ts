/** What `runCli` gives a command that prints in a language: where its lines go, and how `--lang` is read. */
import type { Language } from '../i18n-catalog';

export interface CommandIo {
  out: (text: string) => void;
  /** `--lang zh|en`, else the language of the environment. */
  language: (value: string | undefined) => Language;
}
