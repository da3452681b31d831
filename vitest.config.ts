import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: pure code, fake browser, fake-indexeddb. No real browser here (see vitest.e2e.config.ts). */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.{ts,tsx}',
      'demo-portal/**/*.test.ts',
      'scripts/**/*.test.ts',
      'seeds/**/*.test.ts',
      'tests/unit/**/*.test.{ts,tsx}',
    ],
    exclude: [...configDefaults.exclude, 'tests/e2e/**', '.output/**', 'out/**'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20_000,
  },
});
