// A virtual module with only what the background needs from each record (matching rules, name,
// status), so the worker neither bundles nor parses the full dataset. Used by wxt.config.ts and
// vitest.config.ts alike.
import type { Plugin } from 'vite';
import { readProviderFiles } from '../lib/dataset/read-files';
import type { Provider } from '../lib/dataset/schema';
import type { SlimEntry } from '../data/match-entries';

const ID = 'virtual:clinic-scout/match-entries';

export function slimEntries(): SlimEntry[] {
  return readProviderFiles().map(({ data }) => {
    const p = data as Provider;
    return { id: p.id, name: p.name, state: p.status.state, match: p.match, lookalikes: p.lookalikes.map((l) => ({ host: l.host })) };
  });
}

export function matchEntriesPlugin(): Plugin {
  return {
    name: 'clinic-scout-match-entries',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      for (const file of readProviderFiles()) this.addWatchFile?.(file.file);
      return `export default ${JSON.stringify(slimEntries())};`;
    },
  };
}
