// The page reader (lib/extract/reader.ts, run from its source text as executeScript runs it) on a
// happy-dom Document built from each fixture page, then the parser (lib/extract/parse.ts).
import { describe, expect, it } from 'vitest';
import { usStateOf } from '../../../lib/extract/parse';
import { extract, fixture, READ_AT, sources, values } from './read-page';

const EMPTY = { name: null, street: null, city: null, state: null, zip: null, telephone: null, url: null, openingHours: null, priceRange: null };
const prices = (e: ReturnType<typeof extract>) => e.prices.map((p) => [p.text, p.amount, p.high, p.sentence]);

describe('extract: clinic pages', () => {
  it('JSON-LD MedicalClinic: every field, read from JSON-LD, and the priced lines with their sentences', () => {
    const e = extract(fixture('jsonld-clinic.html'), 'https://aspenridge-ketamine.example/pricing');
    expect(e.page).toEqual({ url: 'https://aspenridge-ketamine.example/pricing', host: 'aspenridge-ketamine.example', origin: 'https://aspenridge-ketamine.example' });
    expect(e.readAt).toBe(READ_AT);
    expect(e.clinic.type).toBe('MedicalClinic');
    expect(values(e.clinic)).toEqual({
      name: 'Aspen Ridge Ketamine Clinic',
      street: '1200 Elm Court, Suite 4',
      city: 'Fort Collins',
      state: 'CO',
      zip: '80521',
      telephone: '+1 970-555-0142',
      url: 'https://aspenridge-ketamine.example/',
      openingHours: ['Monday, Tuesday, Wednesday, Thursday 08:00–17:00', 'Friday 08:00–12:00'],
      priceRange: '$$',
    });
    expect(new Set(Object.values(sources(e.clinic)))).toEqual(new Set(['json-ld']));
    expect(prices(e)).toEqual([
      ['$250', 250, null, 'Initial consultation: $250'],
      ['$495', 495, null, 'Single infusion (40 minutes): $495'],
      ['$2,700', 2700, null, 'Package of six infusions: $2,700.'],
    ]);
    // "$25 gift cards" is not near a treatment word.
    expect(e.prices.some((p) => p.amount === 25)).toBe(false);
    expect(e.prices[1]).toMatchObject({ keywords: ['infusion'], source: 'text' });
    expect(e.candidates).toEqual([]);
    expect(e.partial).toBe(false);
  });

  it('microdata MedicalBusiness with a nested PostalAddress; a state written out in full maps to its code', () => {
    const e = extract(fixture('microdata-clinic.html'), 'https://bluewater-psych.example/contact');
    expect(values(e.clinic)).toEqual({
      name: 'Bluewater Psychiatry & Ketamine',
      street: '88 Harbor Street',
      city: 'Portland',
      state: 'Maine',
      zip: '04101',
      telephone: '+12075550178',
      url: 'https://bluewater-psych.example/',
      openingHours: ['Mo-Th 09:00-17:00', 'Fr 09:00-13:00'],
      priceRange: '$$$',
    });
    expect(new Set(Object.values(sources(e.clinic)))).toEqual(new Set(['microdata']));
    expect(usStateOf(e.clinic.state!.value)).toBe('ME');
    expect(prices(e)).toEqual([
      ['$10', 10, null, "With the manufacturer's savings programme, many patients pay as little as $10 per Spravato treatment."],
      ['$400–$450', 400, 450, 'A KAP session is $400–$450 depending on length.'],
    ]);
  });

  it('plain text only: name from og:site_name, phone from the one tel: number, prices from table rows; nothing else guessed', () => {
    const e = extract(fixture('text-only.html'), 'https://quietmesa.example/');
    expect(values(e.clinic)).toEqual({ ...EMPTY, name: 'Quiet Mesa Wellness', telephone: '+1-505-555-0111' });
    expect(sources(e.clinic)).toMatchObject({ name: 'og', telephone: 'tel-link', city: null });
    expect(prices(e)).toEqual([
      ['$275', 275, null, 'Medical evaluation | $275'],
      ['$450', 450, null, 'IV ketamine infusion | $450'],
      ['$425', 425, null, 'Booster infusion | $425'],
    ]);
    // "$0" (free consultation), parking and journals are not treatment prices.
    expect(e.prices.map((p) => p.amount)).not.toContain(0);
    expect(e.clinic.type).toBeNull();
  });

  it('several clinics on one page: each is a candidate; the first named one prefills; tel: links are not assigned to any', () => {
    const e = extract(fixture('several-clinics.html'), 'https://cedarpath.example/locations');
    expect(e.candidates.map((c) => [c.name?.value, c.city?.value, c.telephone?.value, c.type])).toEqual([
      ['Cedar Path Infusion Center — Austin', 'Austin', '512-555-0160', 'MedicalClinic'],
      ['Cedar Path Infusion Center — Dallas', 'Dallas', '214-555-0161', 'MedicalClinic'],
      ['Dana Example, MD', 'Houston', '713-555-0162', 'Physician'],
    ]);
    expect(e.clinic.name?.value).toBe('Cedar Path Infusion Center — Austin');
    expect(e.pagePhones).toEqual(['5125550160', '2145550161', '7135550162']);
  });

  it('several clinics: the one whose url is on the page being read is preferred', () => {
    const e = extract(fixture('several-clinics.html'), 'https://austin.cedarpath.example/');
    expect(e.clinic.city?.value).toBe('Austin');
    const dallasPage = fixture('several-clinics.html').replace('"telephone": "214-555-0161",', '"telephone": "214-555-0161", "url": "https://dallas.cedarpath.example/",');
    expect(extract(dallasPage, 'https://dallas.cedarpath.example/').clinic.city?.value).toBe('Dallas');
  });
});

describe('extract: pages shaped like real clinic sites (made-up text)', () => {
  it('WordPress with a Yoast @graph (WebPage/Organization, no clinic type): og name, one phone, FAQ prices; the cancellation fee is not a treatment price', () => {
    const e = extract(fixture('wordpress-yoast.html'), 'https://riverbendmind.example/ketamine-therapy/');
    expect(values(e.clinic)).toEqual({ ...EMPTY, name: 'Riverbend Mind Health', telephone: '+16155550123' });
    expect(prices(e)).toEqual([
      ['$10', 10, null, 'Spravato is often covered; with the savings program your copay may be as little as $10 per treatment.'],
      ['$400', 400, null, 'Each infusion is $400.'],
      ['$2,200', 2200, null, 'We also offer a six-infusion series for $2,200, paid up front.'],
    ]);
    // Dollar amounts inside <script> and <style> are never read.
    expect(e.prices.map((p) => p.amount)).not.toContain(1);
    expect(e.prices.map((p) => p.amount)).not.toContain(99);
    // The footer address is text, not structured data: left for the user, not guessed.
    expect(e.clinic.city).toBeNull();
  });

  it('Squarespace-style LocalBusiness with the address as one string: kept whole, not split', () => {
    const e = extract(fixture('squarespace-localbusiness.html'), 'https://www.juniperpath.example/pricing');
    expect(values(e.clinic)).toEqual({
      ...EMPTY,
      name: 'Juniper Path Psychedelic Therapy',
      street: '5 Willow Row Baltimore, MD, 21201 United States',
      telephone: '(410) 555-0155',
      url: 'https://www.juniperpath.example/',
    });
    expect(e.clinic.type).toBe('LocalBusiness');
    expect(prices(e).map((p) => p[0])).toEqual(['$200', '$250', '$400–$450', '$160']);
  });

  it('a site builder page with no structured data and no tel: link: the title as name, the phone in text not guessed', () => {
    const e = extract(fixture('builder-no-structured-data.html'), 'https://northernlights-ketamine.example/');
    expect(values(e.clinic)).toEqual({ ...EMPTY, name: 'Northern Lights Ketamine | Anchorage, Alaska' });
    expect(sources(e.clinic).name).toBe('title');
    expect(prices(e)).toEqual([
      ['$425', 425, null, 'Self-pay price per infusion: $425.'],
      ['$2,300', 2300, null, 'A series of six infusions is discounted to $2,300.'],
    ]);
  });

  it('an empty page gives an empty form, not an error', () => {
    const e = extract(fixture('empty.html'), 'https://nothing-here.example/');
    expect(values(e.clinic)).toEqual(EMPTY);
    expect(e.prices).toEqual([]);
  });
});

describe('extract: hostile and broken pages', () => {
  it('malformed JSON-LD blocks are skipped; wrong-typed values are ignored; the valid entity is read', () => {
    const e = extract(fixture('malformed-jsonld.html'), 'https://tidewater.example/');
    expect(e.clinic.name?.value).toBe('Tidewater Ketamine');
    expect(e.clinic.city?.value).toBe('Norfolk');
    expect(e.clinic.state?.value).toBe('VA');
    expect(e.clinic.zip).toBeNull(); // "not a zip"
    // The entity with an object as its name and a number as its address yields only its phone.
    expect(e.candidates.map((c) => values(c))).toContainEqual({ ...EMPTY, telephone: '757-555-0190' });
    // Nested @graph beyond the depth limit is not followed.
    expect(e.candidates.some((c) => c.name?.value === 'Too deep')).toBe(false);
    expect(prices(e)).toEqual([['$150', 150, null, 'Consultation fee: $150.']]);
  });

  it('script and HTML inside values come out as plain text, without the markup or code', () => {
    const e = extract(fixture('markup-in-values.html'), 'https://lantern.example/');
    expect(values(e.clinic)).toEqual({
      name: 'Lantern Ketamine Clinic',
      street: '9 Lamp Lane',
      city: 'Salem & Beverly',
      state: 'MA',
      zip: '01970',
      // The JSON-LD "telephone" was a link with a javascript: URL: refused; the microdata one is used.
      telephone: '978-555-0133',
      url: null,
      openingHours: ['Mo-Fr 09:00-17:00'],
      priceRange: '$$',
    });
    expect(sources(e.clinic)).toMatchObject({ name: 'json-ld', telephone: 'microdata' });
    const all = JSON.stringify(e);
    expect(all).not.toMatch(/<|>|alert|javascript|onerror|iframe|document\.title|\u0000|\u202e/i);
    // Hidden text and code are not read: only the visible prices.
    expect(prices(e)).toEqual([
      ['$480', 480, null, 'An infusion session is $480.'],
      ['$200', 200, null, 'Consultation: $200'],
    ]);
  });

  it('javascript:, data:, user-info and non-web URLs are refused; relative ones resolve against the page', () => {
    const e = extract(fixture('hostile-urls.html'), 'https://harborview.example/contact');
    const urls = Object.fromEntries(e.candidates.map((c) => [c.name?.value, c.url?.value ?? null]));
    expect(urls).toEqual({
      'Harborview Infusions': null,
      Userinfo: null,
      Relative: 'https://harborview.example/about',
      FTP: null,
    });
    expect(e.candidates.some((c) => c.name?.value === 'Data URL' && c.url)).toBe(false);
    // tel:javascript:… and a broken escape are not phone numbers; dialling parameters are dropped.
    expect(e.pagePhones).toEqual(['+1 (206) 555-0199']);
  });

  it('absurd prices ($0, $99,999,999, over $100,000) are dropped; a false range keeps its first amount', () => {
    const e = extract(fixture('absurd-prices.html'), 'https://summit.example/');
    expect(prices(e)).toEqual([
      ['$395.50', 395.5, null, 'A standard infusion costs $395.50.'],
      ['$1,200 - $3,000', 1200, 3000, 'Treatment plans range $1,200 - $3,000 for six sessions.'],
      ['$450', 450, null, 'Session length: $450 - 2 hours of monitoring included.'],
      ['$5000', 5000, null, 'A package of 12 sessions is $5000 to $400 off.'],
    ]);
  });
});
