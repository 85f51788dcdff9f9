// Build-time geography from the `zipcodes` package (BSD): the ZIP table the panel loads on demand,
// and each provider's confirmed cities placed at the centroid of that city's ZIP codes.
// Unconfirmed locations are never placed.
import zipcodes from 'zipcodes';
import type { Provider } from '../lib/dataset/schema';
import { encodeZipTable, type ZipTable } from '../lib/geo/zip-codec';

export interface PlacedLocation {
  providerId: string;
  /** Index into the provider's `locations`. */
  index: number;
  lat: number;
  lon: number;
}

const US_STATES = new Set(Object.keys((zipcodes as unknown as { states: { abbr: Record<string, string> } }).states.abbr));

export function buildZipTable(): ZipTable {
  const codes = (zipcodes as unknown as { codes: Record<string, { zip: string; latitude: number; longitude: number; state: string; country: string }> }).codes;
  const points = Object.values(codes)
    .filter((c) => c.country === 'US' && /^\d{5}$/.test(c.zip) && Number.isFinite(c.latitude) && US_STATES.has(c.state))
    .map((c) => ({ zip: c.zip, lat: c.latitude, lon: c.longitude, state: c.state }));
  return encodeZipTable(points);
}

/** The city as written may carry a neighbourhood in brackets, e.g. "Chicago (Hyde Park)". */
const cityName = (city: string) =>
  city
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^St\.?\s/, 'Saint ')
    .trim();

export function placeLocations(providers: readonly Provider[]): PlacedLocation[] {
  const out: PlacedLocation[] = [];
  for (const p of providers) {
    p.locations.forEach((l, index) => {
      if (!l.confirmed || !l.city) return;
      const zips = zipcodes.lookupByName(cityName(l.city), l.state);
      if (!zips.length) return;
      const lat = zips.reduce((s, z) => s + z.latitude, 0) / zips.length;
      const lon = zips.reduce((s, z) => s + z.longitude, 0) / zips.length;
      out.push({ providerId: p.id, index, lat: Math.round(lat * 100) / 100, lon: Math.round(lon * 100) / 100 });
    });
  }
  return out;
}
