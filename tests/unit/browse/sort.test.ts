import { describe, expect, it } from 'vitest';
import { lowestSessionPrice, sessionPriceText } from '../../../lib/browse/price';
import { SORT_BY_PRICE, SORT_OPTIONS, sortProviders, type SortOption } from '../../../lib/browse/sort';
import type { Price, Provider } from '../../../lib/dataset/schema';
import { makeProvider } from '../../fixtures/providers';

// Made-up providers (see tests/fixtures/providers.ts): never real facts.

const src = [{ url: 'https://example-clinic.com/prices', date: null }];

const session = (low: number | null, high: number | null, label = 'Session'): Price => ({
  kind: 'session', label, low, high, asOf: null, publishedBy: 'provider', sources: src,
});
const pkg = (low: number, sessions = 6): Price => ({
  kind: 'package', label: 'Package', low, high: low, sessions, asOf: null, publishedBy: 'provider', sources: src,
});

const p = (id: string, overrides: Partial<Provider> = {}): Provider =>
  makeProvider({ id, name: id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()), ...overrides });

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('lowest per-session price', () => {
  it('takes the lowest `low`, else `high`, of session prices only', () => {
    expect(lowestSessionPrice(p('a', { prices: [session(450, 550), session(400, null)] }))?.amount).toBe(400);
    const upTo = lowestSessionPrice(p('b', { prices: [session(null, 300)] }));
    expect(upTo).toMatchObject({ amount: 300, bound: 'up to' });
    expect(lowestSessionPrice(p('c', { prices: [pkg(100)] }))).toBeNull();
    expect(lowestSessionPrice(p('d', { prices: [session(null, null)] }))).toBeNull();
  });

  it('says plainly when no price is published', () => {
    expect(sessionPriceText(p('a', { prices: [session(450, 550)] }))).toBe('from $450 per session');
    expect(sessionPriceText(p('b', { prices: [session(null, 300)] }))).toBe('up to $300 per session');
    expect(sessionPriceText(p('c', { prices: [] }))).toBe('no published price');
    expect(sessionPriceText(p('d', { prices: [pkg(900)] }))).toBe('no published per-session price');
  });
});

describe('sorting', () => {
  const list = [
    p('zeta', { name: 'Zeta', prices: [] }),
    p('alpha', { name: 'alpha', prices: [session(600, 600)] }),
    p('mid', { name: 'Mid', prices: [session(null, 200)] }),
    p('pack', { name: 'Pack', prices: [pkg(50)] }),
    p('beta', { name: 'Beta', prices: [session(200, 300)] }),
  ];

  it('sorts by name, ignoring case', () => {
    expect(ids(sortProviders(list, 'name'))).toEqual(['alpha', 'beta', 'mid', 'pack', 'zeta']);
  });

  it('sorts by lowest session price; ties by name; unknown prices (and package-only) last, by name', () => {
    expect(ids(sortProviders(list, 'price'))).toEqual(['beta', 'mid', 'alpha', 'pack', 'zeta']);
    expect(SORT_BY_PRICE.unknownLabel).toBe('no published price');
  });

  it('does not change the input and falls back to the first option for an unknown id', () => {
    const copy = [...list];
    expect(ids(sortProviders(list, 'nope'))).toEqual(['alpha', 'beta', 'mid', 'pack', 'zeta']);
    expect(list).toEqual(copy);
  });

  it('takes new options such as distance without other changes', () => {
    const miles: Record<string, number> = { zeta: 3, beta: 10 };
    const distance: SortOption = {
      id: 'distance',
      label: 'Distance',
      key: (x, ctx) => ((ctx as { origin?: string }).origin ? (miles[x.id] ?? null) : null),
      unknownLabel: 'distance unknown',
      available: (ctx) => Boolean((ctx as { origin?: string }).origin),
    };
    const options = [...SORT_OPTIONS, distance];
    const ctx = { origin: '10001' } as object;
    expect(ids(sortProviders(list, 'distance', ctx, options))).toEqual(['zeta', 'beta', 'alpha', 'mid', 'pack']);
    expect(distance.available!({})).toBe(false);
  });
});
