import { STATUS_LABEL } from '../../lib/format/labels';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations } from './axe';
import { launch, visit, type Harness } from './harness';
import { expectedBadge, loadProvider, SIX } from './data';

describe('recognising provider sites in real Chromium', () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => h?.close());

  for (const { id, url } of SIX) {
    it(`${id}: badge lights up and the panel shows its name and status`, async () => {
      const provider = loadProvider(id);
      const { page, tabId } = await visit(h, url);
      await h.waitForBadge(tabId, expectedBadge(provider));
      const panel = await h.openPanel(tabId);
      await panel.getByRole('heading', { level: 2, name: provider.name }).waitFor();
      // The summary at the top of the card says the status first.
      const status = await panel.getByRole('region', { name: 'At a glance' }).locator('.status__state, .summary__ok').first().innerText();
      assert.match(status, new RegExp(STATUS_LABEL[provider.status.state]));
      if (provider.status.state === 'closed') {
        // A closed provider says so before anything else, with its date.
        assert.equal(await panel.getByRole('alert').count(), 1);
        assert.match(status, /since \d/);
      }
      await panel.close();
      await page.close();
    });
  }

  it('a site that is not a provider leaves the badge dark and the panel says so', async () => {
    const { page, tabId } = await visit(h, 'https://www.example-news.com/ketamine-clinics-review');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await h.badgeText(tabId), '');
    const panel = await h.openPanel(tabId);
    await panel.getByRole('heading', { name: "This site is not in Clinic Scout's list" }).waitFor();
    await panel.close();
    await page.close();
  });

  it('a look-alike site gets the look-alike badge and the panel names the provider it is not', async () => {
    const { page, tabId } = await visit(h, 'https://www.mindbloomlajolla.com/about-4');
    await h.waitForBadge(tabId, '!');
    const panel = await h.openPanel(tabId);
    await panel.getByRole('heading', { name: 'This site is not Mindbloom' }).waitFor();
    await panel.close();
    await page.close();
  });

  it('the panel follows the active tab when the user switches tabs', async () => {
    const a = await visit(h, 'https://www.mindbloom.com/');
    const b = await visit(h, 'https://www.klarisana.com/');
    // An unbound panel follows its window's active tab, like the real side panel.
    const panel = await h.openPanel(null, { width: 360 });
    // The panel page itself is now the active tab; activate the others as a user would.
    await a.page.bringToFront();
    await panel.getByRole('heading', { level: 2, name: 'Mindbloom' }).waitFor();
    await b.page.bringToFront();
    await panel.getByRole('heading', { level: 2, name: 'Klarisana' }).waitFor();
    await panel.close();
    await a.page.close();
    await b.page.close();
  });

  it('navigating the tab updates the open panel at once', async () => {
    const { page, tabId } = await visit(h, 'https://www.mindbloom.com/');
    const panel = await h.openPanel(tabId);
    await panel.getByRole('heading', { level: 2, name: 'Mindbloom' }).waitFor();
    await page.goto('https://ketamineclinics.com/');
    await panel.getByRole('heading', { level: 2, name: loadProvider('ketamine-clinics-los-angeles').name }).waitFor();
    await page.goto('https://www.example-news.com/');
    await panel.getByRole('heading', { name: "This site is not in Clinic Scout's list" }).waitFor();
    await panel.close();
    await page.close();
  });

  it('after the service worker is stopped, badges and panel state are still right', async () => {
    const { page, tabId } = await visit(h, 'https://www.mindbloom.com/');
    await h.waitForBadge(tabId, '●');
    // A marker in the worker's global scope proves below that the worker really restarted.
    await (await h.worker()).evaluate(() => ((self as unknown as { probe: number }).probe = 1));
    await h.stopServiceWorker();
    // Cold: the next navigation wakes the worker, which must rebuild from storage.session and data.
    const kwc = loadProvider('ketamine-wellness-centers');
    await page.goto('https://ketaminewellnesscenters.com/');
    await h.waitForBadge(tabId, expectedBadge(kwc));
    assert.equal(await (await h.worker()).evaluate(() => (self as unknown as { probe?: number }).probe), undefined);
    const panel = await h.openPanel(tabId);
    await panel.getByRole('heading', { level: 2, name: kwc.name }).waitFor();
    await h.stopServiceWorker();
    const other = await visit(h, 'https://www.spravato.com/');
    await h.waitForBadge(other.tabId, '●');
    // The panel of the first tab still answers after the worker restarted.
    await panel.reload();
    await panel.getByRole('heading', { level: 2, name: kwc.name }).waitFor();
    await panel.close();
    await other.page.close();
    await page.close();
  });

  it('the provider card, the look-alike warning and the not-recognised message pass axe-core', async () => {
    for (const url of ['https://ketaminewellnesscenters.com/', 'https://www.mindbloom.com/', 'https://www.mindbloomlajolla.com/', 'https://www.example-news.com/']) {
      const { page, tabId } = await visit(h, url);
      for (const colorScheme of ['light', 'dark'] as const) {
        const panel = await h.openPanel(tabId, { colorScheme });
        await panel.locator('h2').first().waitFor();
        assert.deepEqual(await axeViolations(panel), [], `${url} (${colorScheme})`);
        await panel.close();
      }
      await page.close();
    }
  });

  it('a web page cannot talk to the extension', async () => {
    const { page } = await visit(h, 'https://www.mindbloom.com/hostile');
    // No content scripts and no externally_connectable: the page has no channel to the extension at all.
    const reachable = await page.evaluate((id) => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      window.postMessage({ type: 'bgGetTabState', data: { tabId: 1 }, extensionId: id }, '*');
      return typeof c?.runtime?.sendMessage === 'function' || typeof c?.runtime?.connect === 'function';
    }, h.extensionId);
    assert.equal(reachable, false);
    await page.close();
  });

  it('no extension page logged an error during the run', () => {
    assert.deepEqual(h.pageErrors, []);
  });

  it('the extension sent no request of its own, anywhere', () => {
    // Attributed by the browser (CDP Network domain on every extension page and the service worker),
    // not by headers a request may or may not carry: no request left an extension context at all.
    assert.deepEqual(h.extensionRequests, []);
    // And, independently, every hostname resolves to the fixture server, so anything sent would be here.
    const fromExtension = h.server.requests.filter((r) => r.initiator.startsWith('chrome-extension://'));
    assert.deepEqual(fromExtension, []);
    // Chromium's own service checks (Google hosts) are the browser's, not ours.
    const browserServices = /(^|\.)(google\.com|googleapis\.com|gstatic\.com)$/;
    const visited = new Set(['www.example-news.com', 'www.mindbloomlajolla.com', ...SIX.map((s) => new URL(s.url).host)]);
    const unexplained = h.server.requests.filter((r) => !visited.has(r.host) && !browserServices.test(r.host));
    assert.deepEqual(unexplained, []);
  });
});
