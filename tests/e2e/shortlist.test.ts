// The shortlist in real Chromium: adding from a provider's card, notes that survive the browser being
// closed and started again with the same profile, and two windows seeing each other's changes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startFixtureServer } from './fixture-server';
import { launch, visit, type Harness } from './harness';

declare const chrome: { windows: { create(d: { url: string; type?: string }): Promise<{ id?: number }> } };

// Notes that have broken storage layers before: astral-plane emoji (surrogate pairs, ZWJ sequences, skin
// tones, flags), right-to-left scripts mixed with left-to-right text and digits, and a long note.
const EMOJI_NOTE = 'Called 📞 Tue 9:30 — consult $250 ✅ 👩🏽‍⚕️ Dr. Ana 🇺🇸 🧘‍♀️ IV ×6';
const RTL_NOTE = 'ملاحظة: الاستشارة يوم الثلاثاء 250$ — הערה: להתקשר שוב ב-10:00';
const FIRST_NOTE = `${EMOJI_NOTE}\n${RTL_NOTE}\nline three`;
/** Exactly 10,000 characters (code points), mixing scripts and emoji, with line breaks. */
const LONG_NOTE = Array.from('Session notes 🙂 שלום مرحبا 1234567890 — naïve café ✓\n'.repeat(300)).slice(0, 10_000).join('');

async function panelAt(h: Harness, hash: string): Promise<Page> {
  const page = await h.openPanel(null, { hash });
  return page;
}

/** A real second browser window showing the panel page (not just another tab). */
async function panelInNewWindow(h: Harness, hash: string): Promise<Page> {
  const url = `chrome-extension://${h.extensionId}/sidepanel.html${hash}`;
  const sw = await h.worker();
  const opened = h.context.waitForEvent('page', (p) => p.url().startsWith(url.split('#')[0]!));
  await sw.evaluate((u) => chrome.windows.create({ url: u, type: 'normal' }).then(() => undefined), url);
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

const item = (panel: Page, name: string): Locator => panel.getByRole('article', { name, exact: true });

async function openDetails(card: Locator): Promise<void> {
  const toggle = card.getByRole('button', { name: 'Notes and details' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

async function writeNote(card: Locator, text: string): Promise<void> {
  await openDetails(card);
  const notes = card.getByRole('textbox', { name: 'Notes', exact: true });
  await notes.fill(text);
  await card.locator('.sl-notes__status', { hasText: 'Saved' }).waitFor({ timeout: 5000 });
}

/** Milliseconds until `check` passes, polling every 10 ms; throws after `timeoutMs`. */
async function timeUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

describe('shortlist in real Chromium', () => {
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let profileDir: string;
  let h: Harness;

  before(async () => {
    server = await startFixtureServer({ tls: true });
    profileDir = mkdtempSync(join(tmpdir(), 'clinic-scout-shortlist-e2e-'));
    h = await launch({ profileDir, server });
  });
  after(async () => {
    await h?.close();
    await server?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('adds a provider from its card and keeps the item and its notes across a browser restart', async () => {
    const { page, tabId } = await visit(h, 'https://www.mindbloom.com/');
    const panel = await h.openPanel(tabId);
    await panel.getByRole('heading', { level: 2, name: 'Mindbloom' }).waitFor();
    await panel.getByRole('button', { name: 'Add to shortlist', exact: true }).click();
    const on = panel.locator('.shortlist-add__on');
    await on.waitFor();
    assert.equal((await on.innerText()).replace(/\s+/g, ' ').trim(), '✓ On your shortlist: My shortlist');

    // The link opens the Shortlist view with the item open.
    await on.getByRole('link', { name: 'My shortlist' }).click();
    await panel.getByRole('heading', { level: 2, name: 'My shortlist' }).waitFor();
    const card = item(panel, 'Mindbloom');
    assert.equal(await card.getByRole('button', { name: 'Notes and details' }).getAttribute('aria-expanded'), 'true');
    await writeNote(card, FIRST_NOTE);
    await card.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Contacted' });

    // A clinic that isn't in the dataset, with a 10,000-character note.
    await panel.getByRole('button', { name: 'Add a clinic yourself' }).click();
    const form = panel.getByRole('form', { name: 'Add a clinic yourself' });
    await form.getByLabel('Clinic name (required)').fill('Lakeside Infusion Center');
    await form.getByLabel('Website').fill('lakeside-infusions.example');
    await form.getByLabel('City').fill('Madison');
    await form.getByLabel('State').selectOption('WI');
    await form.getByLabel('Quoted price per session').fill('425');
    await form.getByRole('button', { name: 'Add clinic' }).click();
    const own = item(panel, 'Lakeside Infusion Center');
    await own.getByText('Your own entry').waitFor();
    await writeNote(own, LONG_NOTE);
    await panel.waitForTimeout(100); // the status change above was awaited by its own transaction; let it settle
    await page.close();

    await h.close({ keepProfile: true });
    h = await launch({ profileDir, server });

    const again = await panelAt(h, '#/shortlist');
    await again.getByRole('heading', { level: 2, name: 'My shortlist' }).waitFor();
    const first = item(again, 'Mindbloom');
    await first.waitFor();
    assert.equal(await first.getByRole('combobox', { name: 'Status' }).inputValue(), 'contacted');
    await openDetails(first);
    assert.equal(await first.getByRole('textbox', { name: 'Notes', exact: true }).inputValue(), FIRST_NOTE);
    const second = item(again, 'Lakeside Infusion Center');
    await second.getByText('Your own entry').waitFor();
    await openDetails(second);
    const long = await second.getByRole('textbox', { name: 'Notes', exact: true }).inputValue();
    assert.equal(Array.from(long).length, 10_000);
    assert.equal(long, LONG_NOTE);
    assert.equal(await second.getByRole('textbox', { name: 'Per session' }).inputValue(), '425');
    assert.equal(await second.getByRole('link', { name: 'lakeside-infusions.example' }).getAttribute('href'), 'https://lakeside-infusions.example/');

    // The card of a provider already on the list says so after the restart too.
    const { page: site, tabId: siteTab } = await visit(h, 'https://www.mindbloom.com/');
    const cardPanel = await h.openPanel(siteTab);
    await cardPanel.locator('.shortlist-add__on', { hasText: 'On your shortlist: My shortlist' }).waitFor();
    assert.equal(await cardPanel.getByRole('button', { name: 'Add to shortlist', exact: true }).count(), 0);
    await cardPanel.close();
    await site.close();
    await again.close();
  });

  it('two panels in two windows see each other’s changes within a second, without reloading', async () => {
    const a = await panelAt(h, '#/shortlist');
    const b = await panelInNewWindow(h, '#/shortlist');
    for (const p of [a, b]) await p.getByRole('heading', { level: 2, name: 'My shortlist' }).waitFor();
    const latencies: Record<string, number> = {};

    // A note typed in A shows in B (the collapsed row's preview) once A has saved it.
    const cardA = item(a, 'Mindbloom');
    await writeNote(cardA, `${EMOJI_NOTE} — from window A`);
    latencies.note = await timeUntil(async () => ((await item(b, 'Mindbloom').locator('.sl-item__preview').textContent()) ?? '').includes('from window A'));

    // A status chosen in B shows in A.
    const start = Date.now();
    await item(b, 'Mindbloom').getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Consultation booked' });
    await timeUntil(async () => (await cardA.getByRole('combobox', { name: 'Status' }).inputValue()) === 'consultation-booked');
    latencies.status = Date.now() - start;

    // A list renamed in A is renamed in B.
    await a.getByText('List options, export and import').click(); // the list's menu, below the clinics
    await a.getByRole('button', { name: 'Rename list' }).click();
    await a.getByRole('textbox', { name: 'New name for the list' }).fill('Calls this week ☎️');
    const renamed = Date.now();
    await a.getByRole('button', { name: 'Save name' }).click();
    await b.getByRole('heading', { level: 2, name: 'Calls this week ☎️' }).waitFor({ timeout: 1000 });
    latencies.rename = Date.now() - renamed;

    // A clinic added in B appears in A; removing it in A removes it from B.
    await b.getByRole('button', { name: 'Add a clinic yourself' }).click();
    await b.getByLabel('Clinic name (required)').fill('Second Window Clinic');
    const added = Date.now();
    await b.getByRole('button', { name: 'Add clinic' }).click();
    await item(a, 'Second Window Clinic').waitFor({ timeout: 1000 });
    latencies.add = Date.now() - added;
    await openDetails(item(a, 'Second Window Clinic'));
    const removed = Date.now();
    await item(a, 'Second Window Clinic').getByRole('button', { name: 'Remove from shortlist' }).click();
    await item(b, 'Second Window Clinic').waitFor({ state: 'detached', timeout: 1000 });
    latencies.remove = Date.now() - removed;

    console.log(`cross-window update latency (ms): ${JSON.stringify(latencies)}`);
    for (const [what, ms] of Object.entries(latencies)) assert.ok(ms < 1000, `${what} took ${ms} ms`);
    await a.close();
    await b.close();
  });

  it('opens a 1,000-item list quickly (figure printed; the first 50 rows, then "Show 50 more")', async () => {
    const seed = await panelAt(h, '#/shortlist');
    await seed.getByRole('heading', { level: 2 }).first().waitFor();
    // Written straight into the database the extension uses, as an import would (records in the v1 schema).
    await seed.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('clinic-scout-shortlists');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(['shortlists', 'items'], 'readwrite');
      tx.objectStore('shortlists').put({ id: 'big-list', name: 'Big list', createdAt: 1, updatedAt: 1, deletedAt: null });
      for (let i = 0; i < 1000; i++) {
        tx.objectStore('items').put({
          id: `big-${i}`,
          shortlistId: 'big-list',
          providerId: i % 10 === 9 ? null : 'mindbloom',
          snapshot: { name: `Clinic ${i}`, website: null },
          custom: i % 10 === 9 ? { name: `Own clinic ${i}`, website: null, city: 'Austin', state: 'TX' } : null,
          status: 'considering',
          notes: `Note ${i} 📝 `.repeat(20),
          quote: null,
          answers: {},
          plan: null,
          position: i,
          createdAt: 1_750_000_000_000 + i,
          updatedAt: 1_750_000_000_000 + i,
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await seed.close();

    // The oldest list is shown first: the 1,000-item one.
    const panel = await panelAt(h, '#/shortlist');
    await panel.waitForFunction(() => document.querySelectorAll('.sl-item').length >= 50);
    const sincePageStart = await panel.evaluate(() => performance.now());
    assert.equal(await panel.locator('.sl-item').count(), 50);
    await panel.getByText('Showing 50 of 1,000 clinics.').waitFor();
    const more = await panel.evaluate(async () => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Show 50 more')!;
      const t0 = performance.now();
      button.click();
      while (document.querySelectorAll('.sl-item').length < 100) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    const all = await panel.evaluate(async () => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Show all')!;
      const t0 = performance.now();
      button.click();
      while (document.querySelectorAll('.sl-item').length < 1000) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    console.log(
      `1,000-item list: page start → 50 rows in the DOM ${sincePageStart.toFixed(0)} ms (includes loading the panel's script); ` +
        `"Show 50 more" ${more.toFixed(0)} ms; "Show all" (1,000 rows) ${all.toFixed(0)} ms`,
    );
    assert.ok(more < 1000);
    await panel.close();
  });
});
