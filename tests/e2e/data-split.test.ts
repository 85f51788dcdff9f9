// Issue 14 in real Chromium: the panel loads only what it shows. Every file of the extension a page
// requests is recorded from the browser context's request events; the card, Browse with a filter and a
// Compare of three providers all work from the split data, and none of them loads the whole dataset.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import type { Provider } from '../../lib/dataset/schema';
import { PROVIDER_LOAD_MESSAGE } from '../../lib/dataset/loader';
import { loadProvider } from './data';
import { EXTENSION_DIR, launch, visit, type Harness } from './harness';
import { waitForText } from './wait';

const mindbloom = loadProvider('mindbloom');
const kcla = loadProvider('ketamine-clinics-los-angeles');
const kwc = loadProvider('ketamine-wellness-centers');
const all: Provider[] = readdirSync(new URL('../../data/providers/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => loadProvider(f.replace(/\.json$/, '')));

const PROVIDER_FILE = /^data\/providers\/([a-z0-9-]+)\.json$/;
const INDEX_FILE = 'data/browse-index.json';

describe('split data: the panel loads only what it shows (real Chromium)', () => {
  let h: Harness;
  /** Paths (no leading slash) of this extension's own files requested by pages, in order. */
  let files: string[] = [];
  const record = (r: Request) => {
    const u = new URL(r.url());
    if (u.protocol === 'chrome-extension:' && u.host === h.extensionId) files.push(decodeURIComponent(u.pathname.slice(1)));
  };
  const providerFiles = () => files.flatMap((f) => PROVIDER_FILE.exec(f)?.[1] ?? []);
  const since = async (action: () => Promise<void>) => {
    files = [];
    await action();
    return [...files];
  };

  before(async () => {
    h = await launch();
    h.context.on('request', record);
  });
  after(async () => h?.close());

  it('the package holds one file per provider and the Browse index; the panel bundle holds no record', () => {
    const packaged = readdirSync(join(EXTENSION_DIR, 'data/providers')).sort();
    assert.deepEqual(packaged, all.map((p) => `${p.id}.json`).sort());
    const index = JSON.parse(readFileSync(join(EXTENSION_DIR, INDEX_FILE), 'utf8'));
    assert.equal(index.entries.length, all.length);
    // A sentence only the full records hold (a summary) appears in no script of the build.
    const scripts = readdirSync(join(EXTENSION_DIR, 'chunks')).map((f) => readFileSync(join(EXTENSION_DIR, 'chunks', f), 'utf8')).join('\n');
    assert.ok(!scripts.includes(mindbloom.summary), 'no provider summary is bundled in a script');
  });

  let panel: Page;
  let tabId: number;

  it('a card loads its own record only: no Browse index, no other provider, no other view', async () => {
    ({ tabId } = await visit(h, 'https://www.mindbloom.com/'));
    const requested = await since(async () => {
      panel = await h.openPanel(tabId, { width: 1000 });
      await panel.getByRole('heading', { level: 2, name: mindbloom.name }).waitFor();
      await panel.waitForTimeout(300); // anything loaded just after the card shows
    });
    assert.deepEqual(providerFiles(), ['mindbloom', ...mindbloom.confusableWith.map((c) => c.id)]);
    assert.ok(!requested.includes(INDEX_FILE), 'the Browse index is not loaded for a card');
    assert.deepEqual(requested.filter((f) => /^chunks\/(BrowseView|CompareView|ShortlistView|PrintPage|ImportDialog)-/.test(f)), []);
    assert.ok(requested.length < 12, `a handful of files, not the dataset: ${requested.join(', ')}`);
  });

  it('Browse loads the index when it first opens, and a filter works on it without loading records', async () => {
    const requested = await since(async () => {
      await panel.evaluate(() => (location.hash = '#/browse'));
      await panel.getByRole('heading', { level: 2, name: 'Browse providers' }).waitFor();
      await panel.locator('.results .result').first().waitFor();
    });
    assert.deepEqual(requested.filter((f) => f === INDEX_FILE), [INDEX_FILE]);
    assert.ok(requested.some((f) => f.startsWith('chunks/BrowseView-')), 'the Browse view is its own chunk, loaded now');

    const atHome = all.filter(
      (p) => (p.delivery.value === 'at-home' || p.delivery.value === 'both') && p.status.state !== 'closed' && p.kind !== 'resource',
    );
    const filtered = await since(async () => {
      await panel.getByRole('radio', { name: 'At home' }).check();
      await waitForText(panel, '.browse__count', `${atHome.length} providers match (of ${all.length}).`);
    });
    assert.deepEqual(filtered.filter((f) => f.startsWith('data/')), [], 'filtering reads nothing more');
    const shown = await panel.locator('.results .result__name').allInnerTexts();
    assert.equal(shown.length, Math.min(atHome.length, 100));
    for (const name of shown) assert.ok(atHome.some((p) => p.name === name), `${name} is at home`);

    // Back to the card and again to Browse: both from memory.
    const again = await since(async () => {
      await panel.evaluate(() => (location.hash = '#/site'));
      await panel.getByRole('heading', { level: 2, name: mindbloom.name }).waitFor();
      await panel.evaluate(() => (location.hash = '#/browse'));
      await panel.locator('.results .result').first().waitFor();
    });
    assert.deepEqual(again.filter((f) => f.startsWith('data/')), []);
  });

  it('Compare of three providers loads those three records, and shows them side by side', async () => {
    const ids = [mindbloom.id, kcla.id, kwc.id];
    files = [];
    const page = await h.openPanel(null, { width: 1100, hash: `#/compare/${ids.join(',')}` });
    const table = page.locator('table');
    await table.waitFor();
    const cols = (await table.locator('thead th[scope="col"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.equal(cols.length, 4);
    assert.deepEqual(cols.slice(1).map((c) => c.split(' Closed')[0]), [mindbloom.name, kcla.name, kwc.name]);
    assert.deepEqual([...new Set(providerFiles())].sort(), [...ids].sort());
    assert.ok(!files.includes(INDEX_FILE), 'Compare does not load the Browse index');
    await page.close();
  });

  it('a record missing from the package: "couldn\'t load this provider\'s facts" with Try again, never a blank panel', async () => {
    const page = await h.openPanel(null, { hash: '#/provider/not-in-the-package' });
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: PROVIDER_LOAD_MESSAGE }).waitFor();
    const retry = alert.getByRole('button', { name: 'Try again' });
    files = [];
    await retry.click();
    await alert.getByRole('heading', { name: PROVIDER_LOAD_MESSAGE }).waitFor();
    await page.waitForTimeout(100);
    assert.deepEqual(providerFiles(), ['not-in-the-package'], 'Try again reads the file again');
    await page.close();
  });
});
