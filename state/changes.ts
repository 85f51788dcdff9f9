// The panel's side of change tracking (issue 18): what the ShortlistStore's change check and "Mark as seen"
// need in a real panel — this build's dataset version, the bundled records, browser.storage.local for the
// bookkeeping the background's badge follows. Tests leave it out (the store then never checks).
import { browser } from 'wxt/browser';
import { storageBackedDeps, type ChangeCheckDeps } from '@/lib/changes/check';
import { currentDatasetVersion } from '@/data/dataset-version';
import { getProvider } from './dataset';

export function panelChangeDeps(db: ChangeCheckDeps['db']): ChangeCheckDeps {
  return storageBackedDeps({
    db,
    version: currentDatasetVersion(),
    loadFacts: async () => getProvider,
    storage: browser.storage.local,
  });
}
