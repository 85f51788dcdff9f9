import { describe, expect, it } from 'vitest';
import {
  checkListName,
  EMPTY_CUSTOM_CLINIC,
  normaliseWebsite,
  parsePrice,
  PRICE_MAX,
  validateCustomClinic,
} from '../../../lib/shortlist/input';
import { CustomClinic, LIST_NAME_MAX, NOTES_MAX, ShortlistItem } from '../../../lib/shortlist/schema';

describe('parsePrice', () => {
  it('reads dollars as people type them', () => {
    expect(parsePrice('')).toEqual({ ok: true, value: null });
    expect(parsePrice('  ')).toEqual({ ok: true, value: null });
    expect(parsePrice('450')).toEqual({ ok: true, value: 450 });
    expect(parsePrice('$450')).toEqual({ ok: true, value: 450 });
    expect(parsePrice('$ 1,200')).toEqual({ ok: true, value: 1200 });
    expect(parsePrice('450.50')).toEqual({ ok: true, value: 450.5 });
    expect(parsePrice('450 dollars')).toEqual({ ok: true, value: 450 });
    expect(parsePrice('300 USD')).toEqual({ ok: true, value: 300 });
  });

  it('says what is wrong with anything else', () => {
    expect(parsePrice('-5')).toEqual({ ok: false, message: "A price can't be negative." });
    expect(parsePrice('about 400')).toMatchObject({ ok: false, message: /like 450 or 450.50/ });
    expect(parsePrice('4.505')).toMatchObject({ ok: false });
    expect(parsePrice(String(PRICE_MAX + 1))).toMatchObject({ ok: false, message: /more than \$100,000/ });
    expect(parsePrice(String(PRICE_MAX))).toEqual({ ok: true, value: PRICE_MAX });
  });
});

describe('checkListName', () => {
  it('trims, refuses empty names and names over the schema limit', () => {
    expect(checkListName('  Denver  ')).toEqual({ ok: true, value: 'Denver' });
    expect(checkListName('   ')).toEqual({ ok: false, message: 'Enter a name for the list.' });
    expect(checkListName('x'.repeat(LIST_NAME_MAX))).toEqual({ ok: true, value: 'x'.repeat(LIST_NAME_MAX) });
    expect(checkListName('x'.repeat(LIST_NAME_MAX + 1))).toMatchObject({ ok: false, message: /200 characters or fewer \(it has 201\)/ });
  });
});

describe('normaliseWebsite', () => {
  it('adds https:// to a bare address and keeps http(s) ones', () => {
    expect(normaliseWebsite('')).toEqual({ ok: true, value: null });
    expect(normaliseWebsite('example.com/x')).toEqual({ ok: true, value: 'https://example.com/x' });
    expect(normaliseWebsite('http://example.com')).toEqual({ ok: true, value: 'http://example.com/' });
  });

  it('refuses other schemes and things that are not addresses', () => {
    expect(normaliseWebsite('javascript:alert(1)')).toMatchObject({ ok: false, message: /http:\/\/ or https:\/\// });
    expect(normaliseWebsite('ftp://example.com')).toMatchObject({ ok: false });
    expect(normaliseWebsite('localhost')).toMatchObject({ ok: false });
    expect(normaliseWebsite('my clinic.com')).toMatchObject({ ok: false });
  });
});

describe('validateCustomClinic', () => {
  const base = { ...EMPTY_CUSTOM_CLINIC, name: 'Front Range Wellness' };

  it('returns what to save, which the schema accepts', () => {
    const r = validateCustomClinic({ ...base, website: 'frontrange.example', city: ' Denver ', state: 'CO', perSession: '$450', notes: 'Called.' });
    expect(r).toEqual({
      ok: true,
      value: {
        custom: { name: 'Front Range Wellness', website: 'https://frontrange.example/', city: 'Denver', state: 'CO' },
        quote: { consultation: null, perSession: 450, note: '' },
        notes: 'Called.',
      },
    });
    if (!r.ok) throw new Error('expected ok');
    expect(CustomClinic.safeParse(r.value.custom).success).toBe(true);
    expect(ShortlistItem.shape.notes.safeParse(r.value.notes).success).toBe(true);
  });

  it('no quote without a price; empty city and state are null', () => {
    expect(validateCustomClinic(base)).toEqual({
      ok: true,
      value: { custom: { name: 'Front Range Wellness', website: null, city: null, state: null }, quote: null, notes: '' },
    });
  });

  it('names every field that is wrong, in the user’s words', () => {
    const r = validateCustomClinic({ ...EMPTY_CUSTOM_CLINIC, website: 'mailto:x@y.z', city: 'c'.repeat(101), state: 'ZZ', consultation: 'free', perSession: '-1', notes: 'n'.repeat(NOTES_MAX + 1) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['city', 'consultation', 'name', 'notes', 'perSession', 'state', 'website']);
    expect(r.errors.name).toBe("Enter the clinic's name.");
    expect(r.errors.state).toBe('Choose a state from the list, or leave it empty.');
  });
});
