// The change check on start (background worker start and panel open, whichever comes first): when the
// dataset version differs from the last one checked, compare every shortlisted provider's current facts
// with its snapshot and store what changed (lib/changes/tracking.ts reconcile), in one transaction.
// Idempotent: the same dataset twice, or two pages at once, writes nothing the second time.
// Everything browser-specific is injected (background and panel wire it; tests pass fakes).
import type { ShortlistDb } from '../shortlist/repository';
import type { StoredShortlistItem } from '../shortlist/schema';
import type { DecisionFacts } from './snapshot';
import type { TrackingFields } from './schema';
import { hasUnseen, markSeen, reconcile } from './tracking';
import { isDatasetVersion, sameDatasetVersion, type DatasetVersion } from './version';

/**
 * The storage.local keys (not preferences: bookkeeping of the check, written only once something from the
 * dataset is saved). CHECKED_KEY: the dataset version the store last reconciled the items with.
 * UNSEEN_KEY: `{count, version}`, the badge's number and the dataset version it was counted against — what
 * the background shows on start without opening IndexedDB (docs/architecture.md, "Changes on the shortlist").
 */
export const CHECKED_KEY = 'changes:checked';
export const UNSEEN_KEY = 'changes:unseen';

export interface StoredUnseen {
  count: number;
  version: DatasetVersion | null;
}

/** The stored unseen count, checked by hand (a damaged value reads as 0, counted against no version). */
export function readUnseen(value: unknown): StoredUnseen {
  if (value === null || typeof value !== 'object') return { count: 0, version: null };
  const { count, version } = value as Record<string, unknown>;
  return {
    count: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0,
    version: isDatasetVersion(version) ? { app: version.app, data: version.data } : null,
  };
}

export type FactsLookup = (id: string) => DecisionFacts | undefined;

export interface ChangeCheckDeps {
  db: Pick<ShortlistDb, 'listAllItems' | 'listShortlists' | 'updateTracking'>;
  /** This build's dataset version (data/dataset-version.ts). */
  version: DatasetVersion;
  /** Every provider in this dataset by id; undefined = not in the dataset. Loaded only when a check runs. */
  loadFacts: () => Promise<FactsLookup>;
  /** What is already in memory (the panel's loaded records), so adding a provider needs no file read. */
  peekFacts?: FactsLookup;
  /** The last dataset version checked, and where to record it (storage.local CHECKED_KEY). */
  getChecked: () => Promise<DatasetVersion | null>;
  setChecked: (v: DatasetVersion) => Promise<void>;
  /**
   * Where the count for the badge goes (storage.local UNSEEN_KEY). `create: false`: only correct a count
   * already stored (nothing is written for a user who has saved nothing from the dataset).
   */
  setUnseen: (count: number, options?: { create?: boolean }) => Promise<void>;
  now?: () => number;
}

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

/** Items that would be checked now even without a new dataset: dataset providers without a snapshot yet. */
export const needsSnapshot = (items: readonly { providerId: string | null; facts: unknown }[]) =>
  items.some((i) => i.providerId !== null && i.facts === null);

/** The part of browser.storage.local the check uses. */
export interface KeyValueStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Deps whose bookkeeping lives in `storage` (browser.storage.local in both the background and the panel). */
export function storageBackedDeps(args: {
  db: ChangeCheckDeps['db'];
  version: DatasetVersion;
  loadFacts: ChangeCheckDeps['loadFacts'];
  storage: KeyValueStorage;
}): ChangeCheckDeps {
  const { storage } = args;
  return {
    db: args.db,
    version: args.version,
    loadFacts: args.loadFacts,
    getChecked: async () => {
      const v = (await storage.get(CHECKED_KEY))[CHECKED_KEY];
      return isDatasetVersion(v) ? v : null;
    },
    setChecked: (v) => storage.set({ [CHECKED_KEY]: v }),
    // Written only when it moves, so listeners (the background's badge) wake only for a real change. Once
    // something is saved it is always stored, with this version, so the background never needs to recount.
    setUnseen: async (n, { create = true } = {}) => {
      const raw = (await storage.get(UNSEEN_KEY))[UNSEEN_KEY];
      const stored = readUnseen(raw);
      if (raw === undefined && !create) return;
      if (stored.count !== n || !sameDatasetVersion(args.version, stored.version)) await storage.set({ [UNSEEN_KEY]: { count: n, version: args.version } });
    },
  };
}
