import { describe, expect, it } from 'vitest';
import { resultFacts, statusText, whereText } from '../../../lib/browse/summary';
import { closedProvider, makeProvider } from '../../fixtures/providers';
import type { Price, Provider } from '../../../lib/dataset/schema';

// Made-up providers (see tests/fixtures/providers.ts): never real facts.

const src = [{ url: 'https://example-clinic.com/prices', date: null }];

const session = (low: number | null, high: number | null, label = 'Session'): Price => ({
  kind: 'session', label, low, high, asOf: null, publishedBy: 'provider', sources: src,
});

const p = (id: string, overrides: Partial<Provider> = {}): Provider =>
  makeProvider({ id, name: id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()), ...overrides });

describe('result line', () => {
  it('gives kind, modalities, place and price; status only when not operating', () => {
    const f = resultFacts(p('a', { prices: [session(450, 550)] }));
    expect(f).toMatchObject({ kind: 'Clinic', status: null, modalities: 'IV infusion', where: 'Springfield, IL', price: 'from $450 per session' });
    const c = resultFacts(closedProvider());
    expect(c.status).toBe('Closed since 10 Mar 2023');
    expect(c.price).toBe('no published price');
  });

  it('says where: a few places, telehealth states, or that states are not published', () => {
    const loc = (city: string | null, state: 'TX' | 'CA') => ({ city, state, confirmed: true, sources: [] });
    expect(whereText(p('a', { locations: [loc('Austin', 'TX'), loc('Dallas', 'TX'), loc(null, 'CA')] }))).toBe(
      'Austin, TX; Dallas, TX and 1 more place',
    );
    expect(whereText(p('b', { locations: [], statesServed: { value: ['CA', 'TX'], sources: [] } }))).toBe('Telehealth in CA, TX');
    expect(whereText(p('c', { locations: [], statesServed: { value: null, sources: [] } }))).toBe('Telehealth (states not published)');
    expect(whereText(p('d', { locations: [] }))).toBe('Location not listed');
  });

  it('labels resources and unknown statuses', () => {
    expect(resultFacts(p('r', { kind: 'resource' })).isResource).toBe(true);
    expect(statusText(p('u', { status: { state: 'unknown', since: '2020', detail: 'x', sources: [] } }))).toBe('Status unknown');
  });
});
