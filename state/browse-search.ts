// The Browse view's search (filters, sort, whether the filters are open), kept in memory while the panel is
// open, so coming back from a card finds the same search. The sort is also stored: `browser.storage.local`
// key `browseSort`, beside `homeLocation` (state/home-location.ts) — the only two preferences kept there.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_FILTERS, type BrowseFilters } from '@/lib/browse/filters';
import { DEFAULT_SORT, SORT_OPTIONS } from '@/lib/browse/sort';
import { resetHomeLocationMemory } from './home-location';

export const SORT_STORAGE_KEY = 'browseSort';

export interface RememberedSearch {
  filters: BrowseFilters;
  sortId: string;
  /** Whether the filters were open; undefined until the user opens or closes them. */
  open?: boolean;
}

let remembered: RememberedSearch = { filters: DEFAULT_FILTERS, sortId: DEFAULT_SORT };
/** The stored sort has been read (or the user chose one) in this page. */
let sortKnown = false;

export function rememberedSearch(): RememberedSearch {
  return remembered;
}

export function rememberSearch(patch: Partial<RememberedSearch>): void {
  remembered = { ...remembered, ...patch };
}

/** For tests: forget the remembered search (and the remembered home location). */
export function resetBrowseMemory() {
  remembered = { filters: DEFAULT_FILTERS, sortId: DEFAULT_SORT };
  sortKnown = false;
  resetHomeLocationMemory();
}

const isSortId = (v: unknown): v is string => typeof v === 'string' && SORT_OPTIONS.some((o) => o.id === v);

/**
 * The chosen sort, remembered across panels and restarts (storage.local `browseSort`). A sort that cannot be
 * used yet (nearest first while the ZIP table loads) stays chosen and applies once it can.
 */
export function useBrowseSort(): [string, (id: string | null) => void] {
  const [sortId, setSortId] = useState(remembered.sortId);
  useEffect(() => {
    if (sortKnown) return;
    let live = true;
    void (async () => {
      let stored: unknown;
      try {
        stored = (await browser.storage.local.get(SORT_STORAGE_KEY))[SORT_STORAGE_KEY];
      } catch {
        return; // storage unavailable: the sort is kept in memory only
      }
      if (!live || sortKnown) return;
      sortKnown = true;
      if (isSortId(stored)) {
        rememberSearch({ sortId: stored });
        setSortId(stored);
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  /** Chooses and stores a sort; null goes back to the default and removes the stored one. */
  const setSort = useCallback((id: string | null) => {
    sortKnown = true;
    rememberSearch({ sortId: id ?? DEFAULT_SORT });
    setSortId(id ?? DEFAULT_SORT);
    const stored = id === null ? browser.storage.local.remove(SORT_STORAGE_KEY) : browser.storage.local.set({ [SORT_STORAGE_KEY]: id });
    void stored.catch(() => undefined);
  }, []);
  return [sortId, setSort];
}
