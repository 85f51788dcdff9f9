// The data files packaged with the extension (docs/architecture.md, "Data loading"): one JSON file per
// provider, the Browse index and the decision facts of every provider (change check), generated from the validated records (never copied from data/ as-is).
// Paths are shared with the panel's loader through lib/dataset/loader.ts.
import { decisionFacts } from '../lib/changes/snapshot';
import { DECISION_FACTS_PATH } from '../lib/changes/packaged-facts';
import { buildBrowseIndex } from '../lib/dataset/browse-index';
import { BROWSE_INDEX_PATH, providerPath } from '../lib/dataset/loader';
import { readProviderFiles } from '../lib/dataset/read-files';
import type { Provider } from '../lib/dataset/schema';
import { parseProviderFiles } from '../lib/dataset/validate';
import { buildData } from './data-dir';
import { placeLocations } from './geo-data';

export interface PackagedFile {
  relativeDest: string;
  contents: string;
}

/** The records that pass the schema; invalid ones throw unless `lenient` (CLINIC_SCOUT_SKIP_DATA_CHECK mid-edit). */
export function validatedProviders(dir = buildData().providersDir, lenient = false): Provider[] {
  const { providers, problems } = parseProviderFiles(readProviderFiles(dir));
  if (problems.length && !lenient) {
    throw new Error(`Cannot package the dataset: ${problems.length} problem(s); run npm run dataset -- check.`);
  }
  return providers;
}

export function packagedDataFiles(providers: readonly Provider[] = validatedProviders()): PackagedFile[] {
  const index = buildBrowseIndex(providers, placeLocations(providers));
  return [
    ...providers.map((p) => ({ relativeDest: providerPath(p.id), contents: JSON.stringify(p) })),
    { relativeDest: BROWSE_INDEX_PATH, contents: JSON.stringify(index) },
    // Only the fields the change check compares (lib/changes/packaged-facts.ts).
    { relativeDest: DECISION_FACTS_PATH, contents: JSON.stringify(providers.map(decisionFacts)) },
  ];
}
