// Issue 14: what the panel loads and how fast it answers with the real dataset and synthetic ones of 1,000
// and 5,000 providers (tests/bench/synthetic.ts), each built into its own extension (.output/bench/…) and
// driven in real Chromium. `npm run bench -- data-split`; CLINIC_SCOUT_BENCH_SIZES=1000 picks sizes.
//
// - Files to show one card: every chrome-extension:// request of a fresh side panel page bound to a tab
//   on mindbloom.com until the card's heading is in the DOM, from the context's request events (and,
//   separately, what follows in the next 300 ms); sizes gzipped from the built files.
// - Open → card: navigation start of the panel page to the card's heading in the DOM (in-page clock).
// - Browse first results: from the hash change to #/browse on a freshly opened panel to the first result
//   in the DOM with layout done (MutationObserver, in the page).
// - Keystroke / filter change: in the page — set the search field's value (or the state select's) and fire
//   its event, wait for Preact's render (a MessageChannel task after its microtask) and force layout.
//   No paint: the figure is script + style + layout.
// - Badge: the tab's badge after a navigation with the worker just stopped (badge-latency.bench.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { readProviderFiles } from '../../lib/dataset/read-files';
import { EXTENSION_DIR, launch, visit, type Harness } from '../e2e/harness';
import { CLOSED, pct, PROVIDER, timeToBadge } from './badge-latency.bench';
import { writeSyntheticDataset } from './synthetic';
import type { Bench, BenchResult } from './types';

const ROOT = new URL('../../', import.meta.url).pathname;
const REAL = readProviderFiles().length;
const SIZES = (process.env.CLINIC_SCOUT_BENCH_SIZES ?? `${REAL},1000,5000`).split(',').map(Number);

interface Build {
  count: number;
  dir: string;
  synthetic: boolean;
}

/** The real build (npm run bench has just built it) or a synthetic one, built now. */
function buildFor(size: number): Build {
  if (size === REAL) return { count: REAL, dir: EXTENSION_DIR, synthetic: false };
  const { root } = writeSyntheticDataset(size);
  // Not npx: it would replace npm_lifecycle_event, which the build checks (scripts/data-dir.ts).
  const r = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, CLINIC_SCOUT_DATA_DIR: root },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`bench build of ${size} providers failed:\n${r.stderr || r.stdout}`);
  return { count: size, dir: join(ROOT, `.output/bench/providers-${size}/chrome-mv3`), synthetic: true };
}

/** KB with one decimal below 100 KB, whole above (the table prints non-integers to 3 significant digits). */
const kb = (n: number) => (n >= 102_400 ? Math.round(n / 1024) : Math.round(n / 102.4) / 10);
const gz = (file: string) => gzipSync(readFileSync(file)).length;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

function zipSize(dir: string): number {
  const out = join(ROOT, `.output/bench/zip-${process.pid}.zip`);
  rmSync(out, { force: true });
  const r = spawnSync('zip', ['-r', '-q', '-9', '-X', out, '.'], { cwd: dir });
  if (r.status !== 0) throw new Error(`zip failed: ${r.stderr}`);
  const size = statSync(out).size;
  rmSync(out);
  return size;
}

// Page scripts are strings: tsx would wrap named functions in a helper the page does not have.
const BROWSE_FIRST = `new Promise((resolve) => {
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (!document.querySelector('.results .result')) return;
    obs.disconnect();
    void document.body.offsetHeight;
    resolve(performance.now() - t0);
  });
  obs.observe(document.body, { childList: true, subtree: true });
  location.hash = '#/browse';
})`;

const TICK = `() => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); })`;

const KEYSTROKES = `(async () => {
  const tick = ${TICK};
  const input = document.querySelector('#browse-query');
  const set = async (v) => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); await tick(); void document.body.offsetHeight; };
  const times = [];
  const text = 'ketamine cl';
  for (let round = 0; round < 3; round++) {
    for (let i = 1; i <= text.length; i++) {
      const t0 = performance.now();
      await set(text.slice(0, i));
      times.push(performance.now() - t0);
    }
    await set('');
  }
  return times;
})()`;

const FILTER_CHANGES = `(async () => {
  const tick = ${TICK};
  const select = document.querySelector('#browse-state');
  const times = [];
  for (let round = 0; round < 3; round++) {
    for (const v of ['CA', 'TX', 'NY', 'CO', 'FL', '']) {
      const t0 = performance.now();
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await tick();
      void document.body.offsetHeight;
      times.push(performance.now() - t0);
    }
  }
  return times;
})()`;

async function cardFiles(h: Harness, tabId: number) {
  const requested = new Set<string>();
  const onRequest = (r: { url(): string }) => {
    const u = new URL(r.url());
    if (u.host === h.extensionId) requested.add(decodeURIComponent(u.pathname.slice(1)));
  };
  h.context.on('request', onRequest);
  const panel = await h.openPanel(tabId);
  await panel.locator('h2#card-title').waitFor();
  const atCard = [...requested];
  await panel.waitForTimeout(300);
  h.context.off('request', onRequest);
  await panel.close();
  return { atCard, after: [...requested].filter((f) => !atCard.includes(f)) };
}

async function openToCard(h: Harness, tabId: number): Promise<number[]> {
  const panel = await h.context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tabId=${tabId}&run=${i}`);
    await panel.locator('h2#card-title').waitFor();
    times.push(await panel.evaluate(() => performance.now()));
  }
  await panel.close();
  return times.slice(3);
}

async function browse(h: Harness, tabId: number) {
  const panel: Page = await h.context.newPage();
  await panel.setViewportSize({ width: 1000, height: 900 });
  const first: number[] = [];
  for (let i = 0; i < 7; i++) {
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tabId=${tabId}&browse=${i}`);
    await panel.locator('h2#card-title').waitFor();
    first.push((await panel.evaluate(BROWSE_FIRST)) as number);
  }
  const keys = (await panel.evaluate(KEYSTROKES)) as number[];
  const filters = (await panel.evaluate(FILTER_CHANGES)) as number[];
  await panel.close();
  return { first: first.slice(2), keys, filters };
}

async function badgeCold(h: Harness): Promise<number[]> {
  const poller = await h.openPanel(null);
  const page = await h.context.newPage();
  await page.goto('https://www.example-news.com/');
  const tabId = await h.tabIdOf(page);
  for (let i = 0; i < 3; i++) await timeToBadge(poller, page, tabId, i % 2 ? PROVIDER : CLOSED, i);
  const cold: number[] = [];
  for (let i = 0; i < 10; i++) {
    await h.stopServiceWorker();
    await new Promise((r) => setTimeout(r, 300));
    cold.push(await timeToBadge(poller, page, tabId, i % 2 ? PROVIDER : CLOSED, 100 + i));
  }
  await poller.close();
  await page.close();
  return cold;
}

async function measure(b: Build): Promise<BenchResult[]> {
  const tag = `@${b.count.toLocaleString('en-US')}${b.synthetic ? ' (synthetic)' : ' (real)'}`;
  const big = b.count >= 5000;
  const out: BenchResult[] = [];
  const h = await launch({ extensionDir: b.dir });
  try {
    const { tabId } = await visit(h, PROVIDER.url);
    const { atCard: files, after } = await cardFiles(h, tabId);
    const code = files.filter((f) => /\.(js|css)$/.test(f));
    const data = files.filter((f) => f.endsWith('.json'));
    const later = after.filter((f) => /\.(js|css)$/.test(f));
    const codeGz = code.reduce((s, f) => s + gz(join(b.dir, f)), 0);
    const dataGz = data.reduce((s, f) => s + gz(join(b.dir, f)), 0);
    out.push({ name: `card: scripts + styles loaded ${tag} (${code.length} files)`, value: kb(codeGz), unit: 'KB gzipped', target: '≤ 50 KB', ok: kb(codeGz) <= 50 });
    out.push({ name: `card: data files loaded ${tag} (${data.join(', ') || 'none'})`, value: kb(dataGz), unit: 'KB gzipped' });
    out.push({
      name: `card: scripts loaded in the 300 ms after it showed ${tag} (${later.map((f) => f.replace(/^chunks\//, '').replace(/-[\w-]+\.js$/, '')).join(', ') || 'none'})`,
      value: kb(later.reduce((sum, f) => sum + gz(join(b.dir, f)), 0)),
      unit: 'KB gzipped',
    });

    const open = await openToCard(h, tabId);
    const openP50 = pct(open, 50);
    out.push({ name: `side panel open → card shown, p50 of 12 ${tag}`, value: openP50, unit: 'ms', ...(big ? { target: '≤ 100 ms', ok: openP50 <= 100 } : {}) });

    const br = await browse(h, tabId);
    const firstP50 = pct(br.first, 50);
    const keyP50 = pct(br.keys, 50);
    const filterP50 = pct(br.filters, 50);
    out.push({ name: `Browse first results, p50 of 5 ${tag}`, value: firstP50, unit: 'ms', ...(big ? { target: '≤ 150 ms', ok: firstP50 <= 150 } : {}) });
    out.push({ name: `search keystroke → results laid out, p50 of ${br.keys.length} ${tag} (in Chromium)`, value: keyP50, unit: `ms (p90 ${pct(br.keys, 90).toFixed(1)})`, ...(big ? { target: '≤ 16 ms', ok: keyP50 <= 16 } : {}) });
    out.push({ name: `state filter change → results laid out, p50 of ${br.filters.length} ${tag} (in Chromium)`, value: filterP50, unit: `ms (p90 ${pct(br.filters, 90).toFixed(1)})`, ...(big ? { target: '≤ 16 ms', ok: filterP50 <= 16 } : {}) });

    const cold = await badgeCold(h);
    const coldP50 = pct(cold, 50);
    out.push({ name: `worker stopped → navigation → badge, p50 of 10 ${tag}`, value: coldP50, unit: `ms (max ${Math.max(...cold).toFixed(0)})`, ...(big ? { target: '≤ 300 ms', ok: coldP50 <= 300 } : {}) });
  } finally {
    await h.close();
  }
  const bg = join(b.dir, 'background.js');
  out.push({ name: `background bundle ${tag}`, value: kb(statSync(bg).size), unit: `KB (${kb(gz(bg))} KB gzipped)` });
  const index = join(b.dir, 'data/browse-index.json');
  out.push({ name: `Browse index ${tag}`, value: kb(statSync(index).size), unit: `KB (${kb(gz(index))} KB gzipped)` });
  const files = allFiles(b.dir);
  out.push({ name: `packaged zip ${tag} (${files.length} files)`, value: kb(zipSize(b.dir)), unit: 'KB' });
  return out;
}

const bench: Bench = async () => {
  const results: BenchResult[] = [];
  for (const size of SIZES) results.push(...(await measure(buildFor(size))));
  return results;
};

export default bench;
