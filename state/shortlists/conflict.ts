// Saving one user-text field of a shortlist item against the revision it was read at, and the choice the
// user makes when another window saved first (ItemConflictError: nothing was written). The UI shows
// `conflict` (both versions) right where the user typed, and the user's choice is saved against the
// revision stored now. Nothing is ever replaced without the user seeing both versions.
import { useRef, useState } from 'preact/hooks';
import { isItemConflict } from '@/lib/shortlist/conflict';
import { StorageError, toStorageError } from '@/lib/shortlist/errors';
import type { StoredShortlistItem } from '@/lib/shortlist/schema';

export interface OpenConflict<T> {
  /** What this window tried to save. */
  mine: T;
  /** What the other window saved. */
  theirs: T;
  /** The revision stored with `theirs`: the user's choice is saved against it. */
  revision: number;
}

export interface ItemSave<T> {
  conflict: OpenConflict<T> | null;
  /** The last save failed for another reason (quota, …). */
  error: StorageError | null;
  /** A save or a choice is being written. */
  busy: boolean;
  /** Saves `value` over `base` (the value as read at `expectedRevision`); resolves to the stored item, or null when not saved. */
  save(value: T, expectedRevision: number, base: T): Promise<StoredShortlistItem | null>;
  keepMine(): Promise<StoredShortlistItem | null>;
  keepTheirs(): Promise<StoredShortlistItem | null>;
  /** Saves another resolution (e.g. both joined). */
  keep(value: T): Promise<StoredShortlistItem | null>;
}

export interface ItemSaveOptions<T> {
  /**
   * Names the field of one item (e.g. `${itemId}:quote`): an open conflict outlives the component, so
   * collapsing a shortlist row and opening it again still shows both versions — the user's side is never
   * dropped by closing a view.
   */
  key?: string;
  /**
   * Combines changes to different parts of the value (lib/shortlist/merge-fields); undefined: a real
   * conflict. May load lazily (a conflict is rare: the merge code stays off the card's start-up).
   */
  merge?: (base: T, mine: T, theirs: T) => T | undefined | Promise<T | undefined>;
}

/** Open conflicts of this page by ItemSaveOptions.key, kept while the page lives (not stored). */
const openConflicts = new Map<string, OpenConflict<unknown>>();

/**
 * `write(value, expectedRevision, base?)` saves through the ShortlistStore; `read(stored)` takes the same
 * field from the stored item of a conflict.
 */
export function useItemSave<T>(
  write: (value: T, expectedRevision: number, base?: T) => Promise<StoredShortlistItem>,
  read: (stored: StoredShortlistItem) => T,
  options: ItemSaveOptions<T> = {},
): ItemSave<T> {
  const { key, merge } = options;
  const [conflict, setConflictState] = useState<OpenConflict<T> | null>(() => (key ? ((openConflicts.get(key) as OpenConflict<T>) ?? null) : null));
  const [error, setError] = useState<StorageError | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;
  const setConflict = (c: OpenConflict<T> | null) => {
    if (key) {
      if (c) openConflicts.set(key, c);
      else openConflicts.delete(key);
    }
    conflictRef.current = c;
    setConflictState(c);
  };

  const run = async (value: T, expectedRevision: number, base?: T, attempts = 0): Promise<StoredShortlistItem | null> => {
    setBusy(true);
    try {
      const item = await write(value, expectedRevision, base);
      setError(null);
      setConflict(null);
      return item;
    } catch (err) {
      if (isItemConflict(err)) {
        const theirs = read(err.stored);
        const merged = merge && base !== undefined && attempts < 3 ? await merge(base, value, theirs) : undefined;
        if (merged !== undefined) return run(merged, err.stored.revision, theirs, attempts + 1);
        setConflict({ mine: value, theirs, revision: err.stored.revision });
        setError(null);
      } else {
        setError(err instanceof StorageError ? err : toStorageError(err));
      }
      return null;
    } finally {
      setBusy(false);
    }
  };

  const keep = async (value: T) => {
    const c = conflictRef.current;
    return c ? run(value, c.revision) : null;
  };

  return {
    conflict,
    error,
    busy,
    save: (value, expectedRevision, base) => run(value, expectedRevision, base),
    keep,
    keepMine: () => (conflictRef.current ? keep(conflictRef.current.mine) : Promise.resolve(null)),
    keepTheirs: () => (conflictRef.current ? keep(conflictRef.current.theirs) : Promise.resolve(null)),
  };
}
