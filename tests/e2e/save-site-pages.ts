// Made-up clinic sites for tests/e2e/save-site.test.ts, served by the fixture server under hostnames that
// are not in Clinic Scout's data. Names, phone numbers (555-01xx) and prices are invented.
import type { ServerResponse } from 'node:http';
import type { FixtureRoute } from './fixture-server';

export const UNLISTED_HOST = 'larkspur-ketamine.example';
export const OTHER_HOST = 'juniper-infusions.example';
export const SLOW_HOST = 'slow-clinic.example';
export const BIG_HOST = 'big-clinic.example';
/** Size of the big page's HTML. */
export const BIG_MB = Number(process.env.SAVE_SITE_BIG_MB ?? 20);

export const UNLISTED = {
  name: 'Larkspur Ketamine Clinic',
  phone: '(720) 555-0187',
  city: 'Larkspur',
  state: 'CO',
  price: '$475',
  priceSentence: 'Each IV ketamine infusion is $475.',
};

const html = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
};

const clinicPage = (): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>IV Ketamine | ${UNLISTED.name}</title>
<link rel="icon" href="data:,">
<meta property="og:site_name" content="Larkspur Ketamine">
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'MedicalClinic',
  name: UNLISTED.name,
  telephone: UNLISTED.phone,
  url: `https://${UNLISTED_HOST}/`,
  address: { '@type': 'PostalAddress', streetAddress: '14 Meadow Lane', addressLocality: UNLISTED.city, addressRegion: UNLISTED.state, postalCode: '80118' },
}).replace(/</g, '\\u003c')}</script>
</head><body>
<h1>${UNLISTED.name}</h1>
<p>Call <a href="tel:+17205550187">${UNLISTED.phone}</a> to book.</p>
<h2>Fees</h2>
<p>${UNLISTED.priceSentence} A first consultation is $150.</p>
<p>Parking is $3.</p>
</body></html>`;

const otherPage = (): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Juniper Infusions</title><link rel="icon" href="data:,">
<script type="application/ld+json">{"@type":"MedicalClinic","name":"Juniper Infusions","telephone":"303-555-0111"}</script></head>
<body><h1>Juniper Infusions</h1><p>Each infusion is $390.</p></body></html>`;

/** A page whose body never finishes arriving (the connection stays open until the server closes). */
const slowPage: FixtureRoute = (res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.write('<!doctype html><html><head><meta charset="utf-8"><title>Slow Clinic</title><link rel="icon" href="data:,"></head><body><h1>Slow Clinic</h1><p>Loading');
};

/** BIG_MB megabytes of HTML (a DOM of some 200,000 elements per 10 MB), with the clinic's facts at the start. */
const bigPage: FixtureRoute = (res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.write(`<!doctype html><html><head><meta charset="utf-8"><title>Big Clinic</title><link rel="icon" href="data:,">
<script type="application/ld+json">{"@type":"MedicalClinic","name":"Big Page Clinic","telephone":"303-555-0122","address":{"addressLocality":"Golden","addressRegion":"CO"}}</script>
</head><body><p>One infusion is $410.</p>`);
  const chunk = '<div class="row"><span>Lorem ipsum dolor sit amet, session $1 consectetur.</span><span itemprop="x">y</span></div>'.repeat(10_000);
  for (let i = 0; i < Math.ceil((BIG_MB * 1024 * 1024) / chunk.length); i++) res.write(chunk);
  res.end('</body></html>');
};

export const SAVE_SITE_ROUTES: Record<string, FixtureRoute> = {
  [UNLISTED_HOST]: (res) => html(res, clinicPage()),
  [OTHER_HOST]: (res) => html(res, otherPage()),
  [SLOW_HOST]: slowPage,
  [BIG_HOST]: bigPage,
};
