// City centres are built from the `zipcodes` package, whose rows are not all right: a single bad row
// once put Manhattan's centre on Long Island, so every "New York, NY" clinic read "about 50 mi" from
// ZIP 10001. These tests hold the build-time placement to where a user would put the city.
import { describe, expect, it } from 'vitest';
import zipcodes from 'zipcodes';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import type { Provider } from '../../../lib/dataset/schema';
import { distanceMiles } from '../../../lib/geo/distance';
import { decodeZipTable } from '../../../lib/geo/zip-codec';
import { buildZipTable, outlierZips, placeLocations, robustCentre } from '../../../scripts/geo-data';

const providers = readProviderFiles().map((f) => f.data as Provider);
const placed = placeLocations(providers);
const table = decodeZipTable(buildZipTable());
const outliers = outlierZips();

describe('city centres', () => {
  it('ignores a far-off bad row instead of averaging it in', () => {
    const city = [
      { lat: 40.75, lon: -73.99 },
      { lat: 40.76, lon: -73.98 },
      { lat: 40.74, lon: -74.0 },
      { lat: 40.77, lon: 73.95 }, // the sign-flipped row
    ];
    const c = robustCentre(city)!;
    expect(c.kept).toBe(3);
    expect(distanceMiles(c, { lat: 40.75, lon: -73.99 })).toBeLessThan(2);
  });

  it('places every New York, NY clinic within 10 miles of ZIP 10001 (Midtown)', () => {
    const home = table.get('10001')!;
    const nyc = placed.filter((pl) => {
      const l = providers.find((p) => p.id === pl.providerId)!.locations[pl.index]!;
      return l.state === 'NY' && /^New York\b/.test(l.city ?? '');
    });
    expect(nyc.length).toBeGreaterThan(0);
    for (const pl of nyc) expect(distanceMiles(home, pl), pl.providerId).toBeLessThan(10);
  });

  it('puts the centre of each of the dataset’s largest cities among that city’s own ZIP codes', () => {
    // "Largest" here: confirmed cities with 20 or more ZIP codes (New York, Los Angeles, Houston, Chicago…).
    const checked = new Set<string>();
    for (const pl of placed) {
      const l = providers.find((p) => p.id === pl.providerId)!.locations[pl.index]!;
      const zips = zipcodes.lookupByName(l.city!.replace(/\s*\(.*\)\s*$/, ''), l.state).filter((z) => !outliers.has(z.zip));
      if (zips.length < 20) continue;
      checked.add(`${l.city}, ${l.state}`);
      const nearest = Math.min(...zips.map((z) => distanceMiles(pl, { lat: z.latitude, lon: z.longitude })));
      expect(nearest, `${l.city}, ${l.state}`).toBeLessThan(3);
    }
    expect(checked.size).toBeGreaterThanOrEqual(3);
  });
});

describe('the ZIP table', () => {
  it('leaves out the sign-flipped row and keeps remote but real ZIPs', () => {
    expect(table.get('10200')).toBeUndefined();
    expect(table.get('96898')).toMatchObject({ state: 'HI' }); // Wake Island: east longitude, correctly
    expect(table.get('10001')).toMatchObject({ state: 'NY' });
  });
});
