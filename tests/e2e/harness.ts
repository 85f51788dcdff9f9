// Real Chromium (Debian's /usr/bin/chromium) with the built extension loaded, every hostname mapped
// to the local fixture server. Never downloads a browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startFixtureServer } from './fixture-server';

// The extension APIs as seen inside the service worker, for sw.evaluate callbacks.
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>> };
  action: { getBadgeText(d: { tabId?: number }): Promise<string>; getTitle(d: { tabId?: number }): Promise<string> };
};

export const EXTENSION_DIR = new URL('../../.output/chrome-mv3', import.meta.url).pathname;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = new URL('../../docs/screenshots/', import.meta.url).pathname;

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  profileDir: string;
  /** Uncaught errors and console errors of every extension page the tests opened. */
  pageErrors: string[];
  /**
   * Every network request the browser saw an extension page or the extension's service worker start,
   * attributed at the browser level (Playwright's CDP Network domain on each page and on the service
   * worker, not Origin/Referer headers), except loads of the extension's own files.
   */
  extensionRequests: ExtensionRequest[];
  worker(): Promise<Worker>;
  /** The id the browser gave the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Waits until the badge of `tabId` reads `text` (the background works asynchronously). */
  waitForBadge(tabId: number, text: string, timeoutMs?: number): Promise<void>;
  /** The side panel bound to `tabId`, opened as a page (a real side panel is not scriptable). */
  openPanel(tabId: number | null, opts?: { width?: number; hash?: string; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  stopServiceWorker(): Promise<void>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export interface ExtensionRequest {
  url: string;
  /** 'page' (side panel or another extension page) or 'worker' (the background service worker). */
  from: 'page' | 'worker';
  /** The extension page or worker URL that made it. */
  initiator: string;
  /** Set once the browser reports the outcome: 'finished' (a response arrived) or the failure text. */
  outcome: 'pending' | 'finished' | string;
}

/** `extensionDir`: another build to load (a synthetic-data benchmark build, a fixture-dataset build in a temp dir); the Chrome build by default. */
export async function launch(opts: { profileDir?: string; server?: Harness['server']; extensionDir?: string } = {}): Promise<Harness> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const server = opts.server ?? (await startFixtureServer({ tls: true }));
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'clinic-scout-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
      '--ignore-certificate-errors',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForEngagedSites,NetworkTimeServiceQuerying',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });

  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL((await worker()).url()).host;

  const pageErrors: string[] = [];
  const extensionRequests: ExtensionRequest[] = [];
  const origin = `chrome-extension://${extensionId}/`;
  const seen = new Map<object, ExtensionRequest>();
  context.on('request', (request) => {
    const sw = request.serviceWorker();
    let initiator = '';
    try {
      initiator = sw ? sw.url() : request.frame().url();
    } catch {
      initiator = ''; // a request of a frame that is already gone
    }
    if (!initiator.startsWith(origin) || request.url().startsWith(origin)) return;
    const record: ExtensionRequest = { url: request.url(), from: sw ? 'worker' : 'page', initiator, outcome: 'pending' };
    seen.set(request, record);
    extensionRequests.push(record);
  });
  context.on('requestfinished', (request) => {
    const r = seen.get(request);
    if (r) r.outcome = 'finished';
  });
  context.on('requestfailed', (request) => {
    const r = seen.get(request);
    if (r) r.outcome = request.failure()?.errorText ?? 'failed';
  });
  const harness: Harness = {
    context,
    extensionId,
    server,
    profileDir,
    pageErrors,
    extensionRequests,
    worker,
    async tabIdOf(page) {
      const url = page.url();
      const sw = await worker();
      // A page still loading may report its address as pendingUrl for a moment on a busy machine: look again briefly.
      let ids: number[] = [];
      for (const end = Date.now() + 5000; ; await new Promise((r) => setTimeout(r, 50))) {
        ids = await sw.evaluate(async (u) => (await chrome.tabs.query({})).filter((t) => (t.url || t.pendingUrl) === u).map((t) => t.id!), url);
        if (ids.length === 1 || Date.now() > end) break;
      }
      if (ids.length !== 1) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
      return ids[0]!;
    },
    async badgeText(tabId) {
      const sw = await worker();
      return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async waitForBadge(tabId, text, timeoutMs = 5000) {
      const end = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < end) {
        last = await harness.badgeText(tabId);
        if (last === text) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`badge of tab ${tabId} is "${last}", expected "${text}"`);
    },
    async openPanel(tabId, { width = 360, hash = '', colorScheme = 'light' } = {}) {
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`${page.url()}: ${m.text()}`);
      });
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      const query = tabId === null ? '' : `?tabId=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html${query}${hash}`);
      return page;
    },
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!opts.server) await server.close();
      if (!keepProfile && !opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Opens `url` in a new tab and returns the page and its tab id once the badge logic has run. */
export async function visit(h: Harness, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await h.context.newPage();
  await page.goto(url);
  const tabId = await h.tabIdOf(page);
  return { page, tabId };
}
