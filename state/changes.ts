// The panel's side of change tracking (issue 18): what the ShortlistStore's change check and "Mark as seen"
// need in a real panel — this build's dataset version, the packaged decision facts (read only when a check
// is due, data/packaged.ts), the records already in memory (so adding a provider never waits for a file),
// browser.storage.local for the bookkeeping the background's badge follows. Tests leave it out (the store
// then never checks).
import { browser } from 'wxt/browser';
import { storageBackedDeps, type ChangeCheckDeps } from '@/lib/changes/deps';
import { currentDatasetVersion } from '@/data/dataset-version';
import { loadDecisionFacts } from '@/data/packaged';
import { getProvider } from './dataset';

export function panelChangeDeps(db: ChangeCheckDeps['db']): ChangeCheckDeps {
  return {
    ...storageBackedDeps({ db, version: currentDatasetVersion(), loadFacts: loadDecisionFacts, storage: browser.storage.local }),
    peekFacts: getProvider,
  };
}
