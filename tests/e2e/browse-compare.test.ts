// Issue 7 in real Chromium: Browse (filters, results, opening a card) and Compare (selection shared through
// storage.session, stacked rows at 360 px, a real table when wide), keyboard only, with axe-core.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Provider } from '../../lib/dataset/schema';
import { loadProvider } from './data';
import { axeViolations } from './axe';
import { waitForText } from './wait';
import { launch, type Harness } from './harness';


// What the page exposes to these callbacks.
declare const chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };

const all: Provider[] = readdirSync(new URL('../../data/providers/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => loadProvider(f.replace(/\.json$/, '')));
const mindbloom = loadProvider('mindbloom');
const kcla = loadProvider('ketamine-clinics-los-angeles');
const kwc = loadProvider('ketamine-wellness-centers');

/** Shown by default with "at home": at-home or both, not closed, not a resource. */
const atHome = all
  .filter((p) => (p.delivery.value === 'at-home' || p.delivery.value === 'both') && p.status.state !== 'closed' && p.kind !== 'resource')
  .map((p) => p.name)
  .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));

interface Focused {
  tag: string;
  type: string | null;
  name: string;
  checked: boolean | null;
}

/** Presses `key` until the focused element matches, so every step is a real keyboard step. */
async function tabTo(page: Page, match: (f: Focused) => boolean, key = 'Tab', max = 400): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await page.evaluate((): Focused => {
      const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement>; checked?: boolean; type?: string };
      const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type'),
        name: label.replace(/\s+/g, ' ').trim(),
        checked: typeof el.checked === 'boolean' ? el.checked : null,
      };
    });
    if (match(f)) return f;
  }
  throw new Error(`pressed ${key} ${max} times without reaching the element`);
}

async function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
}



const resultNames = (page: Page) => page.locator('.results .result__name').allInnerTexts();
/** Browse renders 100 results at a time: show them all before reading the whole list. */
async function showAll(page: Page) {
  const more = page.getByRole('button', { name: 'Show all' });
  if (await more.count()) await more.click();
}
const selection = (page: Page) => page.evaluate(async () => (await chrome.storage.session.get('compareSelection')).compareSelection);
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('browse and compare in real Chromium', () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => h?.close());

  it('keyboard only: filter to at-home providers, tick one to compare, open its card, add another and compare', async () => {
    assert.ok(atHome.includes(mindbloom.name) && !atHome.includes(kcla.name));
    const panel = await h.openPanel(null, { hash: '#/browse' });
    await panel.getByRole('heading', { level: 2, name: 'Browse providers' }).waitFor();

    // Filters: open the group, then choose "At home" with the arrow keys.
    await tabTo(panel, (f) => f.tag === 'summary');
    await panel.keyboard.press('Enter');
    await tabTo(panel, (f) => f.type === 'radio');
    assert.match(await focusOutline(panel), /^solid [1-9]/, 'keyboard focus is visible');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    assert.equal(await panel.getByRole('radio', { name: 'At home' }).isChecked(), true);

    const count = await waitForText(panel, '.browse__count', `${atHome.length} ${atHome.length === 1 ? 'provider matches' : 'providers match'}`);
    assert.match(count, new RegExp(`of ${all.length}\\)`));
    assert.equal(await panel.locator('.browse__count').getAttribute('aria-live'), 'polite');
    await showAll(panel);
    assert.deepEqual(await resultNames(panel), atHome);
    assert.ok(await noSideScroll(panel), 'readable at 360 px without sideways scrolling');

    // Tick Mindbloom for comparison, then open its card.
    const box = await tabTo(panel, (f) => f.type === 'checkbox' && f.name === `Compare ${mindbloom.name}`);
    assert.equal(box.checked, false);
    await panel.keyboard.press('Space');
    await panel.getByRole('checkbox', { name: `Compare ${mindbloom.name}` }).and(panel.locator(':checked')).waitFor();
    assert.deepEqual(await selection(panel), ['mindbloom']);
    await tabTo(panel, (f) => f.tag === 'a' && f.name === mindbloom.name, 'Shift+Tab');
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { level: 2, name: mindbloom.name }).waitFor();
    assert.equal(new URL(panel.url()).hash, '#/provider/mindbloom');

    // Back to Browse through the nav; the search is as it was left.
    await tabTo(panel, (f) => f.tag === 'a' && f.name === 'Browse', 'Shift+Tab');
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { level: 2, name: 'Browse providers' }).waitFor();
    assert.equal(await panel.getByRole('radio', { name: 'At home' }).isChecked(), true);

    // Search for the in-clinic provider and put "where" back to "Any".
    await tabTo(panel, (f) => f.tag === 'input' && f.type === 'search');
    await panel.keyboard.type('Los Angeles');
    await tabTo(panel, (f) => f.type === 'radio');
    await panel.keyboard.press('ArrowUp');
    await panel.keyboard.press('ArrowUp');
    assert.equal(await panel.getByRole('radio', { name: 'Any' }).isChecked(), true);
    await waitForText(panel, '.results', kcla.name);
    await tabTo(panel, (f) => f.type === 'checkbox' && f.name === `Compare ${kcla.name}`);
    await panel.keyboard.press('Space');
    await waitForText(panel, '.compare-bar', 'Comparing 2 of 4');
    assert.deepEqual(await selection(panel), ['mindbloom', 'ketamine-clinics-los-angeles']);

    await tabTo(panel, (f) => f.tag === 'button' && f.name === 'Compare 2 providers', 'Shift+Tab');
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { level: 2, name: 'Compare providers' }).waitFor();

    // 360 px: one block per attribute, the provider names inside it.
    const where = panel.getByRole('region', { name: /^In clinic or at home/ });
    await where.waitFor();
    assert.equal(await panel.locator('table').count(), 0);
    assert.deepEqual(await where.locator('dt').allInnerTexts(), [mindbloom.name, kcla.name]);
    assert.deepEqual(await where.locator('dd').allInnerTexts(), ['At home', 'In clinic']);
    assert.match((await where.locator('h3').textContent()) ?? '', /Differs/);
    for (const row of ['Consultation price', 'Price per session', 'Packages', 'Other prices']) {
      assert.match(await panel.getByRole('region', { name: new RegExp(`^${row}`) }).innerText(), /Estimate — confirm with the clinic\./);
    }
    assert.equal(new URL(panel.url()).hash, '#/compare/mindbloom,ketamine-clinics-los-angeles');
    assert.ok(await noSideScroll(panel), 'the comparison fits 360 px');
    await panel.close();
  });

  it('a compare link joins the shared selection; wide view is a table with headers, closed labelled, differences marked', async () => {
    const page = await h.openPanel(null, { width: 1100, hash: `#/compare/${kwc.id}` });
    const table = page.getByRole('table');
    await table.waitFor();
    // The selection from the first test (same browser session) plus the link's provider.
    assert.deepEqual(await selection(page), ['mindbloom', 'ketamine-clinics-los-angeles', kwc.id]);

    const cols = table.locator('thead th[scope="col"]');
    assert.deepEqual((await cols.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()), [
      'Compared',
      mindbloom.name,
      kcla.name,
      `${kwc.name} Closed since 10 Mar 2023`,
    ]);
    const row = (label: string) => table.locator('tbody tr').filter({ has: page.locator(`th[scope="row"]`, { hasText: new RegExp(`^${label}`) }) });
    assert.deepEqual(await row('In clinic or at home').locator('td').allInnerTexts(), ['At home', 'In clinic', 'In clinic']);
    assert.match((await row('In clinic or at home').locator('th').textContent()) ?? '', /Differs/);
    assert.match((await row('Status').locator('th').textContent()) ?? '', /Differs/);
    // Marked only where the known values differ (review dates follow the data).
    const sameReview = new Set([mindbloom, kcla, kwc].map((p) => p.lastReviewed)).size === 1;
    assert.equal(/Differs/.test((await row('Facts last reviewed').locator('th').textContent()) ?? ''), !sameReview);
    // Unknowns read "Unknown".
    assert.equal((await row('CareCredit').locator('td').allInnerTexts()).filter((t) => t === 'Unknown').length,
      [mindbloom, kcla, kwc].filter((p) => p.financing.careCredit === 'unknown').length);
    assert.match(await row('Price per session').locator('th').innerText(), /Estimate — confirm with the clinic\./);

    const notes = page.getByRole('region', { name: 'Worth knowing when comparing' });
    await notes.getByText(`${kwc.name} closed on 10 Mar 2023.`).waitFor();
    const priceNote = await notes.locator('li', { hasText: 'Lowest published price per session' }).innerText();
    assert.match(priceNote, new RegExp(`${mindbloom.name} \\(at home\\) from \\$\\d+; ${kcla.name} \\(in clinic\\) from \\$\\d+`));
    // Every note shows its sources.
    const noteItems = notes.locator('li.cmp-note');
    for (let i = 0; i < (await noteItems.count()); i++) {
      assert.ok((await noteItems.nth(i).locator('.sources').count()) > 0, `note ${i} has sources`);
    }

    assert.deepEqual(await axeViolations(page), [], 'axe: wide Compare view');
    await page.close();
  });

  it('axe-core finds no violations on Browse (filters open, closed shown) and on Compare at 360 px, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const browse = await h.openPanel(null, { hash: '#/browse', colorScheme });
      await browse.getByRole('heading', { level: 2, name: 'Browse providers' }).waitFor();
      await browse.locator('details.filters summary').click();
      await browse.getByRole('button', { name: 'Show closed providers' }).click();
      await showAll(browse);
      await browse.getByRole('heading', { level: 3, name: kwc.name }).waitFor();
      assert.match(await browse.locator('.result', { hasText: kwc.name }).innerText(), /Closed since 10 Mar 2023/);
      assert.deepEqual(await axeViolations(browse), [], `axe: Browse (${colorScheme})`);

      // A search that matches nothing: what to change, and a way to do it.
      await browse.getByLabel('Search', { exact: true }).fill('zzzz');
      await browse.getByRole('heading', { name: 'No providers match' }).waitFor();
      await browse.getByText(/Try removing the search “zzzz”/).waitFor();
      assert.deepEqual(await axeViolations(browse), [], `axe: Browse with no results (${colorScheme})`);
      await browse.getByRole('button', { name: 'Clear search and filters' }).click();
      await browse.close();

      const compare = await h.openPanel(null, { hash: '#/compare/', colorScheme });
      await compare.getByRole('region', { name: /^Status/ }).waitFor();
      assert.deepEqual(await axeViolations(compare), [], `axe: Compare at 360 px (${colorScheme})`);
      await compare.close();
    }
  });
});
