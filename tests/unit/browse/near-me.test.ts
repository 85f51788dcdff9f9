import { describe, expect, it } from 'vitest';
import {
  distanceText,
  inState,
  nearestLocation,
  nearNotes,
  servesState,
  type NearContext,
  type PlacedPoint,
} from '../../../lib/browse/near-me';
import { SORT_BY_DISTANCE } from '../../../lib/browse/sort';
import { checkZip, ZIP_EMPTY, ZIP_INVALID } from '../../../lib/geo/zip';
import { resultFacts } from '../../../lib/browse/summary';
import { SORT_OPTIONS, sortProviders } from '../../../lib/browse/sort';
import type { Location, Provider } from '../../../lib/dataset/schema';
import { closedProvider, makeProvider } from '../../fixtures/providers';

// Made-up providers (tests/fixtures/providers.ts) at made-up places: never real facts.

const loc = (city: string | null, state: Location['state'], confirmed = true): Location => ({ city, state, confirmed, sources: [] });
const clinic = (id: string, locations: Location[], o: Partial<Provider> = {}) =>
  makeProvider({ id, name: id.replace(/\b\w/g, (c) => c.toUpperCase()), locations, ...o });
const telehealth = (id: string, served: Provider['statesServed']) =>
  makeProvider({ id, name: id, kind: 'telehealth-programme', delivery: { value: 'at-home', sources: [] }, locations: [], statesServed: served });

// Home at (40, -105); one degree of latitude is about 69 miles.
const home = { lat: 40, lon: -105 };
const places: Record<string, PlacedPoint[]> = {
  near: [{ lat: 40.1, lon: -105, index: 0 }],
  far: [{ lat: 41, lon: -105, index: 0 }],
  // A network: its second location is the nearest.
  network: [
    { lat: 45, lon: -105, index: 0 },
    { lat: 40.5, lon: -105, index: 1 },
  ],
  closed: [{ lat: 40.3, lon: -105, index: 0 }],
};
const ctx: NearContext = { origin: home, homeState: 'CO', placesOf: (id) => places[id] ?? [] };

const near = clinic('near', [loc('Springfield', 'CO')]);
const far = clinic('far', [loc('Shelbyville', 'CO')]);
const network = clinic('network', [loc('Ogdenville', 'WY'), loc('North Haverbrook', 'CO')]);
const closed = { ...closedProvider(), id: 'closed', name: 'Closed', locations: [loc('Capital City', 'CO')] };
// Boulder-Mind-Care-like: a city inferred from the name only, so never placed (placesOf returns nothing).
const unconfirmed = clinic('unconfirmed', [loc('Springfield', 'CO', false)]);
const areaOnly = clinic('area only', [{ ...loc(null, 'CO'), label: 'Front Range' }]);
const noLocation = clinic('nowhere', [], { kind: 'medication-programme' });
const serves = telehealth('serves', { value: ['CO', 'NM'], sources: [] });
const notListed = telehealth('not listed', { value: ['CA'], sources: [] });
const unpublished = telehealth('unpublished', { value: null, sources: [] });

const ids = (list: Provider[]) => list.map((p) => p.id);

describe('ZIP codes', () => {
  it('takes 5 digits (or ZIP+4) and explains anything else', () => {
    expect(checkZip(' 87102 ')).toEqual({ zip: '87102' });
    expect(checkZip('87102-1234')).toEqual({ zip: '87102' });
    expect(checkZip('')).toEqual({ error: ZIP_EMPTY });
    expect(checkZip('   ')).toEqual({ error: ZIP_EMPTY });
    for (const bad of ['8710', '871020', 'abcde', 'SW1A 1AA', '87102-12']) expect(checkZip(bad)).toEqual({ error: ZIP_INVALID });
  });
});

describe('distance sort', () => {
  const list = [unpublished, far, unconfirmed, network, near, closed, noLocation, serves, areaOnly];

  it('is "Nearest first" in the sort options, usable only with a ZIP', () => {
    expect(SORT_OPTIONS).toContain(SORT_BY_DISTANCE);
    expect(SORT_BY_DISTANCE.label).toBe('Nearest first');
    expect(SORT_BY_DISTANCE.available!({})).toBe(false);
    expect(SORT_BY_DISTANCE.available!({ homeState: 'CO' })).toBe(false);
    expect(SORT_BY_DISTANCE.available!(ctx)).toBe(true);
  });

  it('puts the nearest confirmed location first and everything without one last, by name', () => {
    expect(ids(sortProviders(list, SORT_BY_DISTANCE, ctx))).toEqual([
      'near', 'closed', 'network', 'far',
      // No placed location: by name.
      'area only', 'nowhere', 'serves', 'unconfirmed', 'unpublished',
    ]);
  });

  it('measures to the nearest placed location of a network, and says which', () => {
    const n = nearestLocation(network, ctx)!;
    expect(n.index).toBe(1);
    expect(n.miles).toBeGreaterThan(33);
    expect(n.miles).toBeLessThan(36);
    expect(distanceText(network, n)).toBe('about 35 mi (straight line) to North Haverbrook, CO');
    expect(distanceText(near, nearestLocation(near, ctx)!)).toBe('about 7 mi (straight line)');
  });

  it('never places an unconfirmed location, even in a known city', () => {
    expect(nearestLocation(unconfirmed, ctx)).toBeNull();
    expect(SORT_BY_DISTANCE.key(unconfirmed, ctx)).toBeNull();
    expect(nearNotes(unconfirmed, ctx)).toEqual([{ text: 'location not confirmed', tone: 'unknown' }]);
    expect(nearNotes(areaOnly, ctx)).toEqual([{ text: 'distance unknown (no confirmed city)', tone: 'unknown' }]);
    expect(nearNotes(noLocation, ctx)).toEqual([{ text: 'no confirmed location', tone: 'unknown' }]);
  });

  it('keeps a closed provider labelled closed, with its distance', () => {
    expect(nearNotes(closed, ctx)).toEqual([{ text: 'about 21 mi (straight line)', tone: 'plain' }]);
    expect(resultFacts(closed).status).toBe('Closed since 10 Mar 2023');
  });

  it('without a ZIP there are no distances', () => {
    expect(nearestLocation(near, { ...ctx, origin: null })).toBeNull();
    expect(SORT_BY_DISTANCE.key(near, { placesOf: ctx.placesOf })).toBeNull();
  });
});

describe('serves your state', () => {
  it('reads statesServed: listed, not listed, not published', () => {
    expect(servesState(serves, 'CO')).toBe('serves');
    expect(servesState(notListed, 'CO')).toBe('not-listed');
    expect(servesState(unpublished, 'CO')).toBe('not-published');
    // A telehealth programme with no statesServed at all has not published them either.
    expect(servesState({ ...serves, statesServed: undefined }, 'CO')).toBe('not-published');
    // A clinic says nothing about telehealth states.
    expect(servesState(near, 'CO')).toBeNull();
  });

  it('telehealth says whether it serves the state, and gets no distance', () => {
    expect(nearNotes(serves, ctx)).toEqual([{ text: 'Serves CO', tone: 'ok' }]);
    expect(nearNotes(notListed, ctx)).toEqual([{ text: 'Not listed for CO', tone: 'plain' }]);
    expect(nearNotes(unpublished, ctx)).toEqual([{ text: 'States served not published', tone: 'unknown' }]);
  });

  it('a clinic that also offers telehealth gets both', () => {
    const both = clinic('near', [loc('Springfield', 'CO')], {
      delivery: { value: 'both', sources: [] },
      statesServed: { value: ['CO'], sources: [] },
    });
    expect(nearNotes(both, ctx).map((n) => n.text)).toEqual(['about 7 mi (straight line)', 'Serves CO']);
  });

  it('with only a state: no distances, "In your state" for clinics there', () => {
    const stateOnly: NearContext = { homeState: 'CO', placesOf: ctx.placesOf };
    expect(inState(near, 'CO')).toBe('confirmed');
    expect(inState(unconfirmed, 'CO')).toBe('unconfirmed');
    expect(inState(near, 'NM')).toBeNull();
    expect(nearNotes(near, stateOnly)).toEqual([{ text: 'In your state', tone: 'ok' }]);
    expect(nearNotes(unconfirmed, stateOnly)).toEqual([{ text: 'In your state (location not confirmed)', tone: 'unknown' }]);
    expect(nearNotes(network, { ...stateOnly, homeState: 'NM' })).toEqual([]);
    expect(nearNotes(serves, { ...stateOnly, homeState: 'NM' })).toEqual([{ text: 'Serves NM', tone: 'ok' }]);
    expect(nearNotes(near, {})).toEqual([]);
  });
});
