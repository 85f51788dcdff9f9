// Distances for "providers near me". The ZIP table (~300 KB) is a separate chunk, loaded only when
// the user sets a ZIP code — never by the background and never at panel start-up. The providers' confirmed
// city coordinates travel in the Browse index (lib/dataset/browse-index.ts, `places`).
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
