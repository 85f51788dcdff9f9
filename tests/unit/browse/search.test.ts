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

describe('search by treatment, condition and state', () => {
  const ketamineOnly = p('iv', {
    name: 'Front Range Infusions',
    locations: [{ city: 'Boulder', state: 'CO', confirmed: true, sources: [] }],
    modalities: { value: ['iv-infusion'], sources: [] },
    conditions: { value: ['ptsd', 'depression'], other: ['Fibromyalgia pain'], sources: [] },
  });
  const esketamine = p('spray', {
    name: 'Hudson Valley Psychiatry',
    locations: [{ city: 'Kingston', state: 'NY', confirmed: true, sources: [] }],
    modalities: { value: ['esketamine-nasal'], sources: [] },
    conditions: { value: ['treatment-resistant-depression'], other: [], sources: [] },
  });
  const telehealth = p('tele', {
    name: 'Ketamine At Home',
    locations: [],
    statesServed: { value: ['CO', 'TX'], sources: [] },
    modalities: { value: ['oral-sublingual', 'ketamine-assisted-psychotherapy'], sources: [] },
    conditions: { value: ['anxiety'], other: [], sources: [] },
  });
  const la = p('la', {
    name: 'Ketamine Clinics LA',
    locations: [{ city: 'Los Angeles', state: 'CA', confirmed: true, sources: [] }],
    modalities: { value: ['im-injection'], sources: [] },
    conditions: { value: ['depression'], other: [], sources: [] },
  });
  const all = [ketamineOnly, esketamine, telehealth, la];
  const found = (q: string) => all.filter((x) => matchesQuery(x, q)).map((x) => x.id);

  it('"spravato" and "esketamine" find every provider offering esketamine', () => {
    expect(found('spravato')).toEqual(['spray']);
    expect(found('Esketamine')).toEqual(['spray']);
    expect(found('nasal spray')).toEqual(['spray']);
  });

  it('finds conditions by label, other conditions and common words', () => {
    expect(found('PTSD')).toEqual(['iv']);
    expect(found('post-traumatic')).toEqual(['iv']);
    expect(found('fibromyalgia')).toEqual(['iv']);
    expect(found('treatment resistant')).toEqual(['spray']);
    expect(found('anxiety')).toEqual(['tele']);
  });

  it('finds treatments by label and the words people use', () => {
    expect(found('IV infusion')).toEqual(['iv']);
    expect(found('KAP')).toEqual(['tele']);
    expect(found('psychotherapy')).toEqual(['tele']);
  });

  it('finds states by name or code, locations and states served alike', () => {
    expect(found('Colorado')).toEqual(['iv', 'tele']);
    expect(found('CO')).toEqual(['iv', 'tele']);
    expect(found('co')).toEqual(['iv', 'tele']);
    expect(found('new york')).toEqual(['spray']);
    expect(found('NY')).toEqual(['spray']);
    expect(found('texas')).toEqual(['tele']);
    // A code standing alone in a name still matches; as part of a longer word it does not.
    expect(found('LA')).toEqual(['la']);
    expect(found('ptsd colorado')).toEqual(['iv']);
    expect(found('ptsd texas')).toEqual([]);
  });
});
