// What Browse remembers while the panel is open: its filters and whether they are open. Plain memory with no
// Browse code behind it, so the card can start a search ("Browse providers in Texas") without loading Browse.
// The sort, which is also stored, is state/browse-search.ts's.
import { DEFAULT_FILTERS, type BrowseFilters } from '@/lib/browse/defaults';

export interface RememberedFilters {
  filters: BrowseFilters;
  /** Whether the filters were open; undefined until the user opens or closes them. */
  open?: boolean;
}

let remembered: RememberedFilters = { filters: DEFAULT_FILTERS };

export function rememberedFilters(): RememberedFilters {
  return remembered;
}

export function rememberFilters(patch: Partial<RememberedFilters>): void {
  remembered = { ...remembered, ...patch };
}

/** For tests: back to the defaults. */
export function forgetFilters(): void {
  remembered = { filters: DEFAULT_FILTERS };
}
