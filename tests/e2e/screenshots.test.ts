// Screenshots of the real panel for the README, taken from the built extension in Chromium.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, SCREENSHOT_DIR, visit, type Harness } from './harness';
import { loadProvider } from './data';

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

  it('shortlist.png and cost-estimate.png', async () => {
    const { page, tabId } = await visit(h, 'https://ketamineclinics.com/');
    const card = await h.openPanel(tabId, { width: 380 });
    await card.getByRole('button', { name: 'Add to shortlist' }).click();
    await card.getByText(/On your shortlist/).first().waitFor();
    await card.getByRole('heading', { name: 'Costs', exact: true }).evaluate((el) => el.closest('section')!.scrollIntoView());
    await card.screenshot({ path: join(SCREENSHOT_DIR, 'cost-estimate.png') });
    const list = await h.openPanel(null, { hash: '#/shortlist', width: 380 });
    await list.getByRole('article', { name: loadProvider('ketamine-clinics-los-angeles').name, exact: true }).waitFor();
    await list.screenshot({ path: join(SCREENSHOT_DIR, 'shortlist.png') });
    await Promise.all([card.close(), list.close(), page.close()]);
  });
});
