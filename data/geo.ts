// Distances for "providers near me". The ZIP table (~300 KB) is a separate chunk, loaded only when
// the user sets a ZIP code — never by the background and never at panel start-up.
import placed from 'virtual:clinic-scout/placed-locations';
import type { LatLon } from '../lib/geo/distance';
import { decodeZipTable } from '../lib/geo/zip-codec';

export interface ZipLookup {
  get(zip: string): (LatLon & { state: string }) | undefined;
}

let table: Promise<ZipLookup> | null = null;

export function loadZipLookup(): Promise<ZipLookup> {
  table ??= import('virtual:clinic-scout/zip-table').then((m) => decodeZipTable(m.default));
  return table;
}

/** Confirmed city locations of each provider, placed at build time; unconfirmed ones are absent. */
const byProvider = new Map<string, Array<LatLon & { index: number }>>();
for (const p of placed) {
  const list = byProvider.get(p.providerId) ?? [];
  list.push({ lat: p.lat, lon: p.lon, index: p.index });
  byProvider.set(p.providerId, list);
}
export const placedLocations = (providerId: string) => byProvider.get(providerId) ?? [];
