import type { BrowseEntry } from '../dataset/browse-index';
import { nearestLocation, NO_CONFIRMED_LOCATION, type NearContext } from './near-me';
import { lowestSessionPrice, NO_PRICE } from './price';

/**
 * What a sort may need besides the providers: the user's place (`origin` from a ZIP, `homeState`) and the
 * providers' confirmed locations (`placesOf`), read by the distance sort (SORT_BY_DISTANCE, lib/browse/near-me.ts).
 */
export interface SortContext extends NearContext {}

/** One way to order results. New sorts (distance) are added to SORT_OPTIONS and need no other change. */
export interface SortOption {
  id: string;
  /** Shown in the "Sort by" list. */
  label: string;
  /** Ascending sort key; null when unknown for this provider (sorted last, after every known key). */
  key(p: BrowseEntry, ctx: SortContext): number | string | null;
  /** How a provider without a key is labelled in the results, e.g. "no published price". */
  unknownLabel?: string;
  /**
   * Text each result shows for this sort (e.g. "12 miles away"); `unknownLabel` is shown when the key is null.
   * Leave out when the result line already shows it (the price is always shown).
   */
  describe?(p: BrowseEntry, ctx: SortContext): string;
  /** False when the option cannot be used yet (a distance sort without a ZIP); hidden or disabled in the UI. */
  available?(ctx: SortContext): boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export const SORT_BY_NAME: SortOption = {
  id: 'name',
  label: 'Name (A–Z)',
  key: (p) => p.name,
};

/** Sorts by straight-line miles to the nearest confirmed location (./near-me.ts); providers without one sort last. */
export const SORT_BY_DISTANCE: SortOption = {
  id: 'nearest',
  label: 'Nearest first',
  key: (p, ctx) => nearestLocation(p, ctx)?.miles ?? null,
  unknownLabel: NO_CONFIRMED_LOCATION,
  // The distance (or why there is none) is on every result while a ZIP is set, so no `describe`.
  available: (ctx) => Boolean(ctx.origin),
};

export const SORT_BY_PRICE: SortOption = {
  id: 'price',
  label: 'Lowest published price per session',
  key: (p) => lowestSessionPrice(p)?.amount ?? null,
  unknownLabel: NO_PRICE,
};

export const SORT_OPTIONS: readonly SortOption[] = [SORT_BY_NAME, SORT_BY_PRICE, SORT_BY_DISTANCE];

export const DEFAULT_SORT = SORT_BY_NAME.id;

export function sortOption(id: string, options: readonly SortOption[] = SORT_OPTIONS): SortOption {
  return options.find((o) => o.id === id) ?? options[0]!;
}

function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** A new array: known keys ascending, unknown keys last; ties (and unknowns among themselves) by name. */
export function sortProviders<P extends BrowseEntry>(
  list: readonly P[],
  option: SortOption | string,
  ctx: SortContext = {},
  options: readonly SortOption[] = SORT_OPTIONS,
): P[] {
  const opt = typeof option === 'string' ? sortOption(option, options) : option;
  const keyed = list.map((p) => ({ p, k: opt.key(p, ctx) }));
  keyed.sort((x, y) => {
    if (x.k === null && y.k !== null) return 1;
    if (y.k === null && x.k !== null) return -1;
    const byKey = x.k !== null && y.k !== null ? compareKeys(x.k, y.k) : 0;
    return byKey || collator.compare(x.p.name, y.p.name) || (x.p.id < y.p.id ? -1 : x.p.id > y.p.id ? 1 : 0);
  });
  return keyed.map((x) => x.p);
}
