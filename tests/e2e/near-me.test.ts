// Issue 9 "Near me" in real Chromium: local clinics' own sites show their cards; in Browse the user sets a
// ZIP code, sorts "Nearest first", sees the nearest confirmed clinic with its straight-line distance, and the
// ZIP is still there after a reload (storage.local, key homeLocation). The ZIP table chunk loads only then.
// Issue 13: setting a ZIP sorts nearest first by itself and the sort is remembered (key browseSort); from ZIP
// 10001 the New York clinics are under 10 miles and come first.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Provider } from '../../lib/dataset/schema';
import { distanceMiles, formatMiles } from '../../lib/geo/distance';
import { decodeZipTable } from '../../lib/geo/zip-codec';
import { buildZipTable, placeLocations } from '../../scripts/geo-data';
import { expectedBadge, loadProvider } from './data';
import { launch, visit, type Harness } from './harness';

declare const chrome: { storage: { local: { get(k: string | null): Promise<Record<string, unknown>> } } };

/** Five local clinics and their own sites (each domain is in the provider's match rules). */
const LOCAL: Array<{ id: string; url: string }> = [
  { id: 'boulder-mind-care', url: 'https://www.bouldermindcare.com/' },
  { id: 'tranquility-ketamine', url: 'https://tranquilityketamine.com/' },
  { id: 'mindpeace-clinics', url: 'https://www.mindpeaceclinics.com/' },
  { id: 'ketamine-treatment-center-of-east-tennessee', url: 'https://www.ketamine-tn.com/' },
  { id: 'quench-wellness', url: 'https://www.quenchwellness.com/' },
];

const ZIP = '87102'; // Albuquerque, NM

const all: Provider[] = readdirSync(new URL('../../data/providers/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => loadProvider(f.replace(/\.json$/, '')));

/** The expected order's head, from the build-time placement (confirmed cities only) and the same ZIP table. */
function expectedNearest() {
  const home = decodeZipTable(buildZipTable()).get(ZIP);
  assert.ok(home, `${ZIP} is in the ZIP table`);
  assert.equal(home.state, 'NM');
  const shown = all.filter((p) => p.status.state !== 'closed' && p.kind !== 'resource');
  const placed = placeLocations(shown);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const ranked = shown
    .map((p) => {
      const mine = placed.filter((l) => l.providerId === p.id);
      const best = mine
        .map((l) => ({ miles: distanceMiles(home, l), location: p.locations[l.index]! }))
        .sort((a, b) => a.miles - b.miles)[0];
      return { p, best };
    })
    .filter((x) => x.best !== undefined)
    .sort((a, b) => a.best!.miles - b.best!.miles || collator.compare(a.p.name, b.p.name));
  const first = ranked[0]!;
  return { provider: first.p, miles: first.best!.miles, location: first.best!.location };
}

const resultNames = (page: Page) => page.locator('.results .result__name').allInnerTexts();
/** Every URL the browser requested (extension pages included), to see when the ZIP table chunk loads. */
const requested: string[] = [];
const zipChunkLoaded = () => requested.some((u) => /^chrome-extension:\/\/[^/]+\/chunks\/zip-table-[^/]*\.js$/.test(u));
const storedHome = (page: Page) => page.evaluate(async () => (await chrome.storage.local.get(null)) as Record<string, unknown>);

describe('near me in real Chromium', () => {
  let h: Harness;
  before(async () => {
    h = await launch();
    h.context.on('request', (r) => requested.push(r.url()));
  });
  after(async () => h?.close());

  for (const { id, url } of LOCAL) {
    it(`${id}: its own site shows its card`, async () => {
      const provider = loadProvider(id);
      assert.ok(provider.match.domains.some((d) => new URL(url).hostname.endsWith(d)), `${url} is one of ${id}'s domains`);
      const { page, tabId } = await visit(h, url);
      await h.waitForBadge(tabId, expectedBadge(provider));
      const panel = await h.openPanel(tabId);
      await panel.getByRole('heading', { level: 2, name: provider.name }).waitFor();
      assert.equal(zipChunkLoaded(), false, 'a card never loads the ZIP table');
      await panel.close();
      await page.close();
    });
  }

  it(`Browse: ZIP ${ZIP}, "Nearest first" puts the nearest Albuquerque clinic first with its distance; the ZIP survives a reload`, async () => {
    const expected = expectedNearest();
    assert.equal(expected.location.city, 'Albuquerque', `the nearest confirmed clinic to ${ZIP} is in Albuquerque`);
    assert.equal(expected.location.confirmed, true);
    const places = new Set(expected.provider.locations.map((l) => `${l.city}|${l.state}`));
    const distance = `about ${formatMiles(expected.miles)} (straight line)${places.size > 1 ? ` to ${expected.location.city}, NM` : ''}`;

    const panel = await h.openPanel(null, { hash: '#/browse' });
    await panel.getByRole('heading', { level: 2, name: 'Browse providers' }).waitFor();
    await panel.getByText('Kept on this device only.').waitFor();
    // Nothing set: no ZIP table, no distance sort.
    assert.equal(zipChunkLoaded(), false, 'the ZIP table is not loaded at start-up');
    assert.deepEqual(await storedHome(panel), {});
    assert.equal(await panel.getByRole('option', { name: 'Nearest first' }).count(), 0);

    // An invalid ZIP is explained.
    await panel.getByLabel('ZIP code').fill('8710');
    await panel.getByRole('button', { name: 'Use ZIP code' }).click();
    assert.equal(await panel.getByRole('alert').innerText(), 'A ZIP code is 5 digits, for example 80302.');

    await panel.getByLabel('ZIP code').fill(ZIP);
    await panel.getByLabel('ZIP code').press('Enter');
    await panel.getByText(`Near ZIP code ${ZIP} (New Mexico)`).waitFor();
    assert.equal(zipChunkLoaded(), true, 'the ZIP table loads once a ZIP is set');
    assert.equal(await panel.getByRole('alert').count(), 0);
    assert.deepEqual((await storedHome(panel)).homeLocation, { zip: ZIP, state: 'NM' });

    await panel.getByLabel('Sort by').selectOption({ label: 'Nearest first' });
    await panel.waitForFunction(
      (name) => document.querySelector('.results .result__name')?.textContent === name,
      expected.provider.name,
    );
    const first = panel.locator('.results .result').first();
    assert.equal(await first.locator('.result__near').innerText(), distance);
    // Providers without a confirmed location are last and say so (Browse shows 100 at a time).
    const more = panel.getByRole('button', { name: 'Show all' });
    if (await more.count()) await more.click();
    const last = panel.locator('.results .result').last();
    assert.match(await last.locator('.result__near').innerText(), /location not confirmed|no confirmed location|distance unknown|Serves NM|Not listed for NM|States served not published/);
    const names = await resultNames(panel);
    const abq = loadProvider('abq-ketamine'); // Albuquerque by name only: unconfirmed, never placed.
    if (names.includes(abq.name)) {
      const row = panel.locator('.results .result').filter({ has: panel.getByRole('heading', { name: abq.name, exact: true }) });
      assert.equal(await row.locator('.result__near').innerText(), 'location not confirmed');
      assert.ok(names.indexOf(abq.name) > names.indexOf(expected.provider.name));
    }

    await panel.reload();
    await panel.getByText(`Near ZIP code ${ZIP} (New Mexico)`).waitFor();
    assert.deepEqual((await storedHome(panel)).homeLocation, { zip: ZIP, state: 'NM' });
    await panel.getByLabel('Sort by').selectOption({ label: 'Nearest first' });
    await panel.waitForFunction(
      (name) => document.querySelector('.results .result__name')?.textContent === name,
      expected.provider.name,
    );
    assert.equal(await panel.locator('.results .result').first().locator('.result__near').innerText(), distance);

    // Nothing was fetched from the network for any of this.
    assert.deepEqual(h.server.requests.filter((r) => r.initiator.startsWith('chrome-extension://')), []);
    await panel.close();
  });

  it('ZIP 10001 (Midtown): setting it sorts nearest first by itself; every New York, NY clinic is under 10 miles and comes first; the sort is remembered', async () => {
    const home = decodeZipTable(buildZipTable()).get('10001')!;
    const shown = all.filter((p) => p.status.state !== 'closed' && p.kind !== 'resource');
    const placed = placeLocations(shown);
    // Providers placed in New York, NY (a confirmed location there, with a city centre).
    const nyc = shown.filter((p) => placed.some((l) => l.providerId === p.id && p.locations[l.index]!.city === 'New York' && p.locations[l.index]!.state === 'NY'));
    assert.ok(nyc.length >= 5, `${nyc.length} New York clinics are placed`);
    for (const p of nyc) {
      const miles = Math.min(...placed.filter((l) => l.providerId === p.id).map((l) => distanceMiles(home, l)));
      assert.ok(miles < 10, `${p.name} is ${miles} mi from 10001 in the data`);
    }

    const panel = await h.openPanel(null, { hash: '#/browse' });
    await panel.getByRole('heading', { level: 2, name: 'Browse providers' }).waitFor();
    const zip = panel.getByLabel('ZIP code');
    if (!(await zip.isVisible())) await panel.getByRole('button', { name: 'Change' }).click();
    await panel.getByLabel('ZIP code').fill('10001');
    await panel.getByRole('button', { name: 'Use ZIP code' }).click();
    await panel.getByText('Near ZIP code 10001 (New York)').waitFor();
    // No manual sort: "Nearest first" is chosen by setting the ZIP, and stored beside it.
    assert.equal(await panel.getByLabel('Sort by').inputValue(), 'nearest');
    await panel.waitForFunction((names) => {
      const first = Array.from(document.querySelectorAll('.results .result__name')).slice(0, names.length).map((e) => e.textContent);
      return names.every((n) => first.includes(n));
    }, nyc.map((p) => p.name));
    const rows = panel.locator('.results .result');
    for (let i = 0; i < nyc.length; i++) {
      const near = await rows.nth(i).locator('.result__near').innerText();
      const miles = Number(/about ([\d.]+) mi/.exec(near)?.[1]);
      assert.ok(miles < 10, `result ${i + 1} (${await rows.nth(i).locator('.result__name').innerText()}): ${near}`);
    }
    assert.equal((await storedHome(panel)).browseSort, 'nearest');

    // A new panel starts sorted nearest first.
    await panel.reload();
    await panel.getByText('Near ZIP code 10001 (New York)').waitFor();
    await panel.waitForFunction(() => (document.getElementById('browse-sort') as HTMLSelectElement | null)?.value === 'nearest');
    assert.ok(nyc.map((p) => p.name).includes(await rows.first().locator('.result__name').innerText()), 'a New York clinic is first after reopening');
    await panel.close();
  });
});
