// The dataset version of this build: manifest version + the records' content hash (bundle time).
// Decision and rationale: lib/changes/version.ts.
import { browser } from 'wxt/browser';
import hash from 'virtual:clinic-scout/dataset-hash';
import type { DatasetVersion } from '../lib/changes/version';

export const DATASET_HASH: string = hash;

export function currentDatasetVersion(): DatasetVersion {
  return { app: browser.runtime.getManifest().version, data: DATASET_HASH };
}
