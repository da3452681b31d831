import { buildDemoExtension } from '../../scripts/lib/build-extension';
import { findBrowser } from '../../scripts/lib/find-browser';

export default function setup(): void {
  findBrowser({ install: true });
  buildDemoExtension({ quiet: true });
  buildDemoExtension({ quiet: true, mode: 'restricted' });
}
