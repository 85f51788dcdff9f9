import { describe, expect, it } from 'vitest';
import { matchesQuery, normalise } from '../../../lib/browse/search';
import { makeProvider as p0 } from '../../fixtures/providers';

const p = (id: string, o: Parameters<typeof p0>[0]) => p0({ id, ...o });

const clinic = p('sample', {
  name: 'Saint Mary’s Ketamine Clinic',
  aka: ['SMKC'],
  locations: [
    { city: 'San José', state: 'CA', confirmed: true, sources: [] },
    { city: null, state: 'TX', label: 'Dallas / Plano area', confirmed: false, sources: [] },
  ],
});

describe('search', () => {
  it('matches the name, an aka, a city or an area label, ignoring case, accents and apostrophes', () => {
    for (const q of ['ketamine', 'KETAMINE clinic', 'smkc', 'san jose', 'San José', 'plano', 'marys', 'mary’s', 'saint  mary']) {
      expect(matchesQuery(clinic, q), q).toBe(true);
    }
  });

  it('needs every word to match; an empty query matches all', () => {
    expect(matchesQuery(clinic, 'ketamine boston')).toBe(false);
    expect(matchesQuery(clinic, '   ')).toBe(true);
  });

  it('does not search the state code or the summary', () => {
    expect(matchesQuery(clinic, 'springfield')).toBe(false);
  });

  it('normalises text', () => {
    expect(normalise('  Ketamine—Clinic’s  (LA) ')).toBe('ketamine clinics la');
  });
});
