// The one way the UI reads the dataset (components never import data/ themselves).
//
// Provider records are NOT bundled with the panel: each is a JSON file in the extension package, read on
// demand (docs/architecture.md, "Data loading"). So reads are loads:
//   useProvider(id)                 one record: Loadable<Provider> (loading / ready / error with retry)
//   useProviders(ids, {missing})    several, in order (Compare, export, print, a shortlist's cost lines)
//   useProviderLookup(ids)          the same as a lookup function, for components that take one
//   useBrowseIndex()                the compact Browse index (search, filters, sorts, near me)
//   getProvider(id)                 a record already in memory, or undefined (never loads)
//   useGeneral() / getGeneral()     typical prices, safety facts, the question checklist (bundled, small)
//   useProviderCount()              how many providers the package holds (known at bundle time)
// Every load is cached for the page's life; a view shown again is ready at once (no loading state).
import { useMemo, useRef } from 'preact/hooks';
import { general } from '@/data';
import { providerCount } from '@/data/meta';
import { dataset as packaged } from '@/data/packaged';
import type { BrowseIndex } from '@/lib/dataset/browse-index';
import type { General } from '@/lib/dataset/general-schema';
import type { DatasetLoader } from '@/lib/dataset/loader';
import type { Provider } from '@/lib/dataset/schema';
import { useLoadable, type Loadable } from './loadable';

export type { Loadable };
export type ProviderLookup = (id: string) => Provider | undefined;

let loader: DatasetLoader = packaged;

/** Tests (and only tests) read the records from elsewhere (tests/setup.ts reads data/ from disk). */
export function setDatasetLoader(next: DatasetLoader): void {
  loader = next;
}

export const getProvider: ProviderLookup = (id) => loader.peekProvider(id);

export function getGeneral(): General {
  return general;
}

export function useGeneral(): General {
  return general;
}

export function useProviderCount(): number {
  return providerCount;
}

/** One provider's record; `null` loads nothing (and stays loading). */
export function useProvider(id: string | null): Loadable<Provider> {
  return useLoadable(id, () => loader.loadProvider(id!), () => (id === null ? undefined : loader.peekProvider(id)));
}

/**
 * Several records in the order asked. `missing: 'omit'` leaves out records not in the package (a
 * shortlist item whose provider left the dataset); otherwise a missing one is an error with a retry.
 */
export function useProviders(ids: readonly string[], opts: { missing?: 'throw' | 'omit' } = {}): Loadable<Provider[]> {
  const unique = [...new Set(ids)];
  const key = `${opts.missing ?? 'throw'}:${unique.join(',')}`;
  // The same array while the key is the same, so callers can memoise on it.
  const last = useRef<{ key: string; value: Provider[] } | null>(null);
  return useLoadable(
    key,
    () => loader.loadProviders(unique, opts).then((value) => (last.current = { key, value }).value),
    () => {
      if (last.current?.key === key) return last.current.value;
      const got = unique.map((id) => loader.peekProvider(id));
      if (!got.every((p) => p !== undefined)) return undefined;
      last.current = { key, value: got as Provider[] };
      return last.current.value;
    },
  );
}

/** A lookup over the records of `ids` (absent ones: undefined), once they are loaded. */
export function useProviderLookup(ids: readonly string[]): Loadable<ProviderLookup> {
  const records = useProviders(ids, { missing: 'omit' });
  const value = records.status === 'ready' ? records.value : null;
  const lookup = useMemo<ProviderLookup | null>(() => {
    if (!value) return null;
    const byId = new Map(value.map((p) => [p.id, p]));
    return (id) => byId.get(id);
  }, [value]);
  return lookup ? { status: 'ready', value: lookup } : (records as Loadable<never>);
}

/** The Browse index, loaded the first time Browse opens. */
export function useBrowseIndex(): Loadable<BrowseIndex> {
  return useLoadable('browse-index', () => loader.loadBrowseIndex(), () => loader.peekBrowseIndex());
}

/**
 * The records of the given shortlist items' providers, as a lookup (items whose provider left the dataset:
 * undefined). While a newly added item's record loads, the previous lookup stays in use, so an open list
 * never drops back to a loading state.
 */
export function useItemProviders(items: Iterable<{ providerId: string | null }>): Loadable<ProviderLookup> {
  const ids = new Set<string>();
  for (const item of items) if (item.providerId) ids.add(item.providerId);
  const loaded = useProviderLookup([...ids].sort());
  const last = useRef<ProviderLookup | null>(null);
  if (loaded.status === 'ready') last.current = loaded.value;
  if (loaded.status === 'loading' && last.current) {
    const previous = last.current;
    return { status: 'ready', value: (id) => previous(id) ?? getProvider(id) };
  }
  return loaded;
}
