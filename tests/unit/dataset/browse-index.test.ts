// The Browse index keeps exactly the fields Browse reads, and Browse gives the same answers on it as on
// the full records — checked on the real dataset, by recording every field lib/browse and the result row
// actually read.
import { render } from '@testing-library/preact';
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { BrowseResult } from '@/components/browse/BrowseResult';
import { nearNotes, type NearContext } from '../../../lib/browse/near-me';
import {
  activeFilters,
  DEFAULT_FILTERS,
  DEFAULT_STATUSES,
  filterProviders,
  hiddenCounts,
  relaxations,
  statesInData,
  STATUS_ORDER,
  type BrowseFilters,
} from '../../../lib/browse/filters';
import { STATE_NAME } from '../../../lib/browse/states';
import { SORT_OPTIONS, sortProviders } from '../../../lib/browse/sort';
import { resultFacts } from '../../../lib/browse/summary';
import { buildBrowseIndex, placesFrom, toBrowseEntry, type BrowseEntry } from '../../../lib/dataset/browse-index';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import { Condition, Modality, type Provider, type UsState } from '../../../lib/dataset/schema';
import { parseProviderFiles } from '../../../lib/dataset/validate';
import { placeLocations } from '../../../scripts/geo-data';
import { makeProvider } from '../../fixtures/providers';

const { providers } = parseProviderFiles(readProviderFiles());
const placed = placeLocations(providers);
const index = buildBrowseIndex(providers, placed);
const full = [...providers].sort((a, b) => a.name.localeCompare(b.name));
const placesOf = placesFrom(index);

/** Leaf paths ("status.state", "locations[].city") of every value in `values`. */
function leafPaths(values: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      out.add(`${path}[]`);
      for (const x of v) walk(x, `${path}[]`);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    } else out.add(path);
  };
  for (const v of values) walk(v, '');
  return leavesOnly(out);
}

/** Drops paths that are a prefix of a longer one ("status" when "status.state" is there). */
function leavesOnly(paths: Set<string>): Set<string> {
  const all = [...paths];
  return new Set(all.filter((p) => !all.some((q) => q !== p && (q.startsWith(`${p}.`) || q.startsWith(`${p}[]`)))));
}

/** Wraps records in proxies that note every field read (array elements as "[]"). */
function recorder() {
  const paths = new Set<string>();
  const wrap = <T,>(value: T, path: string): T => {
    if (value === null || typeof value !== 'object') return value;
    return new Proxy(value as object, {
      get(target, key, receiver) {
        const v: unknown = Reflect.get(target, key, receiver);
        if (typeof key === 'symbol') return v;
        if (Array.isArray(target)) {
          if (!/^\d+$/.test(key)) return v; // length, map, includes…
          paths.add(`${path}[]`);
          return wrap(v, `${path}[]`);
        }
        if (typeof v === 'function' && !Object.hasOwn(target, key)) return v;
        const p = path ? `${path}.${key}` : key;
        paths.add(p);
        return wrap(v, p);
      },
    }) as T;
  };
  return { paths, wrap };
}

const ORIGIN = { lat: 39.74, lon: -104.99 }; // a made-up user in Denver
const STATES = Object.keys(STATE_NAME) as UsState[];

/** Every filter on its own, each value of each, and a few combinations. */
function filterCases(): BrowseFilters[] {
  const f = (patch: Partial<BrowseFilters>): BrowseFilters => ({ ...DEFAULT_FILTERS, ...patch });
  return [
    f({}),
    ...['ketamine', 'new york', 'st', 'mind bloom', 'zzzz', 'dallas plano', 'clinic ketamine'].map((query) => f({ query })),
    ...STATES.flatMap((state) => [f({ state }), f({ state, includeUnknownStates: true })]),
    ...Modality.options.map((modality) => f({ modality })),
    ...Condition.options.map((condition) => f({ condition })),
    f({ delivery: 'in-clinic' }),
    f({ delivery: 'at-home' }),
    f({ insurance: true }),
    f({ hsaFsa: true }),
    f({ statuses: STATUS_ORDER }),
    f({ statuses: ['closed'] }),
    f({ includeResources: true }),
    f({ state: 'CA', modality: 'iv-infusion', insurance: true, statuses: DEFAULT_STATUSES }),
    f({ query: 'ketamine', state: 'TX', delivery: 'in-clinic', hsaFsa: true }),
    f({ condition: 'ptsd', state: 'NY', includeUnknownStates: true, statuses: STATUS_ORDER, includeResources: true }),
  ];
}

const contexts: NearContext[] = [{}, { homeState: 'CO' }, { origin: ORIGIN, homeState: 'CO', placesOf }, { origin: ORIGIN, placesOf }];

/** Everything Browse does with a list: filter, count, relax, sort, describe, show each result. */
function browse<P extends BrowseEntry>(list: readonly P[]) {
  const out: unknown[] = [statesInData(list)];
  for (const filters of filterCases()) {
    const hidden = hiddenCounts(list, filters);
    out.push(
      filterProviders(list, filters).map((p) => p.id),
      activeFilters(filters),
      relaxations(list, filters),
      { closed: hidden.closed, resources: hidden.resources, unknownStates: hidden.unknownStates.map((p) => p.id) },
    );
  }
  for (const ctx of contexts) {
    for (const sort of SORT_OPTIONS) out.push(sortProviders(list, sort, ctx).map((p) => p.id));
    for (const p of list) {
      out.push(nearNotes(p, ctx));
      for (const sort of SORT_OPTIONS) out.push(sort.key(p, ctx), sort.describe?.(p, ctx));
    }
  }
  for (const p of list) out.push(resultFacts(p));
  return out;
}

describe('the Browse index', () => {
  it('holds every provider, sorted by name, with its confirmed places', () => {
    expect(providers.length).toBeGreaterThan(100);
    expect(index.entries.map((e) => e.id)).toEqual(full.map((p) => p.id));
    for (const p of placed) expect(index.places[p.providerId]).toContainEqual({ lat: p.lat, lon: p.lon, index: p.index });
    expect(Object.values(index.places).flat()).toHaveLength(placed.length);
  });

  it('keeps exactly the fields Browse reads (lib/browse and the result row)', () => {
    const { paths, wrap } = recorder();
    // The real records, plus a made-up one with an "up to" session price (none in the data today).
    const upTo = makeProvider({
      id: 'made-up-upto',
      name: 'Made-up Up To Clinic',
      prices: [{ kind: 'session', label: 'Session', low: null, high: 300, asOf: null, publishedBy: 'provider', sources: [] }],
    });
    const wrapped = [...full, upTo].map((p) => wrap(p, ''));
    browse(wrapped);
    for (const p of wrapped) {
      const { unmount } = render(h(BrowseResult, { provider: p, compared: false, onToggleCompare: () => {}, near: nearNotes(p, contexts[2]!) }));
      unmount();
    }
    expect([...leafPaths(index.entries)].sort()).toEqual([...leavesOnly(paths)].sort());
  });

  it('gives the same results, counts, sorts and result lines as the full records', () => {
    expect(browse(index.entries)).toEqual(browse(full));
  });

  it('is much smaller than the records', () => {
    const entry = JSON.stringify(index).length;
    const records = JSON.stringify(providers).length;
    expect(entry).toBeLessThan(records / 5);
  });

  it('leaves optional fields out when the record has none', () => {
    const p = full.find((x) => x.statesServed === undefined)!;
    expect('statesServed' in toBrowseEntry(p)).toBe(false);
    const withLabel = full.find((x) => x.locations.some((l) => l.label));
    if (withLabel) expect(toBrowseEntry(withLabel).locations.some((l) => l.label)).toBe(true);
  });
});

// Provider stays assignable to BrowseEntry: lib/browse takes either.
const _typeCheck: BrowseEntry = full[0] as Provider;
void _typeCheck;

describe('sorting before filtering', () => {
  it('gives the same results as filtering before sorting (Browse sorts once, filters on every keystroke)', () => {
    for (const ctx of contexts) {
      for (const sort of SORT_OPTIONS) {
        const sorted = sortProviders(index.entries, sort, ctx);
        for (const filters of filterCases()) {
          expect(filterProviders(sorted, filters).map((p) => p.id)).toEqual(sortProviders(filterProviders(index.entries, filters), sort, ctx).map((p) => p.id));
        }
      }
    }
  });
});
