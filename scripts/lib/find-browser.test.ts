import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, locateBrowser } from './find-browser';

describe('locateBrowser', () => {
  it('prefers CHROME_PATH', () => {
    expect(
      locateBrowser(
        { CHROME_PATH: '/opt/chrome/chrome' },
        (p) => p === '/opt/chrome/chrome' || p === '/usr/bin/chromium',
      ),
    ).toBe('/opt/chrome/chrome');
  });

  it('says so when CHROME_PATH points nowhere', () => {
    expect(() => locateBrowser({ CHROME_PATH: '/nope' }, () => false)).toThrow(BrowserNotFoundError);
  });

  it('falls back to the usual paths in order', () => {
    expect(locateBrowser({}, (p) => p === '/usr/bin/google-chrome' || p === '/snap/bin/chromium')).toBe(
      '/usr/bin/google-chrome',
    );
  });

  it('returns null when nothing is installed', () => {
    expect(locateBrowser({}, () => false)).toBeNull();
  });
});
