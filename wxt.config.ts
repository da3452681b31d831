import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noCodeFromStrings } from './scripts/lib/no-code-from-strings';

/**
 * Build configuration. One manifest for Chrome/Edge (side panel) and Firefox (sidebar).
 *
 * Permissions are kept to the fewest that do the job:
 * - `storage`: settings; `scripting` + `activeTab`: the page reader is injected only when the panel asks;
 * - `sidePanel` (Chrome only): the panel itself;
 * - portal access is *optional* (`optional_host_permissions`): the panel asks for one origin at a time,
 *   when the user starts inspecting a site. Nothing is requested at install.
 * The `demo` mode (used by `npm start` and the e2e tests) is granted up front what a person would grant with a click:
 * the loopback demo portal and `<all_urls>` (screenshots), because a headless browser cannot answer a prompt.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No code from strings ships, in the pages nor in the export worker: dependencies' Function(...) fallbacks become
  // explicit EvalErrors (the CSP blocks them anyway), preact's innerHTML sink is disabled (scripts/lib/no-code-from-strings.ts).
  vite: () => ({
    plugins: [noCodeFromStrings(), preact()],
    worker: { plugins: () => [noCodeFromStrings()] },
  }),
  manifest: ({ browser, mode }) => {
    // The demo build (npm start, e2e) is granted up front what a person grants with a click in the product: the loopback
    // demo portal, and <all_urls> for screenshots (captureVisibleTab accepts nothing narrower).
    // A second test build, `restricted`, holds the loopback portal only: the e2e tests use it to see what a user who
    // has not granted a site is told.
    const demoHosts =
      mode === 'demo' ? ['http://127.0.0.1/*', '<all_urls>'] : mode === 'restricted' ? ['http://127.0.0.1/*'] : [];
    const common = {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'zh_CN',
      action: { default_title: '__MSG_actionTitle__' },
      host_permissions: demoHosts,
      optional_host_permissions: ['http://*/*', 'https://*/*', '<all_urls>'],
      commands: {
        'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdToggleHighlights__' },
      },
    };
    if (browser === 'firefox') {
      return {
        ...common,
        // Firefox builds MV2: optional host access is spelled as optional_permissions there.
        permissions: ['storage', 'scripting', 'activeTab', ...demoHosts],
        optional_permissions: ['http://*/*', 'https://*/*', '<all_urls>'],
        browser_specific_settings: {
          // 140 (ESR) and 142 on Android: the first versions that know data_collection_permissions.
          gecko: {
            id: 'gongkai-inspector@gongkai.local',
            strict_min_version: '140.0',
            data_collection_permissions: { required: ['none'] },
          },
          gecko_android: { strict_min_version: '142.0' },
        },
      };
    }
    return { ...common, permissions: ['storage', 'scripting', 'activeTab', 'sidePanel'] };
  },
  zip: {
    excludeSources: ['out/**', 'tests/**', 'coverage/**', '**/*.test.ts', 'demo-portal/**', '.ci/**'],
  },
});
