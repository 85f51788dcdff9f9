// The Preact side of the shortlist store (./store.ts): one store per page, provided to every view.
//
// Two contexts on purpose: ShortlistStoreContext holds the store itself (never changes, so item rows
// that only call actions are not re-rendered by every change), ShortlistsContext holds the current
// data and UI selection (changes on every write).
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { ShortlistStore, type ShortlistsSnapshot, type ShortlistStoreOptions } from './store';

export interface Shortlists extends ShortlistsSnapshot {
  store: ShortlistStore;
  /** The list the Shortlist view shows; null: the first list. */
  selectedListId: string | null;
  /** The item the Shortlist view should open and scroll to (from "On your shortlist: …"). */
  focusItemId: string | null;
  selectList(listId: string | null, focusItemId?: string | null): void;
}

export const ShortlistsContext = createContext<Shortlists | null>(null);
export const ShortlistStoreContext = createContext<ShortlistStore | null>(null);

function useStoreSnapshot(store: ShortlistStore): ShortlistsSnapshot {
  const [snapshot, setSnapshot] = useState(store.snapshot);
  useEffect(() => {
    setSnapshot(store.snapshot);
    return store.subscribe(() => setSnapshot(store.snapshot));
  }, [store]);
  return snapshot;
}

export interface ShortlistsProviderProps extends ShortlistStoreOptions {
  /** A store made (and started) elsewhere, e.g. by a benchmark; it is not stopped on unmount. */
  store?: ShortlistStore;
  children?: ComponentChildren;
}

/** One database connection for everything inside (the whole panel page). */
export function ShortlistsProvider({ store: given, children, ...options }: ShortlistsProviderProps) {
  const [store] = useState(() => given ?? new ShortlistStore(options));
  useEffect(() => {
    void store.start();
    return () => {
      if (!given) store.stop();
    };
  }, [store]);
  const snapshot = useStoreSnapshot(store);
  const [selection, setSelection] = useState<{ listId: string | null; itemId: string | null }>({ listId: null, itemId: null });
  const value = useMemo<Shortlists>(
    () => ({
      ...snapshot,
      store,
      selectedListId: selection.listId,
      focusItemId: selection.itemId,
      selectList: (listId, itemId = null) => setSelection({ listId, itemId }),
    }),
    [snapshot, store, selection],
  );
  return (
    <ShortlistStoreContext.Provider value={store}>
      <ShortlistsContext.Provider value={value}>{children}</ShortlistsContext.Provider>
    </ShortlistStoreContext.Provider>
  );
}

export function useShortlists(): Shortlists {
  const value = useContext(ShortlistsContext);
  if (!value) throw new Error('useShortlists() needs a <ShortlistsProvider> above it');
  return value;
}

/** The store only: for rows that act but should not re-render on every change. */
export function useShortlistStore(): ShortlistStore {
  const store = useContext(ShortlistStoreContext);
  if (!store) throw new Error('useShortlistStore() needs a <ShortlistsProvider> above it');
  return store;
}
