import { describe, expect, it } from 'vitest';
import { distanceMiles, formatMiles } from '../../../lib/geo/distance';
import { normaliseZip } from '../../../lib/geo/zip';
import { decodeZipTable, encodeZipTable } from '../../../lib/geo/zip-codec';
import { loadZipLookup } from '../../../data/geo';
import { buildBrowseIndex, placesFrom } from '../../../lib/dataset/browse-index';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import type { Provider } from '../../../lib/dataset/schema';
import { placeLocations } from '../../../scripts/geo-data';

// The confirmed places as the panel gets them: in the Browse index, built at bundle time.
const providers = readProviderFiles().map((f) => f.data as Provider);
const placedLocations = placesFrom(buildBrowseIndex(providers, placeLocations(providers)));

describe('zip table codec', () => {
  it('round-trips points, including leading-zero ZIPs and state changes', () => {
    const pts = [
      { zip: '00501', lat: 40.81, lon: -73.04, state: 'NY' },
      { zip: '80302', lat: 40.02, lon: -105.29, state: 'CO' },
      { zip: '80303', lat: 39.99, lon: -105.23, state: 'CO' },
      { zip: '99950', lat: 55.34, lon: -131.65, state: 'AK' },
    ];
    const back = decodeZipTable(encodeZipTable(pts));
    for (const p of pts) expect(back.get(p.zip)).toEqual({ lat: p.lat, lon: p.lon, state: p.state });
  });
});

describe('distance', () => {
  it('is about 25 miles from Boulder to Denver and zero to itself', () => {
    const boulder = { lat: 40.015, lon: -105.27 };
    const denver = { lat: 39.7392, lon: -104.9903 };
    expect(distanceMiles(boulder, denver)).toBeGreaterThan(22);
    expect(distanceMiles(boulder, denver)).toBeLessThan(28);
    expect(distanceMiles(boulder, boulder)).toBe(0);
    expect(formatMiles(0.2)).toBe('1 mi');
    expect(formatMiles(1240.4)).toBe('1,240 mi');
  });

  it('accepts 5-digit and ZIP+4 codes only', () => {
    expect(normaliseZip(' 80302 ')).toBe('80302');
    expect(normaliseZip('80302-1234')).toBe('80302');
    for (const bad of ['8030', '803021', 'abcde', '', '80302-12']) expect(normaliseZip(bad)).toBeNull();
  });
});

describe('bundled geography', () => {
  it('knows real ZIP codes and their states', async () => {
    const zips = await loadZipLookup();
    expect(zips.get('80302')).toMatchObject({ state: 'CO' });
    expect(zips.get('00000')).toBeUndefined();
  });

  it('places confirmed cities and never unconfirmed ones', () => {
    // Boulder Mind Care's city is inferred from its name only: not placed.
    expect(placedLocations('boulder-mind-care')).toEqual([]);
    // Mindpeace has three confirmed Virginia cities.
    expect(placedLocations('mindpeace-clinics').length).toBe(3);
  });
});
