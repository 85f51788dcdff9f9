// Virtual modules derived from data/ at bundle time, so extension code ships only what each part
// needs: the background gets slim match entries; the panel loads the ZIP table lazily, only when the
// user asks for distances. Used by wxt.config.ts and vitest.config.ts alike.
import type { Plugin } from 'vite';
import { readProviderFiles } from '../lib/dataset/read-files';
import type { Provider } from '../lib/dataset/schema';
import type { SlimEntry } from '../data/match-entries';
import { buildZipTable, placeLocations } from './geo-data';
import { datasetHash } from './dataset-hash';
import { buildData } from './data-dir';

// The build's records: data/providers/, or a test fixture dataset (scripts/data-dir.ts).
const records = () => readProviderFiles(buildData().providersDir);

export function slimEntries(): SlimEntry[] {
  return records().map(({ data }) => {
    const p = data as Provider;
    return { id: p.id, name: p.name, state: p.status.state, match: p.match, lookalikes: p.lookalikes.map((l) => ({ host: l.host })) };
  });
}

const modules: Record<string, () => unknown> = {
  'virtual:clinic-scout/match-entries': slimEntries,
  'virtual:clinic-scout/zip-table': buildZipTable,
  'virtual:clinic-scout/placed-locations': () => placeLocations(records().map((f) => f.data as Provider)),
  // The dataset's content hash: what tells a data-only release apart (lib/changes/version.ts).
  'virtual:clinic-scout/dataset-hash': () => datasetHash(records()),
  // Every record, for extension pages (data/index.ts).
  'virtual:clinic-scout/providers': () => records().map((f) => f.data),
};

export function virtualDataPlugin(): Plugin {
  return {
    name: 'clinic-scout-virtual-data',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      const build = modules[name];
      if (!build) return undefined;
      return `export default ${JSON.stringify(build())};`;
    },
  };
}
