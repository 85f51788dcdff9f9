export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_MILES = 3958.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in miles (haversine). */
export function distanceMiles(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "4 mi", "35 mi", "1,240 mi" — straight-line, rounded; never more precise than the data. */
export function formatMiles(miles: number): string {
  return `${Math.max(1, Math.round(miles)).toLocaleString('en-US')} mi`;
}
