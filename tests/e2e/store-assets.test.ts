// Store listing images, made from the real extension in Chromium (docs/store/):
// - 1280×800 screenshots: the real side panel (sidepanel.html bound to the tab) beside the tab it
//   describes, with the real toolbar icon and badge of that tab, laid out as Chrome shows a side panel.
//   A side panel itself cannot be captured, so the frame around the two real captures is drawn here.
//   The clinic's page is the test fixture (a plain stand-in page, not the provider's real website).
// - the 440×280 promo tile: docs/store/promo-tile.html (icon and name) rendered and captured.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launch, visit, type Harness } from './harness';
import { loadProvider } from './data';

declare const chrome: {
  action: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(d: { tabId: number }): Promise<[number, number, number, number]>;
  };
};

const STORE_DIR = new URL('../../docs/store/', import.meta.url).pathname;
const SHOT_DIR = join(STORE_DIR, 'screenshots');
const WIDTH = 1280;
const HEIGHT = 800;
const TOOLBAR = 48;
const PANEL = 400;

const pngSize = (path: string) => {
  const b = readFileSync(path);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${path} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A neutral stand-in for the clinic's own page (the fixture server's page is a bare heading). */
async function dressFixturePage(page: Page, host: string) {
  await page.evaluate((h) => {
    document.body.innerHTML = `
      <header><strong>${h}</strong><nav><span>Treatments</span><span>Locations</span><span>Pricing</span><span>Contact</span></nav></header>
      <main><p class="kicker">Stand-in page for the screenshot</p><h1>Ketamine therapy</h1>
      <div class="bar w90"></div><div class="bar w80"></div><div class="bar w60"></div>
      <div class="cards"><div></div><div></div><div></div></div>
      <div class="bar w85"></div><div class="bar w70"></div></main>`;
    const style = document.createElement('style');
    style.textContent = `
      body { margin: 0; font-family: 'DejaVu Sans', sans-serif; background: #fbfaf7; color: #2b2b2b; }
      header { display: flex; justify-content: space-between; align-items: center; padding: 20px 40px; border-bottom: 1px solid #e4e1da; }
      header strong { font-size: 18px; color: #5b4a7a; }
      nav span { margin-left: 24px; color: #666; font-size: 14px; }
      main { padding: 48px 40px; }
      .kicker { color: #888; font-size: 13px; text-transform: uppercase; letter-spacing: 1px; margin: 0 0 8px; }
      h1 { font-size: 40px; margin: 0 0 28px; color: #3b2f55; }
      .bar { height: 12px; background: #e6e2d9; border-radius: 6px; margin: 12px 0; }
      .w90 { width: 90%; } .w85 { width: 85%; } .w80 { width: 80%; } .w70 { width: 70%; } .w60 { width: 60%; }
      .cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 20px; margin: 36px 0; }
      .cards div { height: 150px; background: #ece7f3; border-radius: 12px; }`;
    document.head.append(style);
  }, host);
}

describe('store listing images from the real extension', () => {
  let h: Harness;
  let icon32 = '';
  before(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    h = await launch();
    icon32 = dataUrl(readFileSync(join(EXTENSION_DIR, 'icons', '32.png')));
  });
  after(async () => h?.close());

  /** The clinic's tab and the panel bound to it, captured separately, then framed side by side. */
  async function panelBesideTab(file: string, url: string, heading: string, prepare?: (panel: Page) => Promise<void>) {
    const { page, tabId } = await visit(h, url);
    const host = new URL(url).host;
    await page.setViewportSize({ width: WIDTH - PANEL, height: HEIGHT - TOOLBAR });
    await dressFixturePage(page, host);
    const panel = await h.openPanel(tabId, { width: PANEL });
    await panel.setViewportSize({ width: PANEL, height: HEIGHT - TOOLBAR });
    await panel.getByRole('heading', { name: heading }).first().waitFor();
    await prepare?.(panel);
    const sw = await h.worker();
    const badge = await sw.evaluate(async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
    }), tabId);
    assert.ok(badge.text, `the badge of ${host} is lit`);
    const [tabShot, panelShot] = [await page.screenshot(), await panel.screenshot()];

    const frame = await h.context.newPage();
    await frame.setViewportSize({ width: WIDTH, height: HEIGHT });
    await frame.setContent(`<!doctype html><html><head><style>
      body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; font-family: 'DejaVu Sans', sans-serif; background: #fff; }
      .toolbar { height: ${TOOLBAR}px; box-sizing: border-box; display: flex; align-items: center; gap: 12px; padding: 0 12px;
                 background: #dee3ea; border-bottom: 1px solid #c4cad3; }
      .nav { color: #5f6368; font-size: 18px; width: 18px; text-align: center; }
      .url { flex: 1; height: 32px; border-radius: 16px; background: #fff; display: flex; align-items: center; padding: 0 16px;
             font-size: 14px; color: #202124; }
      .url span { color: #5f6368; }
      .ext { position: relative; width: 32px; height: 32px; padding: 4px; border-radius: 50%; background: #c4d3ea; }
      .ext img { width: 24px; height: 24px; margin: 4px; }
      .badge { position: absolute; right: -4px; bottom: -2px; min-width: 16px; height: 16px; padding: 0 3px; border-radius: 8px;
               box-sizing: border-box; color: #fff; font-size: 11px; line-height: 16px; text-align: center; }
      .content { display: flex; height: ${HEIGHT - TOOLBAR}px; }
      .content img { display: block; }
      .side { border-left: 1px solid #c4cad3; box-shadow: -2px 0 6px rgba(0,0,0,.08); }
    </style></head><body>
      <div class="toolbar">
        <div class="nav">←</div><div class="nav">→</div>
        <div class="url"><span>https://</span>${escape(host)}/</div>
        <div class="ext" title="Clinic Scout"><img src="${icon32}" alt="">
          <div class="badge" style="background: rgb(${badge.color.slice(0, 3).join(',')})">${escape(badge.text)}</div></div>
      </div>
      <div class="content">
        <img src="${dataUrl(tabShot)}" width="${WIDTH - PANEL - 1}" height="${HEIGHT - TOOLBAR}" style="object-fit: cover; object-position: left top">
        <img class="side" src="${dataUrl(panelShot)}" width="${PANEL}" height="${HEIGHT - TOOLBAR}">
      </div>
    </body></html>`);
    await frame.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    const path = join(SHOT_DIR, file);
    await frame.screenshot({ path });
    assert.deepEqual(pngSize(path), { width: WIDTH, height: HEIGHT });
    await Promise.all([frame.close(), panel.close(), page.close()]);
  }

  it('1-recognised.png: an operating provider, its facts beside its site', async () => {
    await panelBesideTab('1-recognised.png', 'https://www.mindbloom.com/', loadProvider('mindbloom').name);
  });

  it('2-closed.png: a closed provider says so first', async () => {
    await panelBesideTab('2-closed.png', 'https://ketaminewellnesscenters.com/', loadProvider('ketamine-wellness-centers').name);
  });

  it('3-look-alike.png: a look-alike site is named as not the provider', async () => {
    await panelBesideTab('3-look-alike.png', 'https://www.mindbloomlajolla.com/', 'This site is not Mindbloom');
  });

  it('4-cost.png: what a plan might cost, with the basis of every figure', async () => {
    await panelBesideTab('4-cost.png', 'https://ketamineclinics.com/', loadProvider('ketamine-clinics-los-angeles').name, async (panel) => {
      await panel.getByRole('button', { name: 'Add to shortlist' }).click();
      await panel.getByText(/On your shortlist/).first().waitFor();
      await panel.getByRole('heading', { name: 'Costs', exact: true }).evaluate((el) => el.closest('section')!.scrollIntoView());
    });
  });

  it('5-compare.png: compare providers side by side, opened in a full tab', async () => {
    const panel = await h.openPanel(null, { hash: '#/compare/mindbloom,ketamine-clinics-los-angeles,ketamine-wellness-centers', width: WIDTH });
    await panel.setViewportSize({ width: WIDTH, height: HEIGHT });
    await panel.getByRole('table').first().waitFor();
    const path = join(SHOT_DIR, '5-compare.png');
    await panel.screenshot({ path });
    assert.deepEqual(pngSize(path), { width: WIDTH, height: HEIGHT });
    await panel.close();
  });

  it('promo-440x280.png: the small promo tile, icon and name', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 440, height: 280 });
    await page.goto(new URL('promo-tile.html', `file://${STORE_DIR}`).href);
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    const path = join(STORE_DIR, 'promo-440x280.png');
    await page.screenshot({ path });
    assert.deepEqual(pngSize(path), { width: 440, height: 280 });
    await page.close();
  });

  it('no extension page reported an error', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
