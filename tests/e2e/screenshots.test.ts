// Screenshots of the real panel for the README, taken from the built extension in Chromium.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toJson } from '../../lib/export';
import type { Shortlist, ShortlistItem } from '../../lib/shortlist/schema';
import { makeItem } from '../fixtures/shortlists';
import { launch, SCREENSHOT_DIR, visit, type Harness } from './harness';
import { loadProvider } from './data';

/** A shortlist as someone a few days in might have it: a closed clinic, a quote, notes and statuses. */
const T = Date.UTC(2026, 11, 1, 12);
const LIST: Shortlist = { id: '3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9', name: 'My shortlist', createdAt: T, updatedAt: T, deletedAt: null };
const entry = (id: string, providerId: string, position: number, extra: Partial<ShortlistItem> = {}) =>
  makeItem({ id, shortlistId: LIST.id, providerId, snapshot: { name: loadProvider(providerId).name, website: null }, position, createdAt: T, updatedAt: T, ...extra });
const SHORTLIST = {
  shortlists: [LIST],
  items: [
    entry('s1', 'ketamine-clinics-los-angeles', 0, { status: 'contacted', quote: { consultation: 300, perSession: 550, note: 'by phone' }, notes: 'Nurse called back Tuesday. Six infusions over three weeks; they give a superbill for my insurer.' }),
    entry('s2', 'mindbloom', 1, { notes: 'At home, with a video check-in before each session. Ask about my blood pressure medicine.' }),
    entry('s3', 'ketamine-wellness-centers', 2, { status: 'ruled-out', notes: 'Closed — a friend was treated here in 2022.' }),
  ],
};

const shots: Array<{ file: string; url: string; heading: string; colorScheme?: 'light' | 'dark' }> = [
  { file: 'operating-provider.png', url: 'https://www.mindbloom.com/', heading: loadProvider('mindbloom').name },
  { file: 'closed-provider.png', url: 'https://ketaminewellnesscenters.com/', heading: loadProvider('ketamine-wellness-centers').name },
  { file: 'look-alike.png', url: 'https://www.mindbloomlajolla.com/', heading: 'This site is not Mindbloom' },
  { file: 'local-clinic.png', url: 'https://www.bouldermindcare.com/', heading: loadProvider('boulder-mind-care').name },
  { file: 'not-recognised.png', url: 'https://www.example-news.com/', heading: "This site is not in Clinic Scout's list" },
  { file: 'dark-theme.png', url: 'https://ketamineclinics.com/', heading: loadProvider('ketamine-clinics-los-angeles').name, colorScheme: 'dark' },
];

describe('README screenshots of the real panel', () => {
  let h: Harness;
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    h = await launch();
  });
  after(async () => h?.close());

  for (const shot of shots) {
    it(shot.file, async () => {
      const { page, tabId } = await visit(h, shot.url);
      const panel = await h.openPanel(tabId, { width: 380, colorScheme: shot.colorScheme ?? 'light' });
      await panel.getByRole('heading', { name: shot.heading }).first().waitFor();
      const path = join(SCREENSHOT_DIR, shot.file);
      await panel.screenshot({ path });
      assert.ok(statSync(path).size > 5000);
      await panel.close();
      await page.close();
    });
  }

  it('browse-near-me.png', async () => {
    const panel = await h.openPanel(null, { hash: '#/browse', width: 380 });
    await panel.getByLabel('ZIP code').fill('80302');
    await panel.getByRole('button', { name: 'Use ZIP code' }).click();
    await panel.getByText(/Near ZIP code 80302/).waitFor();
    await panel.getByLabel('Sort by').selectOption({ label: 'Nearest first' });
    await panel.getByText(/straight line/).first().waitFor();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'browse-near-me.png') });
    await panel.close();
  });

  it('compare-wide.png', async () => {
    const panel = await h.openPanel(null, { hash: '#/compare/mindbloom,ketamine-clinics-los-angeles,ketamine-wellness-centers', width: 1100 });
    await panel.getByRole('table').first().waitFor();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'compare-wide.png') });
    await panel.close();
  });

  it('shortlist.png, shortlist-250.png and cost-estimate.png', async () => {
    // The shortlist, imported through the dialog as a user restoring a backup would.
    const tools = await h.openPanel(null, { width: 1000, hash: '#/print' });
    await tools.getByRole('button', { name: 'Import backup (JSON)' }).click();
    const dialog = tools.getByRole('dialog');
    await dialog.getByLabel('Backup file (.json)').setInputFiles({ name: 'shortlist.json', mimeType: 'application/json', buffer: Buffer.from(toJson(SHORTLIST, new Date(T))) });
    await dialog.getByRole('button', { name: 'Confirm import' }).click();
    await dialog.locator('.import-dialog__done').waitFor();
    await tools.close();

    const { page, tabId } = await visit(h, 'https://ketamineclinics.com/');
    const card = await h.openPanel(tabId, { width: 380 });
    await card.getByText(/On your shortlist/).first().waitFor();
    await card.getByRole('heading', { name: 'Costs', exact: true }).evaluate((el) => el.closest('section')!.scrollIntoView());
    await card.screenshot({ path: join(SCREENSHOT_DIR, 'cost-estimate.png') });
    const list = await h.openPanel(null, { hash: '#/shortlist', width: 380 });
    await list.getByRole('article', { name: loadProvider('ketamine-clinics-los-angeles').name, exact: true }).waitFor();
    await list.screenshot({ path: join(SCREENSHOT_DIR, 'shortlist.png') });
    // Firefox's sidebar opens 252 px wide: the same list there.
    const narrow = await h.openPanel(null, { hash: '#/shortlist', width: 250 });
    await narrow.getByRole('article', { name: loadProvider('ketamine-clinics-los-angeles').name, exact: true }).waitFor();
    await narrow.screenshot({ path: join(SCREENSHOT_DIR, 'shortlist-250.png') });
    await Promise.all([card.close(), list.close(), narrow.close(), page.close()]);
  });

  it('not-recognised-250.png (Firefox sidebar width) and welcome.png', async () => {
    const { page, tabId } = await visit(h, 'https://www.example-news.com/');
    const panel = await h.openPanel(tabId, { width: 250 });
    await panel.getByRole('heading', { name: "This site is not in Clinic Scout's list" }).waitFor();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'not-recognised-250.png') });
    const welcome = await h.context.newPage();
    await welcome.setViewportSize({ width: 760, height: 1000 });
    await welcome.goto(`chrome-extension://${h.extensionId}/welcome.html`);
    await welcome.getByRole('heading', { name: 'Welcome to Clinic Scout' }).waitFor();
    await welcome.screenshot({ path: join(SCREENSHOT_DIR, 'welcome.png') });
    for (const file of ['not-recognised-250.png', 'welcome.png']) assert.ok(statSync(join(SCREENSHOT_DIR, file)).size > 5000);
    await Promise.all([panel.close(), welcome.close(), page.close()]);
  });
});
