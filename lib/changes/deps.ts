// The storage side of the change check (./check.ts), without the comparison: the storage.local keys, the
// injected dependencies, and the storage-backed ones the panel wires (state/changes.ts). Light and zod-free,
// so the panel's start-up code can hold it while ./check.ts (reconcile, diff) loads only when a check runs.
import type { ShortlistDb } from '../shortlist/repository';
import type { DecisionFacts } from './snapshot';
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
