// Made-up providers for the browse tests (see tests/fixtures/providers.ts): never real facts.
import type { Price, Provider } from '../../../lib/dataset/schema';
import { makeProvider } from '../../fixtures/providers';

const src = [{ url: 'https://example-clinic.com/prices', date: null }];

export const session = (low: number | null, high: number | null, label = 'Session'): Price => ({
  kind: 'session', label, low, high, asOf: null, publishedBy: 'provider', sources: src,
});
export const pkg = (low: number, sessions = 6): Price => ({
  kind: 'package', label: 'Package', low, high: low, sessions, asOf: null, publishedBy: 'provider', sources: src,
});

export const p = (id: string, overrides: Partial<Provider> = {}): Provider =>
  makeProvider({ id, name: id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()), ...overrides });
