import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launch, visit, type Harness } from './harness';
import { loadProvider } from './data';

declare const chrome: { windows: { create(o: { url: string[] }): Promise<{ id?: number }> } };

describe('windows and single-page navigation in real Chromium', () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => h?.close());

  it('a single-page navigation (history.pushState) into an official path updates badge and panel', async () => {
    const nueLife = loadProvider('nue-life');
    const { page, tabId } = await visit(h, 'https://intercom.help/spa');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await h.badgeText(tabId), '', 'the shared help host alone is not Nue Life');
    const panel = await h.openPanel(tabId);
    await panel.getByRole('heading', { name: "This site is not in Clinic Scout's list" }).waitFor();
    await page.getByLabel('Path').fill('/nuelife/en/');
    await page.getByRole('button', { name: 'Go' }).click();
    await h.waitForBadge(tabId, '●');
    await panel.getByRole('heading', { level: 2, name: nueLife.name }).waitFor();
    // And back out of the path: the card goes away again.
    await page.getByLabel('Path').fill('/other-company/');
    await page.getByRole('button', { name: 'Go' }).click();
    await h.waitForBadge(tabId, '');
    await panel.getByRole('heading', { name: "This site is not in Clinic Scout's list" }).waitFor();
    await panel.close();
    await page.close();
  });

  it("each window's panel follows its own window's active tab", async () => {
    const mindbloom = loadProvider('mindbloom');
    const klarisana = loadProvider('klarisana');
    const sw = await h.worker();
    const panelUrl = `chrome-extension://${h.extensionId}/sidepanel.html`;
    // Two real windows, each with a provider tab (active) and a panel page beside it.
    for (const url of ['https://www.mindbloom.com/w1', 'https://www.klarisana.com/w2']) {
      await sw.evaluate(async ([u, p]) => {
        await chrome.windows.create({ url: [u!, `${p}#w=${encodeURIComponent(u!)}`] });
      }, [url, panelUrl]);
    }
    const findPanel = async (marker: string): Promise<Page> => {
      for (let i = 0; i < 100; i++) {
        const p = h.context.pages().find((pg) => pg.url().includes(encodeURIComponent(marker)));
        if (p) return p;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no panel for ${marker}`);
    };
    const panel1 = await findPanel('https://www.mindbloom.com/w1');
    const panel2 = await findPanel('https://www.klarisana.com/w2');
    await panel1.getByRole('heading', { level: 2, name: mindbloom.name }).waitFor();
    await panel2.getByRole('heading', { level: 2, name: klarisana.name }).waitFor();
    // Navigating window 1's tab changes only window 1's panel.
    const tab1 = h.context.pages().find((p) => p.url() === 'https://www.mindbloom.com/w1')!;
    await tab1.goto('https://ketaminewellnesscenters.com/');
    await panel1.getByRole('heading', { level: 2, name: loadProvider('ketamine-wellness-centers').name }).waitFor();
    assert.equal(await panel2.getByRole('heading', { level: 2, name: klarisana.name }).count(), 1);
  });
});
