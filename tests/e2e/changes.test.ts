// Issue 18 in real Chromium: a provider on the shortlist changes with a dataset update, and the user is told.
// The extension is built twice from fixture datasets (tests/fixtures/changes-data/a and b) into ONE temporary
// output directory (same path, so the same extension id and profile data), never into .output/. B gets a higher
// manifest version, as a store update would: Chrome keeps running the registered service worker of an
// unchanged version even when its files changed, so only a new version re-registers it.
//   A: the Sample Clinic Network operating; the Sample Ketamine Clinic at $600 a session.
//   B: the network closed since 20 Nov 2026; the clinic at $650. (Made-up names; fixtures, never shipped.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startFixtureServer } from './fixture-server';
import { launch, SCREENSHOT_DIR, visit, type Harness } from './harness';

declare const chrome: { action: { getBadgeText(d: { tabId?: number }): Promise<string>; getTitle(d: { tabId?: number }): Promise<string> } };

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/changes-data');
// Made-up names on real records' shapes, so no screenshot ever shows a real clinic as closed.
const CLOSED = 'Sample Clinic Network (test data)';
const PRICED = 'Sample Ketamine Clinic (test data)';

const VERSIONS = { a: '0.1.0', b: '0.1.1' } as const;

function build(dataset: 'a' | 'b', outDir: string): void {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, CLINIC_SCOUT_DATA_DIR: join(FIXTURES, dataset), CLINIC_SCOUT_OUT_DIR: outDir, CLINIC_SCOUT_VERSION: VERSIONS[dataset] },
  });
}

/** No sideways scroll at Firefox's 250 px sidebar; then the README's screenshot at Chrome's 360×800. */
async function fitsAndShoot(page: Page, file: string): Promise<void> {
  await page.setViewportSize({ width: 250, height: 800 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${file}: scrolls sideways by ${wide} px at 250 px`);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, file) });
}

const item = (panel: Page, name: string): Locator => panel.getByRole('article', { name, exact: true });

async function globalBadge(h: Harness): Promise<{ text: string; title: string }> {
  const sw = await h.worker();
  return sw.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  assert.ok(ok(last), `${what}: got ${JSON.stringify(last)}`);
  return last;
}

describe('changes on the shortlist after a dataset update (real Chromium)', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let outDir: string;
  let profileDir: string;
  let h: Harness | undefined;
  let extensionDir: string;

  before(async () => {
    server = await startFixtureServer({ tls: true });
    outDir = mkdtempSync(join(tmpdir(), 'clinic-scout-changes-build-'));
    profileDir = mkdtempSync(join(tmpdir(), 'clinic-scout-changes-e2e-'));
    extensionDir = join(outDir, 'chrome-mv3');
    build('a', outDir);
  });
  after(async () => {
    await h?.close();
    await server?.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('badge, Shortlist and card notices after the update; "Mark as seen" clears them; a restart does not bring them back', async () => {
    // Dataset A: add two providers from their cards.
    h = await launch({ profileDir, server, extensionDir });
    for (const id of ['klarisana', 'ketamine-clinics-los-angeles']) {
      const card = await h.openPanel(null, { hash: `#/provider/${id}` });
      await card.getByRole('button', { name: 'Add to shortlist', exact: true }).click();
      await card.locator('.shortlist-add__on').waitFor();
      await card.close();
    }
    const before = await h.openPanel(null, { hash: '#/shortlist' });
    await item(before, CLOSED).waitFor();
    await item(before, PRICED).waitFor();
    assert.equal(await before.locator('[data-changes]').count(), 0, 'no notice before the update');
    assert.equal((await globalBadge(h)).text, '');
    await before.close();
    await h.close({ keepProfile: true });
    h = undefined;

    // Dataset B in the same place: the update.
    build('b', outDir);
    h = await launch({ profileDir, server, extensionDir });

    // The toolbar button: the count on a tab without a provider badge, and globally, until seen.
    const { page: plain, tabId: plainTab } = await visit(h, 'https://www.example.org/');
    await h.waitForBadge(plainTab, '2', 10_000);
    const badge = await until(() => globalBadge(h!), (b) => b.text === '2', 'global badge');
    assert.match(badge.title, /2 changes on your shortlist/);
    // A provider's own badge wins on its tab; its title still gives the count.
    const { page: site, tabId: siteTab } = await visit(h, 'https://www.mindbloom.com/');
    await h.waitForBadge(siteTab, '●', 10_000);
    const siteTitle = await (await h.worker()).evaluate((id) => chrome.action.getTitle({ tabId: id }), siteTab);
    assert.match(siteTitle, /Mindbloom.*2 changes on your shortlist/);

    // The Shortlist: both rows say what changed, the closure worded plainly, sources linked.
    const list = await h.openPanel(null, { hash: '#/shortlist' });
    const closedRow = item(list, CLOSED);
    const closedNotice = closedRow.locator('[data-changes="row"]');
    await closedNotice.waitFor({ timeout: 10_000 });
    assert.match(await closedNotice.innerText(), /Changed since you saved it:\s*Now closed \(since 20 Nov 2026\)/);
    assert.equal(await closedNotice.getByRole('link', { name: 'Fixture: closure notice' }).getAttribute('href'), 'https://www.klarisana.com/');
    const pricedNotice = item(list, PRICED).locator('[data-changes="row"]');
    assert.match(await pricedNotice.innerText(), /Price per session was \$600, now \$650/);
    await fitsAndShoot(list, 'changes-shortlist.png');

    // The provider's card says it near the top.
    const card = await h.openPanel(null, { hash: '#/provider/klarisana' });
    const cardNotice = card.locator('[data-changes="card"]');
    await cardNotice.waitFor({ timeout: 10_000 });
    assert.match(await cardNotice.innerText(), /Now closed \(since 20 Nov 2026\)/);
    await fitsAndShoot(card, 'changes-card.png');

    // "Mark as seen" on the card clears the closure everywhere; on the row, the price change.
    await cardNotice.getByRole('button', { name: 'Mark as seen' }).click();
    await cardNotice.waitFor({ state: 'detached' });
    await closedNotice.waitFor({ state: 'detached' });
    await until(() => globalBadge(h!), (b) => b.text === '1', 'badge after one seen');
    await pricedNotice.getByRole('button', { name: 'Mark as seen' }).click();
    await pricedNotice.waitFor({ state: 'detached' });
    await h.waitForBadge(plainTab, '', 10_000);
    assert.equal((await globalBadge(h)).text, '');
    // The old value stays in the item's history.
    await item(list, PRICED).getByRole('button', { name: 'Notes and details' }).click();
    assert.match(await item(list, PRICED).locator('.change-history').innerText(), /marked as seen .*:\s*Price per session was \$600, now \$650/s);
    await card.close();
    await list.close();
    await site.close();
    await plain.close();
    assert.deepEqual(h.pageErrors, []);

    // A restart on the same data brings nothing back.
    await h.close({ keepProfile: true });
    h = await launch({ profileDir, server, extensionDir });
    const { tabId: againTab } = await visit(h, 'https://www.example.org/');
    const again = await h.openPanel(null, { hash: '#/shortlist' });
    await item(again, CLOSED).waitFor();
    await item(again, PRICED).waitFor();
    await again.waitForTimeout(1000); // give a (wrong) check time to write
    assert.equal(await again.locator('[data-changes]').count(), 0);
    assert.equal(await h.badgeText(againTab), '');
    assert.equal((await globalBadge(h)).text, '');
    assert.deepEqual(h.pageErrors, []);
  });
});
