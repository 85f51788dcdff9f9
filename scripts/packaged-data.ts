// The data files packaged with the extension (docs/architecture.md, "Data loading"): one JSON file per
// provider, the Browse index, the general facts and the decision facts of every provider (change check),
// generated from the validated records (never copied from data/ as-is).
// Paths are shared with the panel's loader through lib/dataset/loader.ts.
import { decisionFacts } from '../lib/changes/snapshot';
import { DECISION_FACTS_PATH } from '../lib/changes/packaged-facts';
import { buildBrowseIndex } from '../lib/dataset/browse-index';
import type { General } from '../lib/dataset/general-schema';
import { BROWSE_INDEX_PATH, GENERAL_PATH, providerPath } from '../lib/dataset/loader';
import { readGeneralFile, readProviderFiles } from '../lib/dataset/read-files';
import type { Provider } from '../lib/dataset/schema';
import { parseGeneralFile, parseProviderFiles } from '../lib/dataset/validate';
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

/** data/general.json as the schema reads it (the same file for a synthetic benchmark build). */
export function validatedGeneral(): General {
  const { general, problems } = parseGeneralFile(readGeneralFile());
  if (!general) throw new Error(`Cannot package general.json: ${problems.length} problem(s); run npm run dataset -- check.`);
  return general;
}

export function packagedDataFiles(providers: readonly Provider[] = validatedProviders(), general: General = validatedGeneral()): PackagedFile[] {
  const index = buildBrowseIndex(providers, placeLocations(providers));
  return [
    ...providers.map((p) => ({ relativeDest: providerPath(p.id), contents: JSON.stringify(p) })),
    { relativeDest: BROWSE_INDEX_PATH, contents: JSON.stringify(index) },
    { relativeDest: GENERAL_PATH, contents: JSON.stringify(general) },
    // Only the fields the change check compares (lib/changes/packaged-facts.ts).
    { relativeDest: DECISION_FACTS_PATH, contents: JSON.stringify(providers.map(decisionFacts)) },
  ];
}
