// Browser wiring of the change check (lib/changes/check.ts) in the background: on every worker start it
// checks once (nothing to do unless the dataset version changed), and it keeps the toolbar badge in step
// with the unseen count in storage.local, whoever changed it (this check, the panel's, "Mark as seen").
import { browser } from 'wxt/browser';
import { checkForChanges, storageBackedDeps, UNSEEN_KEY } from '../../lib/changes/check';
import { changesLook } from '../../lib/changes/badge';
import { DB_NAME, openShortlistDb } from '../../lib/shortlist';
import { currentDatasetVersion } from '../../data/dataset-version';
import { loadPackagedFacts } from '../../data/decision-facts';
import { actionApi } from './tracker';

/** Runs the check once; errors are logged, never thrown (the badge keeps its last count). */
export async function runChangeCheck(): Promise<void> {
  let db: Awaited<ReturnType<typeof openShortlistDb>> | null = null;
  try {
    // No database yet = nothing saved yet: don't create one (nothing is stored before the user saves).
    const existing = await indexedDB.databases?.().catch(() => null);
    if (existing && !existing.some((d) => d.name === DB_NAME)) return;
    db = await openShortlistDb();
    await checkForChanges(storageBackedDeps({ db, version: currentDatasetVersion(), loadFacts: loadPackagedFacts, storage: browser.storage.local }));
  } catch (err) {
    console.warn('Clinic Scout: change check failed', err);
  } finally {
    db?.close();
  }
}

/**
 * Follows the unseen count: `apply(n)` runs with the stored count at start and on every change of it.
 * It sets the global badge (tabs the tracker has not seen) and lets the caller re-apply tab badges.
 */
export function followUnseenCount(apply: (count: number) => void | Promise<void>): void {
  const set = async (value: unknown) => {
    const n = typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
    const look = changesLook(n);
    const action = actionApi();
    await Promise.all([
      action.setBadgeText({ text: look.text }),
      n > 0 ? action.setBadgeBackgroundColor({ color: look.color }) : undefined,
      action.setTitle({ title: look.title }),
    ]).catch(() => undefined);
    await apply(n);
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && UNSEEN_KEY in changes) void set(changes[UNSEEN_KEY]!.newValue);
  });
  void browser.storage.local.get(UNSEEN_KEY).then((r) => set(r[UNSEEN_KEY]));
}
