// Firefox: the build installs in headless Firefox ESR and its background recognises a provider URL.
// Stock /usr/bin/firefox-esr over WebDriver BiDi (see firefox-bidi.ts); needs `wxt build -b firefox`.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BiDi,
  browserActionWidgetId,
  browserWindowContext,
  launchFirefox,
  quietPrefs,
  readExtension,
  startSinkProxy,
  withTimeout,
  writeUserJs,
  type ExtensionView,
  type FirefoxProcess,
} from './firefox-bidi';
import { startFixtureServer } from './fixture-server';

const EXTENSION_DIR = new URL('../../.output/firefox-mv2', import.meta.url).pathname;
const PROVIDER_HOST = 'www.mindbloom.com';
const OTHER_HOST = 'www.example-news.com';
const OTHER_PATH = '/ketamine-clinics-review';

/** Firefox's start (~0.3 s), session (~1 s) and install (~0.5 s) take ~2 s here; the limits are generous. */
const LIMIT = { launch: 20_000, connect: 10_000, install: 15_000, navigate: 10_000, badge: 5_000, probe: 5_000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Firefox: the build installs in headless Firefox ESR and its background recognises a provider URL (WebDriver BiDi)', { timeout: 60_000 }, () => {
  let root = '';
  let firefox: FirefoxProcess | undefined;
  let bidi: BiDi | undefined;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let sink: Awaited<ReturnType<typeof startSinkProxy>>;
  let geckoId = '';
  let installedId: unknown;
  let chrome = '';
  let providerUrl = '';
  let otherUrl = '';
  /** BiDi contexts of the two tabs. */
  let providerTab = '';
  let otherTab = '';

  // If the test process exits or is stopped from outside, after() does not run: still leave nothing behind.
  const lastResort = () => {
    try {
      if (firefox && firefox.proc.exitCode === null && firefox.proc.signalCode === null) process.kill(-firefox.proc.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
    if (root) rmSync(root, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    lastResort();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };

  before(async () => {
    assert.ok(
      existsSync(join(EXTENSION_DIR, 'manifest.json')),
      `No Firefox build at ${EXTENSION_DIR}: run "npx wxt build -b firefox" first.`,
    );
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    geckoId = manifest.browser_specific_settings?.gecko?.id;
    assert.ok(geckoId, 'the Firefox manifest has no browser_specific_settings.gecko.id');
    assert.ok(manifest.browser_action, 'the Firefox manifest has no browser_action (the badge lives there)');

    process.once('exit', lastResort);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    root = mkdtempSync(join(tmpdir(), 'clinic-scout-firefox-'));
    const profileDir = join(root, 'profile');
    const firefoxTmp = join(root, 'tmp');
    mkdirSync(firefoxTmp);

    server = await startFixtureServer();
    sink = await startSinkProxy();
    providerUrl = `http://${PROVIDER_HOST}:${server.port}/`;
    otherUrl = `http://${OTHER_HOST}:${server.port}${OTHER_PATH}`;
    const hosts = [PROVIDER_HOST, OTHER_HOST];
    // The two hosts resolve to loopback and are reached directly; everything else goes to the sink.
    writeUserJs(profileDir, { ...quietPrefs(hosts), ...sink.prefs(hosts) });

    firefox = await launchFirefox({
      profileDir,
      tmpDir: firefoxTmp,
      // Chrome-scope BiDi (the browser window, privileged scripts) is refused without it.
      extraArgs: ['--remote-allow-system-access'],
      timeoutMs: LIMIT.launch,
    });
    try {
      await drive();
    } catch (e) {
      // Firefox's own log usually says why (a refused install, a crash).
      (e as Error).message += `\n--- Firefox stderr (last 3000 chars) ---\n${firefox.stderr().slice(-3000)}`;
      throw e;
    }
  });

  async function drive() {
    bidi = await BiDi.connect(firefox!.wsUrl, LIMIT.connect);

    const installed = await bidi.send<{ extension: string }>(
      'webExtension.install',
      { extensionData: { type: 'path', path: EXTENSION_DIR } },
      LIMIT.install,
    );
    installedId = installed.extension;

    const tree = await bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', { maxDepth: 0 });
    providerTab = tree.contexts[0]!.context;
    await bidi.send('browsingContext.navigate', { context: providerTab, url: providerUrl, wait: 'complete' }, LIMIT.navigate);
    otherTab = (await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
    await bidi.send('browsingContext.navigate', { context: otherTab, url: otherUrl, wait: 'complete' }, LIMIT.navigate);

    chrome = await browserWindowContext(bidi);
  }

  after(async () => {
    await bidi?.close().catch(() => undefined);
    await firefox?.kill();
    await server?.close();
    await sink?.close();
    if (root) rmSync(root, { recursive: true, force: true });
    assert.ok(!root || !existsSync(root), `temporary profile ${root} was not removed`);
    process.removeListener('exit', lastResort);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  });

  const read = () => withTimeout('reading the add-on state in the browser window', LIMIT.probe, readExtension(bidi!, chrome, geckoId));
  const tabAt = (view: ExtensionView, url: string) => {
    const tab = view.tabs.find((t) => t.url === url);
    assert.ok(tab, `no tab at ${url} among ${JSON.stringify(view.tabs.map((t) => t.url))}`);
    return tab;
  };
  /** Reads until `ok` holds (the background works asynchronously), then returns the last view. */
  async function readUntil(what: string, ok: (v: ExtensionView) => boolean): Promise<ExtensionView> {
    const end = Date.now() + LIMIT.badge;
    let view = await read();
    while (!ok(view)) {
      if (Date.now() > end) throw new Error(`timed out after ${LIMIT.badge} ms waiting for ${what}; last state:\n${JSON.stringify(view, null, 2)}`);
      await sleep(50);
      view = await read();
    }
    return view;
  }

  it('installs as a temporary add-on under the gecko id of the manifest', async () => {
    assert.equal(installedId, geckoId);
    const view = await read();
    assert.equal(view.installed, true);
    assert.equal(view.temporary, true, 'installed as a temporary add-on');
    assert.equal(geckoId, 'clinic-scout@clinic-scout.invalid');
  });

  it('the background badges the provider tab "●" and leaves the other tab ""', async () => {
    // Firefox's own record of each tab's browserAction badge text, as set by the background.
    const view = await readUntil('the badge of the provider tab', (v) => tabAt(v, providerUrl).badgeText === '●');
    assert.equal(tabAt(view, providerUrl).badgeText, '●');
    assert.equal(tabAt(view, otherUrl).badgeText, '');
  });

  it('the toolbar button shows "●" while the provider tab is selected and nothing on the other tab', async () => {
    // The button (id derived from the gecko id; in the unified extensions panel) shows the selected tab's badge.
    for (const [context, url, badge] of [
      [providerTab, providerUrl, '●'],
      [otherTab, otherUrl, ''],
      [providerTab, providerUrl, '●'],
    ] as const) {
      await bidi!.send('browsingContext.activate', { context });
      const view = await readUntil(`the toolbar button to read "${badge}" on ${url}`, (v) => tabAt(v, url).selected && v.buttonBadge === badge);
      assert.equal(view.buttonBadge, badge, `button badge with ${url} selected`);
      assert.ok(view.area, `widget ${browserActionWidgetId(geckoId)} is placed in a toolbar area`);
    }
  });

  it('the background recorded each tab in storage.session', async () => {
    const view = await readUntil('both tabs in storage.session', (v) => v.tabs.every((t) => t.sessionState !== null));
    const provider = tabAt(view, providerUrl);
    const other = tabAt(view, otherUrl);
    assert.deepEqual(view.sessionKeys.sort(), [`tab:${provider.tabId}`, `tab:${other.tabId}`].sort());
    const pick = (s: unknown) => {
      const { tabId, host, result, incognito } = s as { tabId: number; host: string; result: { kind: string; providerId?: string }; incognito: boolean };
      return { tabId, host, kind: result.kind, providerId: result.providerId, incognito };
    };
    assert.deepEqual(pick(provider.sessionState), { tabId: provider.tabId, host: PROVIDER_HOST, kind: 'provider', providerId: 'mindbloom', incognito: false });
    assert.deepEqual(pick(other.sessionState), { tabId: other.tabId, host: OTHER_HOST, kind: 'none', providerId: undefined, incognito: false });
  });

  it('the add-on logged no script errors', async () => {
    assert.deepEqual((await read()).errors, []);
  });

  it('nothing was fetched but the two pages the test opened', () => {
    assert.deepEqual(
      server.requests.map(({ host, path }) => ({ host, path })),
      [
        { host: PROVIDER_HOST, path: '/' },
        { host: OTHER_HOST, path: OTHER_PATH },
      ],
    );
    // Every other host is proxied to the sink. With the prefs and MOZ_DISABLE_NONLOCAL_CONNECTIONS it
    // sees nothing; Mozilla's own services are tolerated in case a Firefox update adds one the prefs miss.
    const mozilla = /^(CONNECT |GET http:\/\/)([^/:\s]*\.)?(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)(:\d+)?(\/|\s|$)/;
    assert.deepEqual(sink.seen.filter((line) => !mozilla.test(line)), []);
    if (sink.seen.length) console.log(`Firefox's own requests (not the add-on's), refused: ${sink.seen.join(', ')}`);
  });
});
