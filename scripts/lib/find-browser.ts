/**
 * Finds a Chromium/Chrome for `npm start` and the e2e tests: `CHROME_PATH`, then the usual install paths.
 * On Debian/Ubuntu as root, when none is found, installs Debian's `chromium`, `chromium-l10n` and `fonts-wqy-microhei`
 * with apt (the locales so that the browser — and so the extension — can speak Chinese; the font so that Chinese
 * renders in screenshots). Anywhere else it stops with a message saying what to install.
 * It never downloads a browser through npm tooling.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

export function locateBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): string | null {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (!exists(fromEnv)) throw new BrowserNotFoundError(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => exists(p)) ?? null;
}

function canUseApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
}

function aptInstall(packages: string[], log: (line: string) => void): void {
  log(`Installing ${packages.join(' ')} with apt-get (Debian packages; no browser download through npm)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

/** Debian's chromium ships en-US only; without chromium-l10n the extension's zh_CN messages are never chosen. */
function lacksChineseLocale(browserPath: string): boolean {
  return (
    browserPath === '/usr/bin/chromium' &&
    existsSync('/usr/lib/chromium/locales/en-US.pak') &&
    !existsSync('/usr/lib/chromium/locales/zh-CN.pak')
  );
}

function hasChineseFont(): boolean {
  const probe = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim().length > 0;
}

/** Returns a browser executable path, installing Debian's Chromium when allowed and needed. */
export function findBrowser(options: { install?: boolean; log?: (line: string) => void } = {}): string {
  const log = options.log ?? ((line: string) => console.error(line));
  const found = locateBrowser();
  if (found) {
    const extras = [
      ...(lacksChineseLocale(found) ? ['chromium-l10n'] : []),
      ...(hasChineseFont() ? [] : ['fonts-wqy-microhei']),
    ];
    if (extras.length > 0 && options.install !== false && canUseApt()) {
      try {
        aptInstall(extras, log);
      } catch {
        log(`Could not install ${extras.join(' ')}: the browser may show English and boxes instead of Chinese.`);
      }
    }
    return found;
  }
  if (options.install !== false && canUseApt()) {
    aptInstall(['chromium', 'chromium-l10n', 'fonts-wqy-microhei'], log);
    const installed = locateBrowser();
    if (installed) return installed;
  }
  throw new BrowserNotFoundError(
    'No Chromium or Chrome was found. Install one and run again:\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium chromium-l10n fonts-wqy-microhei\n' +
      '  Fedora: sudo dnf install chromium    macOS: install Google Chrome\n' +
      'or point CHROME_PATH at a Chromium/Chrome executable.',
  );
}
