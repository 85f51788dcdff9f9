import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { assertValidDataset } from './scripts/assert-dataset';
import { virtualDataPlugin } from './scripts/vite-virtual-data';

// The permissions are asserted exactly by tests/unit/manifest.test.ts: widening them is a deliberate change.
export default defineConfig({
  vite: () => ({ plugins: [preact(), virtualDataPlugin()] }),
  hooks: {
    // Invalid data fails the build with the record and field named.
    // CLINIC_SCOUT_SKIP_DATA_CHECK=1 is for engineers mid-edit only; CI and npm test never set it.
    'build:before': () => {
      if (process.env.CLINIC_SCOUT_SKIP_DATA_CHECK !== '1') assertValidDataset();
    },
  },
  manifest: ({ browser }) => ({
    name: 'Clinic Scout',
    description:
      'Recognises ketamine-therapy provider websites and shows sourced, dated facts. Nothing leaves your device.',
    // "Save this site" (issue 16): `scripting` to run the page reader, and any http(s) site as an OPTIONAL host
    // permission, requested for one origin at a time when the user clicks, and removed again after reading.
    permissions: browser === 'firefox' ? ['storage', 'tabs', 'scripting'] : ['storage', 'tabs', 'sidePanel', 'scripting'],
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Clinic Scout' },
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
