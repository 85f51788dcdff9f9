// The change check on start (background worker start and panel open, whichever comes first): when the
// dataset version differs from the last one checked, compare every shortlisted provider's current facts
// with its snapshot and store what changed (lib/changes/tracking.ts reconcile), in one transaction.
// Idempotent: the same dataset twice, or two pages at once, writes nothing the second time.
// Everything browser-specific is injected (background and panel wire it; tests pass fakes).
import type { StoredShortlistItem } from '../shortlist/schema';
import type { TrackingFields } from './schema';
import { markSeen, reconcile } from './tracking';
import { hasUnseen } from './unseen';
import { sameDatasetVersion } from './version';
import type { ChangeCheckDeps } from './deps';

export {
  CHECKED_KEY,
  UNSEEN_KEY,
  readUnseen,
  needsSnapshot,
  storageBackedDeps,
  type StoredUnseen,
  type FactsLookup,
  type ChangeCheckDeps,
  type KeyValueStorage,
} from './deps';

/**
 * Providers with something unseen (changed facts or gone from the dataset), counted once however many
 * lists they are on; items in the trash don't count. This is the badge's number.
 */
export function countUnseen(
  items: readonly (TrackingFields & Pick<StoredShortlistItem, 'id' | 'shortlistId' | 'providerId'>)[],
  liveListIds: ReadonlySet<string>,
): number {
  const keys = new Set<string>();
  for (const i of items) if (liveListIds.has(i.shortlistId) && hasUnseen(i)) keys.add(i.providerId ?? i.id);
  return keys.size;
}

/**
 * Stores the current unseen count (no comparison, no facts read). After the first provider is saved, so the
 * count is stored with this dataset version and the background has something to recount after an update.
 */
export async function recount(deps: ChangeCheckDeps): Promise<number> {
  const [items, lists] = await Promise.all([deps.db.listAllItems(), deps.db.listShortlists()]);
  const n = countUnseen(items, new Set(lists.map((l) => l.id)));
  await deps.setUnseen(n);
  return n;
}

/**
 * Runs the check if the dataset changed since the last one (or `force`, e.g. items without a snapshot
 * just arrived by import), then records the unseen count. Returns whether it compared and the count.
 */
export async function checkForChanges(deps: ChangeCheckDeps, options: { force?: boolean } = {}): Promise<{ compared: boolean; unseen: number }> {
  // Nothing shortlisted from the dataset: nothing to compare and nothing to write (no bookkeeping is
  // saved before the user saves something). The first saved item carries its dataset version already.
  if (!(await deps.db.listAllItems()).some((i) => i.providerId !== null)) {
    await deps.setUnseen(0, { create: false });
    return { compared: false, unseen: 0 };
  }
  const last = await deps.getChecked();
  const due = options.force || !sameDatasetVersion(deps.version, last);
  if (due) {
    const facts = await deps.loadFacts();
    const now = (deps.now ?? Date.now)();
    await deps.db.updateTracking((item) => (item.providerId === null ? null : reconcile(item, facts(item.providerId) ?? null, deps.version, now)));
    await deps.setChecked(deps.version);
  }
  return { compared: due, unseen: await recount(deps) };
}

/** "Mark as seen" for these items (the provider's items on every list, usually), then the new count. */
export async function markChangesSeen(deps: ChangeCheckDeps, itemIds: readonly string[]): Promise<number> {
  const facts = await deps.loadFacts();
  const now = (deps.now ?? Date.now)();
  await deps.db.updateTracking((item) => markSeen(item, item.providerId === null ? null : (facts(item.providerId) ?? null), deps.version, now), itemIds);
  return recount(deps);
}

