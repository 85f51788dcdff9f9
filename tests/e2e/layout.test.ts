// Issue 13 in real Chromium: every view fits from 250 px (Firefox's default sidebar) up — no sideways scroll,
// no button, link-button, tab or menu cut off at the right — at 250, 360 and 420 px, with a shortlist holding a
// 10,000-character note, long names, right-to-left text and emoji; the footer stays slim; axe-core finds no
// violations on any view, light and dark. LAYOUT_SHOTS=<dir> also writes a PNG of each view and width there.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { toJson } from '../../lib/export';
import type { Shortlist, ShortlistItem } from '../../lib/shortlist/schema';
import { makeItem } from '../fixtures/shortlists';
import { axeViolations } from './axe';
import { loadProvider } from './data';
import { launch, visit, type Harness } from './harness';

const WIDTHS = [250, 360, 420] as const;
const SHOTS = process.env.LAYOUT_SHOTS;

const T = Date.UTC(2026, 3, 20, 12);
/** Exactly 10,000 characters, mixing scripts and emoji, with line breaks and one 300-character unbroken word. */
const LONG_NOTE = Array.from(`${'x'.repeat(300)}\n${'Session notes 🙂 שלום مرحبا 1234567890 — naïve café ✓\n'.repeat(300)}`).slice(0, 10_000).join('');
const RTL = 'ملاحظة: الاستشارة يوم الثلاثاء 250$ — הערה: להתקשר שוב ב-10:00';
const EMOJI = 'Called 📞 Tue 9:30 — consult $250 ✅ 👩🏽‍⚕️ Dr. Ana 🇺🇸 🧘‍♀️ IV ×6';
const LONG_NAME = `The Integrative Ketamine Infusion and Psychiatric Wellness Center of Greater Metropolitan Albuquerque ${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2)}`;

const kwc = loadProvider('ketamine-wellness-centers');
const kcla = loadProvider('ketamine-clinics-los-angeles');
const mindbloom = loadProvider('mindbloom');
const list: Shortlist = { id: '6b0e3c1a-1f2d-4e5f-8a9b-0c1d2e3f4a5b', name: `Options 📋 قائمة ${'very long list name '.repeat(8)}`.trim(), createdAt: T, updatedAt: T, deletedAt: null };
const second: Shortlist = { ...list, id: '6b0e3c1a-1f2d-4e5f-8a9b-0c1d2e3f4a5c', name: 'Second list', createdAt: T + 1 };
const item = (id: string, extra: Partial<ShortlistItem>): ShortlistItem =>
  makeItem({ id, shortlistId: list.id, createdAt: T, updatedAt: T, ...extra });
const SEED = {
  shortlists: [list, second],
  items: [
    item('i1', { providerId: kwc.id, snapshot: { name: kwc.name, website: null }, status: 'contacted', notes: LONG_NOTE, position: 0 }),
    item('i2', { providerId: kcla.id, snapshot: { name: kcla.name, website: null }, notes: RTL, quote: { consultation: 250, perSession: 450, note: EMOJI }, position: 1 }),
    item('i3', { providerId: mindbloom.id, snapshot: { name: mindbloom.name, website: null }, status: 'consultation-booked', notes: EMOJI, position: 2 }),
    item('i4', {
      providerId: null,
      snapshot: { name: LONG_NAME, website: 'https://a-very-long-domain-name-for-a-ketamine-clinic-in-albuquerque.example/' },
      custom: { name: LONG_NAME, website: 'https://a-very-long-domain-name-for-a-ketamine-clinic-in-albuquerque.example/', city: 'Albuquerque', state: 'NM' },
      notes: `${RTL}\n${EMOJI}`,
      position: 3,
    }),
    item('i5', {
      providerId: null,
      snapshot: { name: 'مركز العلاج بالكيتامين 🧘‍♀️ מרכז', website: null },
      custom: { name: 'مركز العلاج بالكيتامين 🧘‍♀️ מרכז', website: null, city: 'دالاس', state: 'TX' },
      status: 'ruled-out',
      position: 4,
    }),
  ],
};

interface Fit {
  scrollWidth: number;
  clientWidth: number;
  /** Controls whose right edge is past the viewport (or left edge before it). */
  clipped: string[];
  /** For the failure message: the innermost elements reaching past the right edge. */
  wide: string[];
}

/** Whether the page scrolls sideways, and which visible controls stick out of the viewport. */
async function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    // tsx names functions with a __name helper that does not exist in the page.
    (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
    const se = document.scrollingElement!;
    const width = se.clientWidth;
    const clipped: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, .button, .tabs__tab, summary, select, input, textarea, [role="tab"]');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || el.closest('.visually-hidden, .sl-visually-hidden')) continue; // not shown
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (r.right > width + 0.5 || r.left < -0.5) clipped.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
    }
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const past = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const wide = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => past(el) && !Array.from(el.children).some(past))
      .slice(0, 5)
      .map((el) => `${name(el)} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: se.scrollWidth, clientWidth: width, clipped, wide };
  });
}

async function assertFits(page: Page, what: string): Promise<void> {
  const fit = await measure(page);
  assert.ok(fit.scrollWidth <= fit.clientWidth, `${what}: scrolls sideways (${fit.scrollWidth} > ${fit.clientWidth}): ${fit.wide.join(', ')}`);
  assert.deepEqual(fit.clipped, [], `${what}: controls cut off`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Opens every row's details (notes, quote, cost, checklist) and the list menu. */
async function openEverything(page: Page): Promise<void> {
  for (const toggle of await page.getByRole('button', { name: 'Notes and details' }).all()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
  await page.locator('.sl-notes__text').first().waitFor();
  const menu = page.locator('details.sl-menu');
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await menu.locator('summary').click();
  await page.getByRole('button', { name: 'Export CSV' }).waitFor();
}

/** Provider-site tabs a view opened, closed with it (the harness finds a tab by its URL, which must stay unique). */
const siteTabs: Page[] = [];
async function closeView(page: Page): Promise<void> {
  await page.close();
  await Promise.all(siteTabs.splice(0).map((p) => p.close()));
}

interface View {
  name: string;
  open(h: Harness, width: number, colorScheme?: 'light' | 'dark'): Promise<Page>;
  /** Further states of the same view to check (opened rows, a ticked comparison). */
  more?: (page: Page) => Promise<void>;
}

const VIEWS: View[] = [
  {
    name: 'not-recognised',
    async open(h, width, colorScheme) {
      const { page, tabId } = await visit(h, 'https://www.example-news.com/');
      siteTabs.push(page);
      const panel = await h.openPanel(tabId, { width, colorScheme });
      await panel.getByRole('heading', { name: "This site is not in Clinic Scout's list" }).waitFor();
      return panel;
    },
  },
  {
    name: 'look-alike',
    async open(h, width, colorScheme) {
      const { page, tabId } = await visit(h, 'https://www.mindbloomlajolla.com/');
      siteTabs.push(page);
      const panel = await h.openPanel(tabId, { width, colorScheme });
      await panel.getByRole('heading', { name: 'This site is not Mindbloom' }).waitFor();
      return panel;
    },
  },
  {
    name: 'browse',
    async open(h, width, colorScheme) {
      const panel = await h.openPanel(null, { width, colorScheme, hash: '#/browse' });
      await panel.locator('.results .result').first().waitFor();
      return panel;
    },
    async more(panel) {
      // Filters open and two providers ticked: the sticky compare bar.
      const filters = panel.locator('details.filters');
      if (!(await filters.evaluate((d: HTMLDetailsElement) => d.open))) await filters.locator('summary').click();
      // Browse renders 100 results at a time: show them all so both providers are in the list.
      const all = panel.getByRole('button', { name: 'Show all' });
      if (await all.count()) await all.click();
      for (const p of [mindbloom, kcla]) {
        const box = panel.getByRole('checkbox', { name: `Compare ${p.name}` });
        if (!(await box.isChecked())) await box.check();
      }
      await panel.locator('.compare-bar--active').waitFor();
    },
  },
  {
    name: 'compare',
    async open(h, width, colorScheme) {
      const panel = await h.openPanel(null, { width, colorScheme, hash: `#/compare/${mindbloom.id},${kcla.id},${kwc.id}` });
      await panel.getByRole('heading', { name: 'Compare providers' }).waitFor();
      await panel.getByRole('region', { name: /^Status/ }).waitFor();
      return panel;
    },
  },
  {
    name: 'shortlist',
    async open(h, width, colorScheme) {
      const panel = await h.openPanel(null, { width, colorScheme, hash: '#/shortlist' });
      await panel.getByRole('article', { name: kwc.name, exact: true }).waitFor();
      return panel;
    },
    more: openEverything,
  },
  {
    name: 'print',
    async open(h, width, colorScheme) {
      const panel = await h.openPanel(null, { width, colorScheme, hash: `#/print/${list.id}` });
      await panel.locator('.print-item').first().waitFor();
      return panel;
    },
  },
  {
    name: 'welcome',
    async open(h, width, colorScheme) {
      const page = await h.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${h.extensionId}/welcome.html`);
      await page.getByRole('heading', { name: 'Welcome to Clinic Scout' }).waitFor();
      return page;
    },
  },
];

describe('every view fits from 250 px up (real Chromium)', () => {
  let h: Harness;
  let welcomeOnInstall: string[] = [];
  before(async () => {
    h = await launch();
    // The install opened the welcome page by itself.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !welcomeOnInstall.length) {
      welcomeOnInstall = h.context.pages().map((p) => p.url()).filter((u) => u.endsWith('/welcome.html'));
      if (!welcomeOnInstall.length) await new Promise((r) => setTimeout(r, 50));
    }
  });
  after(async () => h?.close());

  it('opens the welcome page once, on install', () => {
    assert.deepEqual(welcomeOnInstall, [`chrome-extension://${h.extensionId}/welcome.html`]);
  });

  it('an empty shortlist says what a shortlist is for and how to add, before anything else; no greyed export first', async () => {
    for (const width of WIDTHS) {
      const panel = await h.openPanel(null, { width, hash: '#/shortlist' });
      const empty = panel.locator('.sl-empty');
      await empty.getByRole('heading', { name: 'Keep the clinics you are considering in one place' }).waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Export CSV' }).isVisible(), false, 'export is in the closed menu');
      const menu = panel.locator('details.sl-menu');
      assert.ok((await empty.boundingBox())!.y < (await menu.boundingBox())!.y, 'the empty state comes before the menu');
      await assertFits(panel, `empty shortlist at ${width} px`);
      await shot(panel, `shortlist-empty-${width}`);
      await panel.close();
    }
  });

  it('seeds a shortlist with a 10,000-character note, long names, RTL and emoji', async () => {
    const panel = await h.openPanel(null, { width: 1000, hash: '#/print' });
    await panel.getByRole('button', { name: 'Import backup (JSON)' }).click();
    const dialog = panel.getByRole('dialog');
    await dialog.getByLabel('Backup file (.json)').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(toJson(SEED, new Date(T))) });
    await dialog.getByRole('button', { name: 'Confirm import' }).click();
    await dialog.locator('.import-dialog__done').waitFor();
    assert.equal(Array.from(LONG_NOTE).length, 10_000);
    await panel.close();
  });

  for (const view of VIEWS) {
    it(`${view.name}: no sideways scroll, nothing cut off at 250, 360 and 420 px`, async () => {
      for (const width of WIDTHS) {
        const page = await view.open(h, width);
        await assertFits(page, `${view.name} at ${width} px`);
        await shot(page, `${view.name}-${width}`);
        if (view.more) {
          await view.more(page);
          await assertFits(page, `${view.name} (opened) at ${width} px`);
          await shot(page, `${view.name}-open-${width}`);
        }
        await closeView(page);
      }
    });
  }

  it('the shortlist rows say status (closure first), place or telehealth, price or quote, and the start of the note', async () => {
    const panel = await h.openPanel(null, { width: 250, hash: '#/shortlist' });
    const row = (name: string) => panel.getByRole('article', { name, exact: true });
    await row(kwc.name).waitFor();
    const facts = async (name: string) => (await row(name).locator('.sl-item__facts > span').allInnerTexts()).map((t) => t.trim());
    const closed = await facts(kwc.name);
    assert.match(closed[0]!, /^Closed/);
    assert.deepEqual((await facts(kcla.name)).slice(1), ['Los Angeles, CA', 'Your quote: $450 a session']);
    assert.equal((await facts(mindbloom.name))[1], 'Telehealth');
    assert.match(await row(kwc.name).locator('.sl-item__preview').innerText(), /^x{20}/);
    // The preview is two lines at most, whatever the note.
    const box = (await row(kwc.name).locator('.sl-item__preview').boundingBox())!;
    assert.ok(box.height < 50, `preview is ${box.height} px tall`);
    await panel.close();
  });

  it('the footer is at most 48 px, keeps 988 one tap away and says it informs, does not advise, on every view', async () => {
    for (const width of WIDTHS) {
      const panel = await h.openPanel(null, { width, hash: '#/browse' });
      const footer = panel.locator('footer.disclaimer');
      await footer.waitFor();
      const height = (await footer.boundingBox())!.height;
      assert.ok(height <= 48, `footer is ${height} px at ${width} px`);
      assert.equal(await footer.getByRole('link', { name: '988' }).getAttribute('href'), 'tel:988');
      assert.match(await footer.innerText(), /Informs, does not advise/);
      await footer.getByText('Informs, does not advise').click();
      assert.match(await footer.innerText(), /does not give medical advice/);
      await panel.close();
    }
  });

  it('the tabs sit in the viewport, one row from 340 px, two rows of two below', async () => {
    for (const width of [250, 300, 340, 360, 420]) {
      const panel = await h.openPanel(null, { width, hash: '#/site' });
      const tabs = await panel.locator('.tabs__tab').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), right: r.right })));
      assert.equal(tabs.length, 4);
      assert.ok(tabs.every((t) => t.right <= width), `every tab within ${width} px`);
      assert.equal(new Set(tabs.map((t) => t.top)).size, width >= 340 ? 1 : 2, `rows of tabs at ${width} px`);
      await panel.close();
    }
  });

  it('axe-core: no violations on any view, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const view of VIEWS) {
        const page = await view.open(h, 360, colorScheme);
        if (view.more) await view.more(page);
        assert.deepEqual(await axeViolations(page), [], `axe: ${view.name} (${colorScheme})`);
        await closeView(page);
      }
    }
    assert.deepEqual(h.pageErrors, []);
  });
});
