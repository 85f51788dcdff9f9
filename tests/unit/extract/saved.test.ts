import { describe, expect, it } from 'vitest';
import { draftFrom, siteReadFor, SiteRead } from '../../../lib/extract/saved';
import { extract, fixture, READ_AT } from './read-page';

describe('draftFrom', () => {
  it('prefills what was read, with where it was read; the state becomes the form’s code', () => {
    const d = draftFrom(extract(fixture('microdata-clinic.html'), 'https://bluewater-psych.example/contact'));
    expect(d.values).toEqual({
      name: 'Bluewater Psychiatry & Ketamine',
      website: 'https://bluewater-psych.example/',
      street: '88 Harbor Street',
      city: 'Portland',
      state: 'ME',
      zip: '04101',
      phone: '+12075550178',
    });
    expect(d.read.state).toEqual({ value: 'ME', source: 'microdata' });
    expect(d.openingHours).toEqual(['Mo-Th 09:00-17:00', 'Fr 09:00-13:00']);
    expect(d.readAt).toBe(READ_AT);
  });

  it('nothing found stays empty; the website is the site that was read', () => {
    const d = draftFrom(extract(fixture('empty.html'), 'https://nothing-here.example/some/page'));
    expect(d.values).toEqual({ name: '', website: 'https://nothing-here.example/', street: '', city: '', state: '', zip: '', phone: '' });
    expect(d.read).toEqual({ website: { value: 'https://nothing-here.example/', source: 'page-url' } });
  });

  it('a state the form does not offer is left empty', () => {
    const e = extract(fixture('jsonld-clinic.html').replace('"addressRegion": "CO"', '"addressRegion": "Ontario"'), 'https://a.example/');
    expect(draftFrom(e).values.state).toBe('');
  });

  it('another candidate can be chosen', () => {
    const e = extract(fixture('several-clinics.html'), 'https://cedarpath.example/');
    expect(draftFrom(e, e.candidates[1]).values.city).toBe('Dallas');
  });
});

describe('siteReadFor', () => {
  it('keeps provenance for values saved as read, drops it for values the user changed, keeps chosen prices', () => {
    const d = draftFrom(extract(fixture('jsonld-clinic.html'), 'https://aspenridge-ketamine.example/pricing'));
    const r = siteReadFor(d, { ...d.values, city: 'Loveland', phone: '' }, d.prices.slice(1, 2));
    expect(r.fields).toEqual({
      name: { source: 'json-ld', at: READ_AT },
      website: { source: 'json-ld', at: READ_AT },
      street: { source: 'json-ld', at: READ_AT },
      state: { source: 'json-ld', at: READ_AT },
      zip: { source: 'json-ld', at: READ_AT },
    });
    expect(r.prices).toEqual([{ amount: 495, high: null, text: '$495', sentence: 'Single infusion (40 minutes): $495', at: READ_AT }]);
    expect(r).toMatchObject({ url: 'https://aspenridge-ketamine.example/pricing', host: 'aspenridge-ketamine.example', at: READ_AT });
    expect(SiteRead.parse(r)).toEqual(r);
  });

  it('the schema refuses a non-web page url', () => {
    const d = draftFrom(extract(fixture('empty.html'), 'https://x.example/'));
    expect(SiteRead.safeParse({ ...siteReadFor(d, d.values, []), url: 'javascript:alert(1)' }).success).toBe(false);
  });
});
