import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (demo mode) in real Chromium against the demo portal served on 127.0.0.1.
 * The global setup builds the extension once and makes sure a browser is there (installing Debian's when allowed).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
