import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { assertValidDataset } from './scripts/assert-dataset';
import { buildData, isTestData } from './scripts/data-dir';
import { packagedDataFiles, validatedProviders } from './scripts/packaged-data';
import { virtualDataPlugin } from './scripts/vite-virtual-data';

// The records this build packages: data/providers/, or a test dataset (scripts/data-dir.ts): a synthetic one
// (npm run bench only), built into .output/bench/<name>/, or an e2e fixture one, built into the test's own
// CLINIC_SCOUT_OUT_DIR outside .output/ — so neither can land in the directories that are zipped or tested.
const data = buildData();
const skipCheck = process.env.CLINIC_SCOUT_SKIP_DATA_CHECK === '1';

/**
 * The Content Security Policy of every extension page (side panel / sidebar, the Chrome service worker,
 * the Firefox background page): everything from the extension itself, nothing from anywhere else, so
 * "nothing leaves your device" is enforced by the browser, not only by our code. connect-src 'self'
 * lets pages fetch files from the extension package (per-provider data); img-src data: is for inline
 * icons; downloads use blob: URLs through <a download>, which CSP does not govern. Asserted by
 * tests/unit/manifest.test.ts and, in real browsers, by tests/e2e/csp.test.ts and firefox-csp.test.ts.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "worker-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

// The permissions are asserted exactly by tests/unit/manifest.test.ts: widening them is a deliberate change.
export default defineConfig({
  ...(data.outDir ? { outDir: data.outDir } : {}),
  // Icons: PNGs at every size are generated from assets/icon.svg at build time (sharp, build-time only).
  modules: ['@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16] },
  // `npm run zip` also writes the sources zip AMO asks for (Firefox only). It holds what
  // `npm ci && npm run build:firefox` needs (hidden files, node_modules and .output are left out by WXT);
  // tests/e2e/release-zip.test.ts rebuilds from it and compares with the Firefox zip. Tests, docs and
  // screenshots are not needed to build.
  zip: { excludeSources: ['tests/**', 'docs/**', 'test-results/**', 'vitest.config.ts', 'stats.html', '**/*.log'] },
  vite: () => ({ plugins: [preact(), virtualDataPlugin()] }),
  hooks: {
    // Invalid data fails the build with the record and field named.
    // CLINIC_SCOUT_SKIP_DATA_CHECK=1 is for engineers mid-edit only; CI and npm test never set it.
    'build:before': () => {
      if (!skipCheck) assertValidDataset();
    },
    // One JSON file per provider and the Browse index, from the validated records (docs/architecture.md).
    'build:publicAssets': (_wxt, files) => {
      for (const f of packagedDataFiles(validatedProviders(data.providersDir, skipCheck))) files.push(f);
    },
    'zip:start': () => {
      if (isTestData(data)) throw new Error(`A build from a ${data.kind} test dataset is never zipped.`);
    },
  },
  manifest: ({ browser, command }) => ({
    // `wxt dev` (command 'serve') keeps WXT's own policy, which lets the page reach its dev server.
    ...(command === 'serve'
      ? {}
      : browser === 'firefox'
        ? { content_security_policy: EXTENSION_PAGES_CSP }
        : { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } }),
    // Name and description live in public/_locales/en/messages.json so the listing can be translated.
    default_locale: 'en',
    ...(data.version ? { version: data.version } : {}),
    name: data.kind === 'synthetic' ? 'Clinic Scout (synthetic benchmark data)' : data.kind === 'fixture' ? 'Clinic Scout (test fixture data)' : '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    // "Save this site" (issue 16): `scripting` to run the page reader, and any http(s) site as an OPTIONAL host
    // permission, requested for one origin at a time when the user clicks, and removed again after reading.
    permissions: browser === 'firefox' ? ['storage', 'tabs', 'scripting'] : ['storage', 'tabs', 'sidePanel', 'scripting'],
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // Firefox: the button sits in the toolbar (not inside the Extensions menu), so the badge is seen.
    action: { default_title: 'Clinic Scout', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' }, ...(browser === 'firefox' ? { default_area: 'navbar' } : {}) },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clinic-scout@clinic-scout.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
