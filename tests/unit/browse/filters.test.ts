import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  DEFAULT_FILTERS,
  describeFilter,
  filterProviders,
  hiddenCounts,
  relaxations,
  statesInData,
  withoutFilter,
  type BrowseFilters,
} from '../../../lib/browse/filters';
import type { Provider } from '../../../lib/dataset/schema';
import { makeProvider } from '../../fixtures/providers';

// Made-up providers (see tests/fixtures/providers.ts): never real facts.
const p = (id: string, overrides: Partial<Provider> = {}): Provider =>
  makeProvider({ id, name: id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()), ...overrides });

const f = (patch: Partial<BrowseFilters> = {}): BrowseFilters => ({ ...DEFAULT_FILTERS, ...patch });
const ids = (list: { id: string }[]) => list.map((x) => x.id);
const statusOf = (state: 'operating' | 'closed' | 'acquired' | 'unknown') => ({ state, since: null, detail: 'Test.', sources: [] });

const open = p('open-clinic');
const closed = p('closed-chain', { status: statusOf('closed') });
const acquired = p('acquired-clinic', { status: statusOf('acquired') });
const unknown = p('unknown-clinic', { status: statusOf('unknown') });
const resource = p('society', { kind: 'resource', locations: [] });
const tele = p('tele-programme', {
  kind: 'telehealth-programme',
  locations: [],
  delivery: { value: 'at-home', sources: [] },
  statesServed: { value: ['TX', 'CA'], sources: [] },
});
const teleUnknown = p('tele-unlisted', {
  kind: 'telehealth-programme',
  locations: [],
  delivery: { value: 'at-home', sources: [] },
  statesServed: { value: null, sources: [] },
});
const both = p('both-clinic', { delivery: { value: 'both', sources: [] }, locations: [{ city: 'Austin', state: 'TX', confirmed: true, sources: [] }] });
const noDelivery = p('no-delivery', { delivery: { value: 'unknown', sources: [] } });
const all = [open, closed, acquired, unknown, resource, tele, teleUnknown, both, noDelivery];

describe('status and kind', () => {
  it('hides closed providers and information resources by default, and counts what it hides', () => {
    const shown = ids(filterProviders(all, f()));
    expect(shown).not.toContain('closed-chain');
    expect(shown).not.toContain('society');
    expect(shown).toEqual(expect.arrayContaining(['open-clinic', 'acquired-clinic', 'unknown-clinic']));
    expect(hiddenCounts(all, f())).toMatchObject({ closed: 1, resources: 1 });
  });

  it('shows closed providers when asked, and only the statuses ticked', () => {
    expect(ids(filterProviders(all, f({ statuses: ['closed'] })))).toEqual(['closed-chain']);
    expect(ids(filterProviders(all, f({ statuses: [...DEFAULT_FILTERS.statuses, 'closed'] })))).toContain('closed-chain');
    expect(hiddenCounts(all, f({ statuses: ['operating', 'closed'] })).closed).toBe(0);
    expect(filterProviders(all, f({ statuses: [] }))).toEqual([]);
  });

  it('includes resources only when asked', () => {
    expect(ids(filterProviders(all, f({ includeResources: true })))).toContain('society');
  });
});

describe('state', () => {
  it('matches clinic locations and telehealth statesServed', () => {
    expect(ids(filterProviders(all, f({ state: 'TX' })))).toEqual(['tele-programme', 'both-clinic']);
    expect(ids(filterProviders(all, f({ state: 'CA' })))).toEqual(['tele-programme']);
    expect(ids(filterProviders(all, f({ state: 'IL' })))).toEqual(expect.arrayContaining(['open-clinic', 'acquired-clinic']));
  });

  it('leaves out telehealth that does not publish its states, says so, and includes it on request', () => {
    expect(hiddenCounts(all, f({ state: 'TX' })).unknownStates.map((x) => x.id)).toEqual(['tele-unlisted']);
    expect(ids(filterProviders(all, f({ state: 'TX', includeUnknownStates: true })))).toContain('tele-unlisted');
    expect(hiddenCounts(all, f()).unknownStates).toEqual([]);
  });

  it('lists the states in the data, by name', () => {
    expect(statesInData(all)).toEqual(['CA', 'IL', 'TX']);
  });
});

describe('treatment and paying', () => {
  it('counts "both" for in clinic and for at home; unknown delivery for neither', () => {
    const home = ids(filterProviders(all, f({ delivery: 'at-home' })));
    expect(home).toEqual(['tele-programme', 'tele-unlisted', 'both-clinic']);
    const clinic = ids(filterProviders(all, f({ delivery: 'in-clinic' })));
    expect(clinic).toContain('both-clinic');
    expect(clinic).not.toContain('no-delivery');
    expect(clinic).not.toContain('tele-programme');
  });

  it('insurance accepted means yes or some; HSA/FSA means yes', () => {
    const ins = (accepted: 'yes' | 'no' | 'some' | 'unknown', id: string) =>
      p(id, { insurance: { ...open.insurance, accepted } });
    const list = [ins('yes', 'a'), ins('some', 'b'), ins('no', 'c'), ins('unknown', 'd')];
    expect(ids(filterProviders(list, f({ insurance: true })))).toEqual(['a', 'b']);
    const hsa = (hsaFsa: 'yes' | 'no' | 'unknown', id: string) => p(id, { financing: { ...open.financing, hsaFsa } });
    expect(ids(filterProviders([hsa('yes', 'a'), hsa('no', 'b'), hsa('unknown', 'c')], f({ hsaFsa: true })))).toEqual(['a']);
  });

  it('filters by form of ketamine and condition', () => {
    const spray = p('spray', { modalities: { value: ['esketamine-nasal'], sources: [] }, conditions: { value: ['ocd'], other: [], sources: [] } });
    expect(ids(filterProviders([open, spray], f({ modality: 'esketamine-nasal' })))).toEqual(['spray']);
    expect(ids(filterProviders([open, spray], f({ condition: 'ptsd' })))).toEqual(['open-clinic']);
  });
});

describe('suggestions when nothing matches', () => {
  it('names the filter whose removal brings results, most results first', () => {
    const filters = f({ state: 'CA', hsaFsa: true, delivery: 'in-clinic' });
    expect(filterProviders(all, filters)).toEqual([]);
    const r = relaxations(all, filters);
    // Every fixture accepts HSA/FSA, so removing that filter would not help and is not suggested.
    expect(r).toEqual([
      { key: 'state', count: filterProviders(all, withoutFilter(filters, 'state')).length },
      { key: 'delivery', count: 1 },
    ]);
    expect(r[0]!.count).toBeGreaterThan(1);
    expect(describeFilter(filters, 'state')).toBe('the state filter (California)');
  });

  it('knows which filters are in use and how to remove each', () => {
    const filters = f({ query: ' x ', state: 'TX', includeUnknownStates: true, statuses: ['closed'] });
    expect(activeFilters(filters)).toEqual(['query', 'state', 'statuses']);
    expect(withoutFilter(filters, 'state')).toMatchObject({ state: null, includeUnknownStates: false });
    expect(withoutFilter(filters, 'statuses').statuses).toEqual(DEFAULT_FILTERS.statuses);
    expect(activeFilters(DEFAULT_FILTERS)).toEqual([]);
  });
});
