// The filters and the search made once per change (filterTest, queryMatcher) decide exactly what the
// per-provider rules say, over the real index and many filter combinations.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filterProviders, filterTest, hiddenCounts, statesOf, type BrowseFilters, type FilterKey } from '../../../lib/browse/filters';
import { matchesQuery, normalise, queryMatcher, searchText } from '../../../lib/browse/search';
import { STATE_NAME, isUsState } from '../../../lib/browse/states';
import { buildBrowseIndex, type BrowseEntry } from '../../../lib/dataset/browse-index';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import { parseProviderFiles } from '../../../lib/dataset/validate';
import { placeLocations } from '../../../scripts/geo-data';

const providers = parseProviderFiles(readProviderFiles()).providers;
const entries: BrowseEntry[] = buildBrowseIndex(providers, placeLocations(providers)).entries;

/** The rule for one provider, written out plainly (what the compiled test must agree with). */
function plain(p: BrowseEntry, f: BrowseFilters, skip?: FilterKey): boolean {
  const { states, unknownTelehealth } = statesOf(p);
  const rules: Record<FilterKey, boolean> = {
    query: matchesQuery(p, f.query),
    state: f.state === null || states.has(f.state) || (f.includeUnknownStates && unknownTelehealth),
    modality: f.modality === null || p.modalities.value.includes(f.modality),
    condition: f.condition === null || p.conditions.value.includes(f.condition),
    delivery: f.delivery === 'any' || p.delivery.value === f.delivery || p.delivery.value === 'both',
    insurance: !f.insurance || p.insurance.accepted === 'yes' || p.insurance.accepted === 'some',
    hsaFsa: !f.hsaFsa || p.financing.hsaFsa === 'yes',
    statuses: f.statuses.includes(p.status.state),
    resources: f.includeResources || p.kind !== 'resource',
  };
  return (Object.keys(rules) as FilterKey[]).every((k) => k === skip || rules[k]);
}

const QUERIES = ['', '  ', 'ketamine', 'ket cl', 'CO', 'ny', 'spravato', 'Denver', 'zzz', "o'", 'É', 'la'];
const STATES = [null, 'CA', 'TX', 'NY', 'CO', 'FL'] as const;

describe('compiled filters', () => {
  it('filterTest and filterProviders agree with the plain rules for every combination tried', () => {
    let tried = 0;
    for (const query of QUERIES)
      for (const state of STATES)
        for (const [insurance, includeUnknownStates, includeResources] of [
          [false, false, false],
          [true, true, false],
          [false, true, true],
        ] as const) {
          const f: BrowseFilters = { ...DEFAULT_FILTERS, query, state, insurance, includeUnknownStates, includeResources, delivery: tried % 3 === 0 ? 'at-home' : 'any' };
          expect(filterProviders(entries, f).map((p) => p.id)).toEqual(entries.filter((p) => plain(p, f)).map((p) => p.id));
          const test = filterTest(f, 'state');
          for (const p of entries) expect(test(p)).toBe(plain(p, f, 'state'));
          tried++;
        }
    expect(tried).toBe(QUERIES.length * STATES.length * 3);
  });

  it('hiddenCounts counts what the plain rules hide', () => {
    const f: BrowseFilters = { ...DEFAULT_FILTERS, state: 'CA' };
    const h = hiddenCounts(entries, f);
    expect(h.closed).toBe(entries.filter((p) => p.status.state === 'closed' && plain(p, f, 'statuses')).length);
    expect(h.resources).toBe(entries.filter((p) => p.kind === 'resource' && plain(p, f, 'resources')).length);
    expect(h.unknownStates.map((p) => p.id)).toEqual(entries.filter((p) => statesOf(p).unknownTelehealth && plain(p, f, 'state')).map((p) => p.id));
  });

  it('statesOf is computed once per entry', () => {
    expect(statesOf(entries[0]!)).toBe(statesOf(entries[0]!));
  });

  it('queryMatcher: every word somewhere in the text; a state code means the state', () => {
    for (const q of QUERIES) {
      const m = queryMatcher(q);
      for (const p of entries) {
        const words = normalise(q).split(' ').filter(Boolean);
        const text = searchText(p);
        const expected = words.every((w) =>
          w.length === 2 && isUsState(w.toUpperCase()) ? statesOf(p).states.has(w.toUpperCase() as keyof typeof STATE_NAME) || text.includes(` ${w} `) : text.includes(w),
        );
        expect(m(p)).toBe(expected);
      }
    }
  });
});
