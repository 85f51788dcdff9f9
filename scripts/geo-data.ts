// Build-time geography from the `zipcodes` package (BSD): the ZIP table the panel loads on demand,
// and each provider's confirmed cities placed at the centre of that city's ZIP codes.
// Unconfirmed locations are never placed.
//
// The package has bad rows (ZIP 10200 "New York, NY" has its longitude's sign flipped, which put a plain
// average of Manhattan's ZIPs on Long Island), so both uses are robust to outliers: a city's centre is
// the median of its ZIPs after dropping those far from it, and a ZIP far from the other ZIPs of its own
// city is left out of the table (a user typing it gets "ZIP not found" rather than a wrong distance).
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

interface ZipRow {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

/** Farther than this from the median of its city's ZIPs, a ZIP row is taken to be a data error. */
const OUTLIER_KM = 80;
/** A city needs this many ZIPs before its median says anything about one of them. */
const MIN_CITY_ZIPS = 3;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Equirectangular distance: plenty for "is this ZIP tens of kilometres away from its city". */
const roughKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const x = (b.lon - a.lon) * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(x, b.lat - a.lat) * 111.2;
};

/** The centre of a set of ZIP points with outliers dropped, or null when none is left. */
export function robustCentre(points: readonly { lat: number; lon: number }[]): { lat: number; lon: number; kept: number } | null {
  if (!points.length) return null;
  const med = { lat: median(points.map((p) => p.lat)), lon: median(points.map((p) => p.lon)) };
  const near = points.length < MIN_CITY_ZIPS ? points : points.filter((p) => roughKm(med, p) <= OUTLIER_KM);
  if (!near.length) return null;
  return { lat: median(near.map((p) => p.lat)), lon: median(near.map((p) => p.lon)), kept: near.length };
}

const allRows = () => Object.values((zipcodes as unknown as { codes: Record<string, ZipRow> }).codes);

/** ZIP rows of US states whose position contradicts the other ZIPs of the same city and state. */
export function outlierZips(): Set<string> {
  const byCity = new Map<string, ZipRow[]>();
  for (const r of allRows()) {
    if (r.country !== 'US' || !US_STATES.has(r.state)) continue;
    const key = `${r.city.toUpperCase()}|${r.state}`;
    byCity.set(key, [...(byCity.get(key) ?? []), r]);
  }
  const out = new Set<string>();
  for (const rows of byCity.values()) {
    if (rows.length < MIN_CITY_ZIPS) continue;
    const pts = rows.map((r) => ({ lat: r.latitude, lon: r.longitude }));
    const med = { lat: median(pts.map((p) => p.lat)), lon: median(pts.map((p) => p.lon)) };
    for (const r of rows) if (roughKm(med, { lat: r.latitude, lon: r.longitude }) > OUTLIER_KM) out.add(r.zip);
  }
  return out;
}

export function buildZipTable(): ZipTable {
  const outliers = outlierZips();
  const points = allRows()
    .filter((c) => c.country === 'US' && /^\d{5}$/.test(c.zip) && Number.isFinite(c.latitude) && US_STATES.has(c.state) && !outliers.has(c.zip))
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
      const centre = robustCentre(zips.map((z) => ({ lat: z.latitude, lon: z.longitude })));
      if (!centre) return;
      out.push({ providerId: p.id, index, lat: Math.round(centre.lat * 100) / 100, lon: Math.round(centre.lon * 100) / 100 });
    });
  }
  return out;
}
