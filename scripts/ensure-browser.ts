/** Makes sure a browser for the e2e tests is there (installing Debian's Chromium when allowed) and prints its path. */
import { findBrowser } from './lib/find-browser';

try {
  console.log(`browser: ${findBrowser({ install: true })}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
