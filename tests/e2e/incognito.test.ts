// A private (incognito) window: its tabs are matched, the panel says the window is private, and nothing
// is saved from it unless the user explicitly adds something.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, type Harness } from './harness';
import { loadProvider } from './data';

declare const chrome: {
  developerPrivate: {
    updateProfileConfiguration(c: { inDeveloperMode: boolean }): Promise<void>;
    updateExtensionConfiguration(c: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
    getExtensionInfo(id: string): Promise<{ state: string }>;
  };
  windows: { create(o: { incognito: boolean; url: string }): Promise<{ id?: number; incognito: boolean }> };
  tabs: { query(q: { windowId?: number }): Promise<Array<{ id?: number }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: null): Promise<Record<string, unknown>> } };
};

describe('a private window in real Chromium', () => {
  let h: Harness;
  before(async () => {
    h = await launch();
    // What a user does on chrome://extensions: developer mode on (as for any unpacked extension), then
    // "Allow in Incognito". Chrome reloads the extension.
    const page = await h.context.newPage();
    await page.goto(`chrome://extensions/?id=${h.extensionId}`);
    await page.evaluate(async (id) => {
      await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
      await chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
      for (let i = 0; i < 50 && (await chrome.developerPrivate.getExtensionInfo(id)).state !== 'ENABLED'; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    }, h.extensionId);
    await page.close();
  });
  after(async () => h?.close());

  it('matches a private tab, says so in the panel, and saves nothing by itself', async () => {
    const mindbloom = loadProvider('mindbloom');
    const helper = await h.openPanel(null);
    const { tabId, incognito } = await helper.evaluate(async () => {
      const win = await chrome.windows.create({ incognito: true, url: 'https://www.mindbloom.com/private-visit' });
      const [tab] = await chrome.tabs.query({ windowId: win.id });
      return { tabId: tab!.id!, incognito: win.incognito };
    });
    assert.equal(incognito, true);
    await helper.waitForFunction(async (id) => (await chrome.action.getBadgeText({ tabId: id })) === '●', tabId);

    const panel = await h.openPanel(tabId);
    await panel.getByRole('heading', { level: 2, name: mindbloom.name }).waitFor();
    await panel.getByText('This window is private, but your shortlist is stored on this device.').waitFor();

    // Nothing was written: no shortlist, no local preference.
    const list = await h.openPanel(null, { hash: '#/shortlist' });
    await list.getByRole('heading', { name: 'Keep the clinics you are considering in one place' }).waitFor();
    assert.deepEqual(await list.evaluate(() => chrome.storage.local.get(null)), {});
  });
});
