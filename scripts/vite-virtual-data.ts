// Virtual modules derived from data/ at bundle time, so extension code ships only what each part
// needs: the background gets slim match entries; the panel loads the ZIP table lazily, only when the
// user asks for distances. Used by wxt.config.ts and vitest.config.ts alike.
import type { Plugin } from 'vite';
import { readProviderFiles } from '../lib/dataset/read-files';
import type { Provider } from '../lib/dataset/schema';
import { packSlim, type SlimRow } from '../lib/match/slim';
import { buildData } from './data-dir';
import { buildZipTable, placeLocations } from './geo-data';
import { datasetHash } from './dataset-hash';

// The build's records: data/providers/, or a synthetic benchmark dataset (scripts/data-dir.ts).
const records = () => readProviderFiles(buildData().providersDir);

export function slimEntries(): SlimRow[] {
  return records().map(({ data }) => packSlim(data as Provider));
}

const modules: Record<string, () => unknown> = {
  'virtual:clinic-scout/match-entries': slimEntries,
  'virtual:clinic-scout/zip-table': buildZipTable,
  'virtual:clinic-scout/placed-locations': () => placeLocations(records().map((f) => f.data as Provider)),
  // What the panel knows about the dataset before loading any of it ("Clinic Scout knows N providers").
  'virtual:clinic-scout/dataset-meta': () => ({ count: records().length }),
  // The dataset's content hash: what tells a data-only release apart (lib/changes/version.ts).
  'virtual:clinic-scout/dataset-hash': () => datasetHash(records()),
};

export function virtualDataPlugin(): Plugin {
  return {
    name: 'clinic-scout-virtual-data',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      const build = modules[name];
      if (!build) return undefined;
      // A JSON.parse of one string: cheaper for V8 to parse than the same object literal (a worker wakes often).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(build()))});`;
    },
  };
}
