import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { basename } from 'node:path';
import { assertValidDataset } from './scripts/assert-dataset';
import { buildData } from './scripts/data-dir';
import { packagedDataFiles, validatedProviders } from './scripts/packaged-data';
import { virtualDataPlugin } from './scripts/vite-virtual-data';

// The records this build packages: data/providers/, or (npm run bench only) a synthetic dataset, which is
// built into .output/bench/<name>/ so it can never land in the directories that are zipped or tested.
const data = buildData();
const skipCheck = process.env.CLINIC_SCOUT_SKIP_DATA_CHECK === '1';

// The permissions are asserted exactly by tests/unit/manifest.test.ts: widening them is a deliberate change.
export default defineConfig({
  ...(data.synthetic ? { outDir: `.output/bench/${basename(data.root!)}` } : {}),
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
      if (data.synthetic) throw new Error('A build from a synthetic benchmark dataset is never zipped.');
    },
  },
  manifest: ({ browser }) => ({
    name: data.synthetic ? 'Clinic Scout (synthetic benchmark data)' : 'Clinic Scout',
    description:
      'Recognises ketamine-therapy provider websites and shows sourced, dated facts. Nothing leaves your device.',
    permissions: browser === 'firefox' ? ['storage', 'tabs'] : ['storage', 'tabs', 'sidePanel'],
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
