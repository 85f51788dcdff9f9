// The compact Browse index: for each provider, only the fields Browse, search, filters, sorts and "near me"
// read (lib/browse/*), plus the confirmed city coordinates placed at build time. Built at bundle time
// (wxt.config.ts emits it as data/browse-index.json); the panel loads it when Browse first opens.
// Pure. tests/unit/dataset/browse-index.test.ts checks the field list against what lib/browse reads.
import type { Location, Price, Provider, UsState } from './schema';

/** One confirmed location placed at build time; `index` points into the record's `locations`. */
export interface IndexPlace {
  lat: number;
  lon: number;
  index: number;
}

/** What Browse reads of a provider: a structural subset of Provider, so lib/browse takes either. */
export interface BrowseEntry {
  id: string;
  name: string;
  aka: string[];
  kind: Provider['kind'];
  status: Pick<Provider['status'], 'state' | 'since'>;
  modalities: Pick<Provider['modalities'], 'value'>;
  conditions: Pick<Provider['conditions'], 'value' | 'other'>;
  delivery: Pick<Provider['delivery'], 'value'>;
  locations: Array<Pick<Location, 'city' | 'state' | 'confirmed'> & { label?: string }>;
  statesServed?: { value: UsState[] | null };
  prices: Array<Pick<Price, 'kind' | 'low' | 'high'>>;
  insurance: Pick<Provider['insurance'], 'accepted'>;
  financing: Pick<Provider['financing'], 'hsaFsa'>;
}

export interface BrowseIndex {
  /** Bumped when the entry shape changes. */
  version: 1;
  /** Sorted by name, like the dataset. */
  entries: BrowseEntry[];
  /** Confirmed, placed locations by provider id; providers without one are absent. */
  places: Record<string, IndexPlace[]>;
}

export const BROWSE_INDEX_VERSION = 1;

/** The Browse fields of one record; optional fields absent in the record stay absent. */
export function toBrowseEntry(p: Provider): BrowseEntry {
  const e: BrowseEntry = {
    id: p.id,
    name: p.name,
    aka: p.aka,
    kind: p.kind,
    status: { state: p.status.state, since: p.status.since },
    modalities: { value: p.modalities.value },
    conditions: { value: p.conditions.value, other: p.conditions.other },
    delivery: { value: p.delivery.value },
    locations: p.locations.map((l) => ({
      city: l.city,
      state: l.state,
      confirmed: l.confirmed,
      ...(l.label !== undefined ? { label: l.label } : {}),
    })),
    prices: p.prices.map((x) => ({ kind: x.kind, low: x.low, high: x.high })),
    insurance: { accepted: p.insurance.accepted },
    financing: { hsaFsa: p.financing.hsaFsa },
  };
  if (p.statesServed) e.statesServed = { value: p.statesServed.value };
  return e;
}

export function buildBrowseIndex(
  providers: readonly Provider[],
  placed: readonly { providerId: string; index: number; lat: number; lon: number }[] = [],
): BrowseIndex {
  const entries = [...providers].sort((a, b) => a.name.localeCompare(b.name)).map(toBrowseEntry);
  const places: Record<string, IndexPlace[]> = {};
  for (const p of placed) (places[p.providerId] ??= []).push({ lat: p.lat, lon: p.lon, index: p.index });
  return { version: BROWSE_INDEX_VERSION, entries, places };
}

/** The confirmed places of a provider, for the distance sort (`SortContext.placesOf`). */
export function placesFrom(index: Pick<BrowseIndex, 'places'>): (providerId: string) => readonly IndexPlace[] {
  return (id) => index.places[id] ?? [];
}
