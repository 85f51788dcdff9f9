// The Browse view's search (filters, sort, whether the filters are open), kept in memory while the panel is
// open, so coming back from a card finds the same search. Not stored: a new panel starts fresh.
import { DEFAULT_FILTERS, type BrowseFilters } from '@/lib/browse/filters';
import { DEFAULT_SORT } from '@/lib/browse/sort';
import { resetHomeLocationMemory } from './home-location';

export interface RememberedSearch {
  filters: BrowseFilters;
  sortId: string;
  /** Whether the filters were open; undefined until the user opens or closes them. */
  open?: boolean;
}

let remembered: RememberedSearch = { filters: DEFAULT_FILTERS, sortId: DEFAULT_SORT };

export function rememberedSearch(): RememberedSearch {
  return remembered;
}

export function rememberSearch(patch: Partial<RememberedSearch>): void {
  remembered = { ...remembered, ...patch };
}

/** For tests: forget the remembered search (and the remembered home location). */
export function resetBrowseMemory() {
  remembered = { filters: DEFAULT_FILTERS, sortId: DEFAULT_SORT };
  resetHomeLocationMemory();
}
