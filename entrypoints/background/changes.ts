// Browser wiring of change tracking in the background (docs/architecture.md, "Changes on the shortlist").
// The badge follows `changes:unseen` in storage.local ({count, version}), whoever wrote it: this worker, the
// panel's check, "Mark as seen". On start the stored count is applied at once (no IndexedDB); only when it
// was counted against another dataset version (the extension was updated) does the worker count again,
// read-only (lib/shortlist/peek.ts + lib/changes/count.ts, no idb, no zod) — the panel's store reconciles
// the items themselves, validated, when it opens.
import { browser } from 'wxt/browser';
import { hasDatasetItems, countUnseenNow } from '../../lib/changes/count';
import { readUnseen, UNSEEN_KEY } from '../../lib/changes/check';
import { changesLook } from '../../lib/changes/badge';
import { sameDatasetVersion } from '../../lib/changes/version';
import { peekShortlistRecords } from '../../lib/shortlist/peek';
import { currentDatasetVersion } from '../../data/dataset-version';
import { loadDecisionFacts } from '../../data/packaged';
import { actionApi } from './tracker';

/**
 * Counts again after an update, read-only, and stores the count with this dataset version. Writes nothing
 * when nothing from the dataset is saved (or there is no database). Errors are logged, never thrown.
 */
export async function recountAfterUpdate(): Promise<void> {
  try {
    const version = currentDatasetVersion();
    const raw = await peekShortlistRecords();
    if (!raw || !hasDatasetItems(raw.items)) return;
    const count = countUnseenNow(raw, await loadDecisionFacts(), version, Date.now());
    // The panel may have counted meanwhile (it reconciles and writes the same number); don't overwrite it.
    if (sameDatasetVersion(version, readUnseen((await browser.storage.local.get(UNSEEN_KEY))[UNSEEN_KEY]).version)) return;
    await browser.storage.local.set({ [UNSEEN_KEY]: { count, version } });
  } catch (err) {
    console.warn('Clinic Scout: change count failed', err);
  }
}

/**
 * Follows the unseen count: `apply(n)` runs with the stored count at start and on every change of it. It
 * sets the global badge (tabs the tracker has not seen) and lets the caller re-apply tab badges. After the
 * first apply, a stored count from another dataset version is recounted.
 */
export function followUnseenCount(apply: (count: number) => void | Promise<void>): void {
  const set = async (value: unknown) => {
    const n = readUnseen(value).count;
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
  void browser.storage.local.get(UNSEEN_KEY).then(async (r) => {
    await set(r[UNSEEN_KEY]);
    // No stored count: nothing from the dataset was ever saved with change tracking (the store stores it on
    // the first save), so there is nothing to recount and IndexedDB is not even opened.
    if (r[UNSEEN_KEY] !== undefined && !sameDatasetVersion(currentDatasetVersion(), readUnseen(r[UNSEEN_KEY]).version)) await recountAfterUpdate();
  });
}
