import { describe, expect, it } from 'vitest';
import { mentionsState, placeText } from '../../../lib/browse/place';

describe('placeText', () => {
  it('names the state once, after the place name', () => {
    expect(placeText({ city: 'Denver', state: 'CO' })).toBe('Denver, CO');
    expect(placeText({ city: null, state: 'CO' })).toBe('CO');
    expect(placeText({ city: 'Los Angeles', state: 'CA', label: 'Los Angeles (current address not confirmed)' })).toBe(
      'Los Angeles, CA (current address not confirmed)',
    );
    expect(placeText({ city: null, state: 'TX', label: 'Dallas / Plano area' })).toBe('Dallas / Plano area, TX');
    expect(placeText({ city: 'Albuquerque', state: 'NM', label: 'Albuquerque, NM (inferred from the area code)' })).toBe(
      'Albuquerque, NM (inferred from the area code)',
    );
    expect(placeText({ city: 'Boston', state: 'MA', label: 'Greater Boston, Massachusetts' })).toBe('Greater Boston, Massachusetts');
  });

  it('matches a state code only as a word', () => {
    expect(mentionsState('Cary, NC', 'NC')).toBe(true);
    expect(mentionsState('NCity area', 'NC')).toBe(false);
  });
});
